package indexer

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"

	"github.com/robfig/cron/v3"
)

// Scheduler runs each source on its cron schedule. Open starts it, Close
// stops it and waits for running crawls to reach a safe point; Trigger
// runs a source now.
type Scheduler struct {
	crawler *Crawler
	sources map[string]Source
	order   []string
	log     *slog.Logger

	cron    *cron.Cron
	ctx     context.Context
	cancel  context.CancelFunc
	mu      sync.Mutex // guards cron, entries, closed and wg.Add
	closed  bool
	wg      sync.WaitGroup
	running sync.Map // source name → *sync.Mutex held while it crawls
	status  *statusBoard
	entries map[string]cron.EntryID // source name → its cron job
	// OnReport, when set, receives the report of every run.
	OnReport func(*Report)
}

// Errors Trigger returns.
var (
	// ErrUnknownSource is returned for a name not in the sources.
	ErrUnknownSource = errors.New("unknown source")
	// ErrBusy is returned when the source (every source, for "") is
	// already being crawled.
	ErrBusy = errors.New("already crawling")
)

// NewScheduler returns a scheduler of sources over an opened crawler; a
// nil logger discards logs.
func NewScheduler(c *Crawler, sources []Source, logger *slog.Logger) *Scheduler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Scheduler{crawler: c, sources: map[string]Source{}, log: logger,
		status: newStatusBoard(sources), entries: map[string]cron.EntryID{}}
	for _, src := range sources {
		s.sources[src.Name] = src
		s.order = append(s.order, src.Name)
		s.running.Store(src.Name, &sync.Mutex{})
	}
	return s
}

// Open starts one cron job per source. A run still going when its next
// time comes is not doubled (cron.SkipIfStillRunning).
func (s *Scheduler) Open(ctx context.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.cron = cron.New(cron.WithChain(cron.Recover(cronLogger{s.log})))
	for _, name := range s.order {
		src := s.sources[name]
		job := cron.NewChain(cron.SkipIfStillRunning(cronLogger{s.log})).Then(cron.FuncJob(func() { s.run(src) }))
		id, err := s.cron.AddJob(src.Schedule, job)
		if err != nil {
			s.cancel()
			s.cron = nil
			return fmt.Errorf("schedule source %q: %w", name, err)
		}
		s.entries[name] = id
	}
	s.cron.Start()
	s.log.Info("crawl schedule started", "sources", len(s.order))
	return nil
}

// Close stops the schedule, cancels running crawls and waits until each
// has finished the article in hand.
func (s *Scheduler) Close() error {
	s.mu.Lock()
	if s.cron == nil || s.closed {
		s.mu.Unlock()
		return nil
	}
	s.closed = true
	s.mu.Unlock()
	s.cancel()
	<-s.cron.Stop().Done()
	s.wg.Wait()
	s.log.Info("crawl schedule stopped")
	return nil
}

// Trigger starts a crawl of one source now, or of every source when
// source is "", in the background. It fails with ErrUnknownSource for a
// name not in the sources, and with ErrBusy when the source (every
// source, for "") is already crawling.
func (s *Scheduler) Trigger(ctx context.Context, source string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	names := s.order
	if source != "" {
		if _, ok := s.sources[source]; !ok {
			return fmt.Errorf("trigger %q: %w", source, ErrUnknownSource)
		}
		names = []string{source}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron == nil || s.closed {
		return errors.New("trigger: scheduler not open")
	}
	started := 0
	for _, name := range names {
		mu := s.lock(name)
		if !mu.TryLock() {
			continue
		}
		started++
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer mu.Unlock()
			s.crawl(s.sources[name])
		}()
	}
	if started == 0 {
		return fmt.Errorf("trigger %q: %w", source, ErrBusy)
	}
	return nil
}

// run is the cron job of src: it crawls unless a crawl of src is running.
func (s *Scheduler) run(src Source) {
	mu := s.lock(src.Name)
	if !mu.TryLock() {
		s.log.Info("crawl already running, skipped", "source", src.Name)
		return
	}
	defer mu.Unlock()
	s.crawl(src)
}

// lock returns the mutex held while a source crawls.
func (s *Scheduler) lock(name string) *sync.Mutex {
	v, _ := s.running.Load(name)
	return v.(*sync.Mutex)
}

func (s *Scheduler) crawl(src Source) {
	if s.ctx.Err() != nil {
		return
	}
	s.status.started(src.Name, s.crawler.Now())
	rep := s.crawler.Crawl(s.ctx, src)
	s.status.finished(rep, s.crawler.Now())
	if rep.Err != nil {
		s.log.Warn("source failed", "source", src.Name, "err", rep.Err)
	}
	if s.OnReport != nil {
		s.OnReport(rep)
	}
}

// Sources returns the status of every source, in the order of the
// sources file: its last run (counts, failures) and its next.
func (s *Scheduler) Sources() []SourceStatus {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]SourceStatus, 0, len(s.order))
	for _, name := range s.order {
		st := s.status.get(name)
		if s.cron != nil && !s.closed {
			st.NextRun = s.cron.Entry(s.entries[name]).Next
		}
		out = append(out, st)
	}
	return out
}

// cronLogger adapts slog to cron.Logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
