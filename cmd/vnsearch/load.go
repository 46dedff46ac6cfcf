package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// loadStats summarizes one load of articles into the index.
type loadStats struct {
	New, Updated, Malformed, Grouped int
	Elapsed                          time.Duration
}

func (s loadStats) String() string {
	rate := float64(s.New+s.Updated) / max(s.Elapsed.Seconds(), 1e-9)
	return fmt.Sprintf("%d articles indexed (%d new, %d updated, %d syndicated copies grouped), %d malformed lines skipped, in %.1f s (%.0f docs/s)",
		s.New+s.Updated, s.New, s.Updated, s.Grouped, s.Malformed, s.Elapsed.Seconds(), rate)
}

// loader reads the import format into an index in batches.
type loader struct {
	ix        *search.Index
	enrich    func(*search.Article)
	batchSize int
	// onBatch is told the running totals after every batch.
	onBatch func(loadStats)
	// onMalformed is told of every malformed line, which is skipped.
	onMalformed func(*search.LineError)
}

// load reads r to the end. On a context cancel or an input error it stops
// after the last complete batch: what it reported as indexed is durable.
func (l *loader) load(ctx context.Context, r io.Reader) (loadStats, error) {
	start := time.Now()
	var st loadStats
	dec, err := search.NewDecoder(r)
	if err != nil {
		return st, err
	}
	cp := newCopies()
	batch := make([]search.Article, 0, l.batchSize)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		existing, err := l.ix.Existing(ctx, ids(batch))
		if err != nil {
			return err
		}
		cp.apply(batch)
		if err := l.ix.Index(ctx, batch...); err != nil {
			return err
		}
		cp.written(batch)
		st.Updated += existing
		st.New += len(batch) - existing
		st.Elapsed = time.Since(start)
		batch = batch[:0]
		if l.onBatch != nil {
			l.onBatch(st)
		}
		return nil
	}
	for {
		a, err := dec.Next()
		var lineErr *search.LineError
		switch {
		case errors.Is(err, io.EOF):
			if err := flush(); err != nil {
				return st, err
			}
			err := cp.regroup(ctx, l.ix)
			st.Grouped = cp.grouped()
			st.Elapsed = time.Since(start)
			return st, err
		case errors.As(err, &lineErr):
			st.Malformed++
			if l.onMalformed != nil {
				l.onMalformed(lineErr)
			}
			continue
		case err != nil:
			if ferr := flush(); ferr != nil {
				return st, ferr
			}
			return st, err
		}
		if l.enrich != nil {
			l.enrich(&a)
		}
		cp.add(&a)
		batch = append(batch, a)
		if len(batch) == l.batchSize {
			if err := flush(); err != nil {
				return st, err
			}
		}
		if err := ctx.Err(); err != nil {
			if ferr := flush(); ferr != nil {
				return st, ferr
			}
			return st, fmt.Errorf("interrupted after line %d: %w", dec.Line(), err)
		}
	}
}

func ids(articles []search.Article) []string {
	out := make([]string, len(articles))
	for i := range articles {
		out[i] = articles[i].ID
	}
	return out
}
