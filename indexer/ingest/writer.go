package ingest

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
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

// writer is the one goroutine that groups copies and hands batches to
// index writes, up to Config.Writes of them in flight, and counts each
// once it is durable, in input order.
type writer struct {
	ix    Index
	cfg   Config
	start time.Time
	sum   Summary
	cp    *copies
	seen  map[string]struct{} // ids of this load

	batch   []search.Article
	fresh   []string // ids of the batch not seen before in this load
	bytes   int      // text in the batch
	repeats bool     // the batch holds an id seen before in this load

	flying      []*flight // the writes in flight, oldest first
	flyingBytes int       // text in flight
}

// flight is one batch being written while the writer fills the next.
type flight struct {
	batch    []search.Article
	fresh    []string
	bytes    int
	existing int // how many of fresh the index held before the write
	err      error
	done     chan struct{} // closed when the write has returned
}

// write counts the ids already indexed, then writes the batch. It is not
// cancelled with the load: a write begun is bounded by the batch and
// ends, so that an interruption loses none of the articles read.
func (f *flight) write(ctx context.Context, ix Index) {
	defer close(f.done)
	ctx = context.WithoutCancel(ctx)
	if f.existing, f.err = ix.Existing(ctx, f.fresh); f.err == nil {
		f.err = ix.Index(ctx, f.batch...)
	}
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
		w.repeats = true
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
	w.appendBatch(a)
}

// appendBatch puts a in the batch and counts its text.
func (w *writer) appendBatch(a search.Article) {
	w.batch = append(w.batch, a)
	w.bytes += len(a.Title) + len(a.Lead) + len(a.Body)
}

// full reports whether the batch holds batchArticles articles or
// Config.BatchBytes of text.
func (w *writer) full() bool {
	return len(w.batch) >= w.batchArticles() || w.bytes >= w.cfg.BatchBytes
}

// batchArticles is the most articles the next write holds:
// Config.LargeBatchArticles once Config.LargeBatchAfter are written,
// Config.BatchArticles before.
func (w *writer) batchArticles() int {
	if w.cfg.LargeBatchArticles > w.cfg.BatchArticles && w.sum.Indexed >= w.cfg.LargeBatchAfter {
		return w.cfg.LargeBatchArticles
	}
	return w.cfg.BatchArticles
}

// flush hands the batch to an index write, after the writes in flight
// land as far as needed: all of them when the batch repeats an id one of
// them may hold (the later line must be written last), and the oldest
// until fewer than Config.Writes are in flight holding at most
// Config.BatchBytes of text with this batch. It returns the error of a
// write that landed.
func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	keep := w.cfg.Writes - 1
	if w.repeats {
		keep = 0
	}
	for len(w.flying) > 0 && (len(w.flying) > keep || w.flyingBytes+w.bytes > w.cfg.BatchBytes) {
		if err := w.landOldest(); err != nil {
			return err
		}
	}
	// The groups are final for this write: a later change of group
	// marks the article moved, to be regrouped at the end.
	w.cp.apply(w.batch)
	w.cp.written(w.batch)
	f := &flight{batch: w.batch, fresh: w.fresh, bytes: w.bytes, done: make(chan struct{})}
	go f.write(ctx, w.ix)
	w.flying = append(w.flying, f)
	w.flyingBytes += f.bytes
	w.batch, w.fresh, w.bytes, w.repeats = make([]search.Article, 0, w.batchArticles()), nil, 0, false
	return nil
}

// landOldest waits for the oldest write in flight and counts it.
func (w *writer) landOldest() error {
	f := w.flying[0]
	w.flying[0] = nil
	w.flying = w.flying[1:]
	<-f.done
	w.flyingBytes -= f.bytes
	if f.err != nil {
		return f.err
	}
	w.sum.Updated += f.existing
	w.sum.New += len(f.fresh) - f.existing
	w.sum.Indexed = w.sum.New + w.sum.Updated
	w.sum.Seconds = time.Since(w.start).Seconds()
	if w.cfg.OnBatch != nil {
		w.cfg.OnBatch(w.sum)
	}
	return nil
}

// land waits for every write in flight, counting those that succeeded.
func (w *writer) land() error {
	var errs []error
	for len(w.flying) > 0 {
		errs = append(errs, w.landOldest())
	}
	return errors.Join(errs...)
}

// flushAfterStop writes the articles read before an interruption and
// waits for every write, within finalFlush, although ctx has ended.
func (w *writer) flushAfterStop(ctx context.Context) error {
	fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), finalFlush)
	defer cancel()
	return errors.Join(w.flush(fctx), w.land())
}

// finish regroups the copies written before their group changed.
func (w *writer) finish(ctx context.Context) error {
	err := w.regroup(ctx)
	w.sum.Grouped = w.cp.grouped()
	w.sum.Seconds = time.Since(w.start).Seconds()
	return err
}

// regroup rewrites the articles written before a later line moved them to
// an earlier copy's group, in batches bounded as the lines' are (flush
// gives each its final group and marks it written): a large import moves
// tens of thousands, and one write of all held all their analyses at once.
// It runs once every write of the lines has landed.
func (w *writer) regroup(ctx context.Context) error {
	for _, id := range slices.Sorted(maps.Keys(w.cp.moved)) {
		a, err := w.ix.Article(ctx, id)
		if err != nil {
			return errors.Join(fmt.Errorf("regroup %s: %w", id, err), w.land())
		}
		w.appendBatch(*a)
		if w.full() {
			if err := w.flush(ctx); err != nil {
				return errors.Join(fmt.Errorf("regroup copies: %w", err), w.land())
			}
		}
	}
	if err := errors.Join(w.flush(ctx), w.land()); err != nil {
		return fmt.Errorf("regroup copies: %w", err)
	}
	return nil
}
