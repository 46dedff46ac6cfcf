package search

import (
	"cmp"
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

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
	// timelineFacet names the date-range facet of the counting request.
	timelineFacet = "timeline"
)

// checkInterval reports an interval a Request may not carry.
func checkInterval(s string) error {
	switch s {
	case IntervalAuto, IntervalMonth, IntervalYear, IntervalNone:
		return nil
	}
	return fmt.Errorf("%w: interval %q: want month, year or none", ErrBadQuery, s)
}

// withTimeline adds the timeline of req's matches to out, the answer of
// the search that started at start, unless the search failed or asked
// for none.
func (ix *Index) withTimeline(ctx context.Context, req Request, c *compiled, start time.Time, out *Result, err error) (*Result, error) {
	if err != nil || req.Interval == IntervalNone {
		return out, err
	}
	if out.Timeline, err = ix.timeline(ctx, c.base, req.Interval, out.Facets[FacetYear]); err != nil {
		return nil, searchError(err)
	}
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// timeline counts the dated matches of q per period. The year facet of
// the search bounds the span (its values are the publication years, so
// the span is known without a pass of its own unless the facet was cut
// short); one more pass, without scores, counts the periods with a
// date-range facet on the publication date.
func (ix *Index) timeline(ctx context.Context, q bq.Query, interval string, years []Facet) (*Timeline, error) {
	if err := checkInterval(interval); err != nil {
		return nil, err
	}
	lo, hi, err := ix.yearSpan(ctx, q, years)
	if err != nil || lo == 0 {
		return &Timeline{Interval: cmp.Or(interval, IntervalMonth), Buckets: []Bucket{}}, err
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
	periods := timelinePeriods(interval, lo, hi)
	fr := bleve.NewFacetRequest(fieldPublished, len(periods))
	for _, p := range periods {
		fr.AddDateTimeRange(p.key, p.start, p.end)
	}
	sr := bleve.NewSearchRequestOptions(q, 0, 0, false)
	sr.Score = bleve.ScoreNone
	sr.AddFacet(timelineFacet, fr)
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("count the timeline: %w", err)
	}
	counts := map[string]int{}
	if f := res.Facets[timelineFacet]; f != nil {
		for _, r := range f.DateRanges {
			counts[r.Name] = r.Count
		}
	}
	return &Timeline{Interval: interval, Buckets: trimBuckets(periods, counts)}, nil
}

// yearSpan returns the first and last publication years of q's matches (0
// and 0 when none is dated), from the year facet when it holds every year,
// else from the earliest and latest match.
func (ix *Index) yearSpan(ctx context.Context, q bq.Query, years []Facet) (lo, hi int, err error) {
	if def, _ := filter.Lookup(filter.Year); len(years) < def.FacetSize {
		for _, f := range years {
			y, err := strconv.Atoi(f.Value)
			if err != nil || f.Count == 0 {
				continue
			}
			if lo == 0 || y < lo {
				lo = y
			}
			hi = max(hi, y)
		}
		return lo, hi, nil
	}
	first, err := ix.edgeDate(ctx, q, false)
	if err != nil || first.IsZero() {
		return 0, 0, err
	}
	last, err := ix.edgeDate(ctx, q, true)
	return first.Year(), last.Year(), err
}

// edgeDate returns the publication date of q's earliest match, or of its
// latest with latest set (zero when no match is dated).
func (ix *Index) edgeDate(ctx context.Context, q bq.Query, latest bool) (time.Time, error) {
	sr := bleve.NewSearchRequestOptions(q, 1, 0, false)
	sr.Score = bleve.ScoreNone
	sr.Fields = []string{fieldPublished}
	order := fieldPublished
	if latest {
		order = "-" + fieldPublished
	}
	sr.SortBy([]string{order})
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil {
		return time.Time{}, fmt.Errorf("find the timeline's span: %w", err)
	}
	if len(res.Hits) == 0 {
		return time.Time{}, nil
	}
	return date(res.Hits[0].Fields[fieldPublished]), nil
}

// period is one bucket's key and its time range [start, end).
type period struct {
	key        string
	start, end time.Time
}

// timelinePeriods lists the months or years from the start of year lo to
// the end of year hi, in Vietnam's time.
func timelinePeriods(interval string, lo, hi int) []period {
	var out []period
	step, format := 1, "2006-01"
	if interval == IntervalYear {
		step, format = 12, "2006"
	}
	end := time.Date(hi+1, time.January, 1, 0, 0, 0, 0, vnZone)
	for t := time.Date(lo, time.January, 1, 0, 0, 0, 0, vnZone); t.Before(end); t = t.AddDate(0, step, 0) {
		out = append(out, period{key: t.Format(format), start: t, end: t.AddDate(0, step, 0)})
	}
	return out
}

// trimBuckets gives each period its count and drops the empty periods
// before the first match and after the last.
func trimBuckets(periods []period, counts map[string]int) []Bucket {
	first, last := len(periods), -1
	for i, p := range periods {
		if counts[p.key] > 0 {
			first, last = min(first, i), i
		}
	}
	out := []Bucket{}
	if last < 0 {
		return out
	}
	for _, p := range periods[first : last+1] {
		out = append(out, Bucket{Key: p.key, Count: counts[p.key]})
	}
	return out
}
