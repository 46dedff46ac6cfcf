package indexer

import (
	"sync"
	"time"
)

// MaxStatusFailures bounds the failures a SourceStatus lists.
const MaxStatusFailures = 20

// SourceStatus is what the scheduler knows of one source: its last run
// and the next. Counts and failures are those of the last finished run.
type SourceStatus struct {
	Name     string `json:"name"`
	Schedule string `json:"schedule"`
	// Running is true while a run is going; LastStart is then its start.
	Running   bool      `json:"running"`
	LastStart time.Time `json:"last_start,omitzero"`
	// LastEnd is the end of the last finished run; zero before the first.
	LastEnd time.Time `json:"last_end,omitzero"`
	Fetched int       `json:"fetched"`
	New     int       `json:"new"`
	Updated int       `json:"updated"`
	Skipped int       `json:"skipped"`
	Failed  int       `json:"failed"`
	// Error says why the whole source failed, when it did.
	Error string `json:"error,omitempty"`
	// Failures are the last run's first MaxStatusFailures failures.
	Failures []Failure `json:"failures"`
	// NextRun is the next scheduled start; zero when the schedule is
	// stopped.
	NextRun time.Time `json:"next_run,omitzero"`
}

// statusBoard keeps the status of each source of a scheduler.
type statusBoard struct {
	mu  sync.Mutex
	all map[string]*SourceStatus
}

func newStatusBoard(sources []Source) *statusBoard {
	b := &statusBoard{all: map[string]*SourceStatus{}}
	for _, src := range sources {
		b.all[src.Name] = &SourceStatus{Name: src.Name, Schedule: src.Schedule, Failures: []Failure{}}
	}
	return b
}

// started records the start of a run of name.
func (b *statusBoard) started(name string, at time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.all[name]
	st.Running, st.LastStart = true, at
}

// finished records the report of a run of name, ended at at.
func (b *statusBoard) finished(rep *Report, at time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := b.all[rep.Source]
	st.Running, st.LastEnd = false, at
	st.Fetched, st.New, st.Updated, st.Skipped, st.Failed = rep.Fetched, rep.New, rep.Updated, rep.Skipped, rep.Failed()
	st.Error = ""
	if rep.Err != nil {
		st.Error = rep.Err.Error()
	}
	st.Failures = append([]Failure{}, rep.Failures[:min(len(rep.Failures), MaxStatusFailures)]...)
}

// get returns a copy of the status of name.
func (b *statusBoard) get(name string) SourceStatus {
	b.mu.Lock()
	defer b.mu.Unlock()
	st := *b.all[name]
	st.Failures = append([]Failure{}, st.Failures...)
	return st
}
