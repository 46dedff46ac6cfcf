package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/search"
)

// Index is what a load needs of the index; *search.Index satisfies it.
type Index interface {
	Index(ctx context.Context, articles ...search.Article) error
	Existing(ctx context.Context, ids []string) (int, error)
	Article(ctx context.Context, id string) (*search.Article, error)
}

// Defaults of Config.
const (
	// DefaultBatchArticles is the most articles one index write holds.
	DefaultBatchArticles = 500
	// DefaultBatchBytes is the most text one index write holds: twelve
	// 15 MB records must not be one batch.
	DefaultBatchBytes = 32 << 20
	// DefaultCompactAfter is the fewest articles a load writes for the
	// index to be compacted after it.
	DefaultCompactAfter = 10000
)

// compacter is an Index that can merge its segments (search.Index.Compact):
// a bulk load leaves many, and every query term is looked up in each.
type compacter interface {
	Compact(ctx context.Context) error
}

// finalFlush bounds the write of the last batch after an interruption.
const finalFlush = time.Minute

// Config configures a load. The zero Config loads without metadata.
type Config struct {
	// Enrich fills an article's metadata (metadata.Enrich); it reads the
	// indexed part of the text only.
	Enrich func(*search.Article)
	// Workers parse and enrich lines in parallel (0: one per core).
	Workers int
	// BatchArticles and BatchBytes bound one index write (0: defaults);
	// BatchBytes also bounds the text of the writes in flight, and the
	// text read ahead of the writer.
	BatchArticles, BatchBytes int
	// LargeBatchArticles, when above BatchArticles, bounds the index
	// writes of a load from its LargeBatchAfter-th article written: a
	// long load builds fewer, larger segments, whose dictionaries cost
	// less per article to build and to merge, once its size pays for the
	// memory of larger batches in flight.
	LargeBatchArticles, LargeBatchAfter int
	// Writes is the most index writes in flight (0: one). An index builds
	// a write's segment in the writing goroutine: with two, the writer
	// fills a batch while two cores build the segments of the ones before,
	// for more CPU and twice the memory (BENCHMARKS.md, "Import speed").
	Writes int
	// CompactAfter: a load that writes at least this many articles
	// compacts the index at its end, when the index can (0: default).
	CompactAfter int
	// OnBatch is told the running totals after every batch.
	OnBatch func(Summary)
	// OnCompact is told the totals when every article is written and the
	// compaction starts (about 20 seconds per GB of index on two cores).
	OnCompact func(Summary)
	// OnMalformed is told of every malformed line, which is skipped.
	OnMalformed func(*search.LineError)
}

func (c Config) withDefaults() Config {
	if c.Workers <= 0 {
		c.Workers = runtime.GOMAXPROCS(0)
	}
	if c.BatchArticles <= 0 {
		c.BatchArticles = DefaultBatchArticles
	}
	if c.BatchBytes <= 0 {
		c.BatchBytes = DefaultBatchBytes
	}
	if c.Writes <= 0 {
		c.Writes = 1
	}
	if c.CompactAfter <= 0 {
		c.CompactAfter = DefaultCompactAfter
	}
	return c
}

// item is one line on its way through the pipeline.
type item struct {
	line   int
	size   int // bytes of the line, held against the read-ahead budget
	raw    []byte
	err    error // a *search.LineError, io.EOF, or the input's failure
	a      search.Article
	sketch dedup.Sketch
	copyOK bool          // the body is long enough for a sketch
	ready  chan struct{} // closed when a worker has prepared the item
}

// Load reads the import format from r into ix. It returns at the end of
// r, on an input error or when ctx ends; what the summary counts as
// indexed is durable in every case (after an interruption the articles
// read so far are written before Load returns).
func Load(ctx context.Context, ix Index, r io.Reader, cfg Config) (Summary, error) {
	cfg = cfg.withDefaults()
	w := &writer{ix: ix, cfg: cfg, start: time.Now(), cp: newCopies(), seen: map[string]struct{}{}}
	dec, err := search.NewDecoder(r)
	if err != nil {
		return w.sum, err
	}
	pctx, cancel := context.WithCancel(ctx)
	defer cancel()
	ahead := newBudget(cfg.BatchBytes)
	work := make(chan *item, cfg.Workers)
	ordered := make(chan *item, cfg.BatchArticles)
	var wg sync.WaitGroup
	wg.Go(func() { read(pctx, dec, ahead, work, ordered) })
	for range cfg.Workers {
		wg.Go(func() {
			for it := range work {
				cfg.prepare(it)
			}
		})
	}
	err = w.consume(ctx, ordered, ahead)
	err = errors.Join(err, w.land()) // none left in flight after a failure
	cancel()
	stop := func() {
		for range ordered { // let the reader see the cancel and end
		}
		wg.Wait()
	}
	if err != nil {
		// The reader may be blocked reading r, which no context interrupts
		// (a terminal, a stalled upload): it ends, and the workers with it,
		// when that read returns. Neither touches the index.
		go stop()
		return w.sum, err
	}
	stop() // r ended: the reader is done
	if c, ok := ix.(compacter); ok && w.sum.Indexed >= cfg.CompactAfter {
		if cfg.OnCompact != nil {
			cfg.OnCompact(w.sum)
		}
		err = c.Compact(ctx)
		w.sum.Seconds = time.Since(w.start).Seconds()
	}
	return w.sum, err
}

