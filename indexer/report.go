package indexer

import (
	"fmt"
	"time"
)

// Report counts what one run of one source did.
type Report struct {
	Source string
	// Fetched counts the article pages downloaded and read.
	Fetched int
	// New counts articles indexed for the first time, Updated those
	// indexed again because their text changed.
	New, Updated int
	// Skipped counts announced URLs not fetched (already indexed, given up
	// earlier, or left for the next run) or fetched unchanged.
	Skipped int
	// Failures lists the URLs that failed, with their reason.
	Failures []Failure
	// Err is set when the whole source failed: every feed, sitemap and
	// listing page of it failed.
	Err      error
	Duration time.Duration
}

// Failure is one URL that failed and why.
type Failure struct {
	URL    string `json:"url"`
	Reason string `json:"reason"`
}

// Failed is the number of failures.
func (r *Report) Failed() int { return len(r.Failures) }

func (r *Report) fail(url string, err error) {
	r.Failures = append(r.Failures, Failure{URL: url, Reason: err.Error()})
}

// String is a one-line summary.
func (r *Report) String() string {
	s := fmt.Sprintf("%s: fetched %d, new %d, updated %d, skipped %d, failed %d in %s",
		r.Source, r.Fetched, r.New, r.Updated, r.Skipped, r.Failed(), r.Duration.Round(time.Millisecond))
	if r.Err != nil {
		s += " (source failed: " + r.Err.Error() + ")"
	}
	return s
}
