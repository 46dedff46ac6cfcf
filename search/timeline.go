package search

import (
	"cmp"
	"fmt"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vnsearch/vnsearch/search/filter"
)

// Intervals of a timeline, as Request.Interval names them.
const (
	IntervalAuto  = ""      // month over at most monthYears calendar years, else year
	IntervalMonth = "month" // keys "2024-03"
	IntervalYear  = "year"  // keys "2024"
	IntervalNone  = "none"  // no timeline: for searches that only need hits or facets
)

// Timeline counts the dated matches of a search per period, in Vietnam's
// time. Its buckets run from the first period holding a match to the
// last, empty periods included, so that they draw a time axis; their
// counts add up to the number of matches with a publication date.
type Timeline struct {
	Interval string   `json:"interval"`
	Buckets  []Bucket `json:"buckets"`
}

// Bucket is one period of a timeline.
type Bucket struct {
	Key   string `json:"key"` // "2024-03" (month) or "2024" (year)
	Count int    `json:"count"`
}

// Total is the number of dated matches the timeline counts.
func (t *Timeline) Total() int {
	n := 0
	for _, b := range t.Buckets {
		n += b.Count
	}
	return n
}

const (
	// monthYears is the widest span, in calendar years, counted by month
	// when no interval is asked for.
	monthYears = 3
	// maxBuckets bounds the periods of one timeline: a month timeline over
	// a longer span is counted by year, a year timeline keeps its last
	// maxBuckets years.
	maxBuckets = 600
	// timelineFacet names the month facet of a search's own pass, which
	// the timeline is built from.
	timelineFacet = "timeline"
	// monthFacetSize is the size of that facet: every month of every year
	// a publication date can hold (extraction keeps 1900–2100).
	monthFacetSize = 12 * (filter.YearMax - filter.YearMin + 1)
	// monthFormat is the layout of the month field's values.
	monthFormat = "2006-01"
)

// checkInterval reports an interval a Request may not carry.
func checkInterval(s string) error {
	switch s {
	case IntervalAuto, IntervalMonth, IntervalYear, IntervalNone:
		return nil
	}
	return fmt.Errorf("%w: interval %q: want month, year or none", ErrBadQuery, s)
}

// monthFacet is the facet a search adds to its own pass when it draws a
// timeline: the count of its matches per publication month, so that the
// timeline costs no pass of its own.
func monthFacet() *bleve.FacetRequest {
	return bleve.NewFacetRequest(fieldMonth, monthFacetSize)
}

// withTimeline adds to out the timeline of req's matches, counted from the
// month facet fr of the search's pass, unless req asks for none.
func withTimeline(req Request, fr bsearch.FacetResults, out *Result) {
	if req.Interval == IntervalNone {
		return
	}
	months := map[string]int{}
	if f := fr[timelineFacet]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			months[t.Term] = t.Count
		}
	}
	out.Timeline = timeline(req.Interval, months)
}

// timeline counts per period the matches of months (their counts by
// "2006-01" month): by month over at most monthYears calendar years or
// when asked, else by year.
func timeline(interval string, months map[string]int) *Timeline {
	counts := map[string]int{}
	lo, hi := 0, 0
	for key, n := range months {
		t, err := time.Parse(monthFormat, key)
		if err != nil || n == 0 {
			continue
		}
		if lo == 0 || t.Year() < lo {
			lo = t.Year()
		}
		hi = max(hi, t.Year())
		counts[key] += n
		counts[key[:4]] += n
	}
	if lo == 0 {
		return &Timeline{Interval: cmp.Or(interval, IntervalMonth), Buckets: []Bucket{}}
	}
	if interval == IntervalAuto {
		interval = IntervalYear
		if hi-lo < monthYears {
			interval = IntervalMonth
		}
	}
	if interval == IntervalMonth && (hi-lo+1)*12 > maxBuckets {
		interval = IntervalYear
	}
	lo = max(lo, hi-maxBuckets+1)
	return &Timeline{Interval: interval, Buckets: trimBuckets(timelinePeriods(interval, lo, hi), counts)}
}

// timelinePeriods lists the keys of the months or years from the start
// of year lo to the end of year hi.
func timelinePeriods(interval string, lo, hi int) []string {
	var out []string
	for y := lo; y <= hi; y++ {
		if interval == IntervalYear {
			out = append(out, fmt.Sprintf("%04d", y))
			continue
		}
		for m := 1; m <= 12; m++ {
			out = append(out, fmt.Sprintf("%04d-%02d", y, m))
		}
	}
	return out
}

// trimBuckets gives each period its count and drops the empty periods
// before the first match and after the last.
func trimBuckets(periods []string, counts map[string]int) []Bucket {
	first, last := len(periods), -1
	for i, p := range periods {
		if counts[p] > 0 {
			first, last = min(first, i), i
		}
	}
	out := []Bucket{}
	if last < 0 {
		return out
	}
	for _, p := range periods[first : last+1] {
		out = append(out, Bucket{Key: p, Count: counts[p]})
	}
	return out
}