// read sends each line to the workers and, in input order, to the writer,
// holding at most the budget's bytes in flight.
func read(ctx context.Context, dec *search.Decoder, ahead *budget, work, ordered chan<- *item) {
	defer close(ordered)
	defer close(work)
	for ctx.Err() == nil {
		raw, err := dec.NextRecord()
		it := &item{line: dec.Line(), size: len(raw), raw: raw, err: err, ready: make(chan struct{})}
		if err != nil {
			close(it.ready)
			select {
			case ordered <- it:
			case <-ctx.Done():
				return
			}
			var lineErr *search.LineError
			if errors.As(err, &lineErr) {
				continue
			}
			return
		}
		if !ahead.acquire(ctx, it.size) {
			return
		}
		select {
		case work <- it:
		case <-ctx.Done():
			return
		}
		select {
		case ordered <- it:
		case <-ctx.Done():
			return
		}
	}
}

// prepare parses a line, fills its metadata and sketches its body for
// the grouping of copies. Both read the indexed part of the text only,
// which bounds the work of a huge record.
func (c Config) prepare(it *item) {
	defer close(it.ready)
	a, err := search.ParseRecord(it.line, it.raw)
	it.raw = nil
	if err != nil {
		it.err = err
		return
	}
	lead, body := a.Lead, a.Body
	a.Lead, a.Body = search.IndexedText(lead), search.IndexedText(body)
	if c.Enrich != nil {
		c.Enrich(&a)
	}
	it.sketch, it.copyOK = dedup.Fingerprint(a.Body)
	a.Lead, a.Body = lead, body
	it.a = a
}

// budget bounds the bytes read ahead of the writer. A line larger than
// the whole budget is let through alone.
type budget struct {
	mu   sync.Mutex
	cond *sync.Cond
	free int
	size int
}

func newBudget(size int) *budget {
	b := &budget{free: size, size: size}
	b.cond = sync.NewCond(&b.mu)
	return b
}

// acquire waits until n bytes (at most the whole budget) are free or ctx
// ends, which it reports with false.
func (b *budget) acquire(ctx context.Context, n int) bool {
	n = min(n, b.size)
	stop := context.AfterFunc(ctx, func() {
		b.mu.Lock()
		defer b.mu.Unlock()
		b.cond.Broadcast()
	})
	defer stop()
	b.mu.Lock()
	defer b.mu.Unlock()
	for b.free < n && ctx.Err() == nil {
		b.cond.Wait()
	}
	if ctx.Err() != nil {
		return false
	}
	b.free -= n
	return true
}

func (b *budget) release(n int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.free += min(n, b.size)
	b.cond.Broadcast()
}

// consume takes the prepared lines in input order and writes them in
// batches. When ctx ends it takes the lines already queued (read before
// the interruption, at most a batch's worth) and stops waiting for more:
// the reader may be blocked in a read that never returns.
func (w *writer) consume(ctx context.Context, items <-chan *item, ahead *budget) error {
	for {
		var it *item // nil: ctx ended, or the reader stopped early because it did
		select {
		case it = <-items:
		case <-ctx.Done():
			select {
			case it = <-items:
			default:
			}
		}
		if it == nil {
			return w.interrupted(ctx)
		}
		<-it.ready
		ahead.release(it.size)
		var lineErr *search.LineError
		switch {
		case errors.Is(it.err, io.EOF) && ctx.Err() != nil:
			return w.interrupted(ctx) // every line written, the copies not regrouped
		case errors.Is(it.err, io.EOF):
			if err := errors.Join(w.flush(ctx), w.land()); err != nil {
				return err
			}
			return w.finish(ctx)
		case errors.As(it.err, &lineErr):
			w.malformed(lineErr)
			continue
		case it.err != nil:
			return errors.Join(it.err, w.flushAfterStop(ctx))
		}
		w.add(it)
		if w.full() {
			if err := w.flush(ctx); err != nil {
				return err
			}
		}
	}
}

// interrupted writes the lines taken before ctx ended and returns the
// interruption.
func (w *writer) interrupted(ctx context.Context) error {
	return errors.Join(fmt.Errorf("interrupted: %w", context.Cause(ctx)), w.flushAfterStop(ctx))
}
