package ingest

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// maxReported bounds the malformed lines a summary lists (all are
// counted and passed to Config.OnMalformed).
const maxReported = 100

// Summary counts what one load did. It is the JSON answer of the live
// import.
type Summary struct {
	// Indexed counts distinct articles written: New ones and Updated ones
	// (already in the index before this load).
	Indexed int `json:"indexed"`
	New     int `json:"new"`
	Updated int `json:"updated"`
	// Grouped counts the articles sharing a syndication group with another.
	Grouped int `json:"grouped"`
	// Malformed counts the lines skipped; Errors lists the first of them.
	Malformed int `json:"malformed"`
	// Repeated counts the lines whose id an earlier line of the same input
	// had: the later line replaces the article, which is counted once.
	Repeated int `json:"repeated"`
	// Truncated counts the articles with text beyond search.MaxIndexedText,
	// stored whole but indexed to that length.
	Truncated int        `json:"truncated"`
	Seconds   float64    `json:"seconds"`
	Errors    []LineNote `json:"errors,omitempty"`
}

// LineNote is one malformed line of the input.
type LineNote struct {
	Line  int    `json:"line"`
	Error string `json:"error"`
}

func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d articles indexed (%d new, %d updated, %d syndicated copies grouped), %d malformed lines skipped",
		s.Indexed, s.New, s.Updated, s.Grouped, s.Malformed)
	if s.Repeated > 0 {
		fmt.Fprintf(&b, ", %d repeated ids (the last line kept)", s.Repeated)
	}
	if s.Truncated > 0 {
		fmt.Fprintf(&b, ", %d articles indexed to their first %d MB only", s.Truncated, search.MaxIndexedText>>20)
	}
	fmt.Fprintf(&b, ", in %.1f s (%.0f docs/s)", s.Seconds, float64(s.Indexed)/max(s.Seconds, 1e-9))
	return b.String()
}

// writer is the one goroutine that groups copies and writes batches.
type writer struct {
	ix    Index
	cfg   Config
	start time.Time
	sum   Summary
	cp    *copies
	seen  map[string]struct{} // ids of this load

	batch []search.Article
	fresh []string // ids of the batch not seen before in this load
	bytes int      // text in the batch
}

func (w *writer) malformed(e *search.LineError) {
	w.sum.Malformed++
	if len(w.sum.Errors) < maxReported {
		w.sum.Errors = append(w.sum.Errors, LineNote{Line: e.Line, Error: e.Err.Error()})
	}
	if w.cfg.OnMalformed != nil {
		w.cfg.OnMalformed(e)
	}
}

// add puts a prepared article in the batch.
func (w *writer) add(it *item) {
	a := it.a
	if _, ok := w.seen[a.ID]; ok {
		w.sum.Repeated++
	} else {
		w.seen[a.ID] = struct{}{}
		w.fresh = append(w.fresh, a.ID)
		if it.copyOK {
			w.cp.add(&a, it.sketch)
		}
	}
	if search.Truncated(&a) {
		w.sum.Truncated++
	}
	w.batch = append(w.batch, a)
	w.bytes += len(a.Title) + len(a.Lead) + len(a.Body)
}

// flush writes the batch as one durable index write and counts it.
func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	existing, err := w.ix.Existing(ctx, w.fresh)
	if err != nil {
		return err
	}
	w.cp.apply(w.batch)
	if err := w.ix.Index(ctx, w.batch...); err != nil {
		return err
	}
	w.cp.written(w.batch)
	w.sum.Updated += existing
	w.sum.New += len(w.fresh) - existing
	w.sum.Indexed = w.sum.New + w.sum.Updated
	w.sum.Seconds = time.Since(w.start).Seconds()
	clear(w.batch) // the texts may be large: let them go now
	w.batch, w.fresh, w.bytes = w.batch[:0], w.fresh[:0], 0
	if w.cfg.OnBatch != nil {
		w.cfg.OnBatch(w.sum)
	}
	return nil
}

// flushAfterStop writes the articles read before an interruption, within
// finalFlush, although ctx has ended.
func (w *writer) flushAfterStop(ctx context.Context) error {
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finalFlush)
	defer cancel()
	return w.flush(fctx)
}

// finish regroups the copies written before their group changed.
func (w *writer) finish(ctx context.Context) error {
	err := w.cp.regroup(ctx, w.ix)
	w.sum.Grouped = w.cp.grouped()
	w.sum.Seconds = time.Since(w.start).Seconds()
	return err
}
