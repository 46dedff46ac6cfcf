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
	wg      sync.WaitGroup
	running sync.Map // source name → *sync.Mutex held while it crawls
	// OnReport, when set, receives the report of every run.
	OnReport func(*Report)
}

// ErrUnknownSource is returned by Trigger for a name not in the sources.
var ErrUnknownSource = errors.New("unknown source")

// NewScheduler returns a scheduler of sources over an opened crawler; a
// nil logger discards logs.
func NewScheduler(c *Crawler, sources []Source, logger *slog.Logger) *Scheduler {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	s := &Scheduler{crawler: c, sources: map[string]Source{}, log: logger}
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
	s.ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
	s.cron = cron.New(cron.WithChain(cron.Recover(cronLogger{s.log})))
	for _, name := range s.order {
		src := s.sources[name]
		job := cron.NewChain(cron.SkipIfStillRunning(cronLogger{s.log})).Then(cron.FuncJob(func() { s.run(src) }))
		if _, err := s.cron.AddJob(src.Schedule, job); err != nil {
			s.cancel()
			return fmt.Errorf("schedule source %q: %w", name, err)
		}
	}
	s.cron.Start()
	s.log.Info("crawl schedule started", "sources", len(s.order))
	return nil
}

// Close stops the schedule, cancels running crawls and waits until each
// has finished the article in hand.
func (s *Scheduler) Close() error {
	if s.cron == nil {
		return nil
	}
	s.cancel()
	<-s.cron.Stop().Done()
	s.wg.Wait()
	s.log.Info("crawl schedule stopped")
	return nil
}

// Trigger runs one source now, or every source when source is "", in the
// background. A source already crawling is not started twice.
func (s *Scheduler) Trigger(ctx context.Context, source string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.ctx == nil || s.ctx.Err() != nil {
		return errors.New("scheduler not open")
	}
	names := s.order
	if source != "" {
		if _, ok := s.sources[source]; !ok {
			return fmt.Errorf("trigger %q: %w", source, ErrUnknownSource)
		}
		names = []string{source}
	}
	for _, name := range names {
		src := s.sources[name]
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			s.run(src)
		}()
	}
	return nil
}

// run crawls src unless a crawl of it is already running.
func (s *Scheduler) run(src Source) {
	v, _ := s.running.Load(src.Name)
	mu := v.(*sync.Mutex)
	if !mu.TryLock() {
		s.log.Info("crawl already running, skipped", "source", src.Name)
		return
	}
	defer mu.Unlock()
	if s.ctx.Err() != nil {
		return
	}
	rep := s.crawler.Crawl(s.ctx, src)
	if rep.Err != nil {
		s.log.Warn("source failed", "source", src.Name, "err", rep.Err)
	}
	if s.OnReport != nil {
		s.OnReport(rep)
	}
}

// cronLogger adapts slog to cron.Logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
