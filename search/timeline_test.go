package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// dated builds n articles about "hội nghị" published at the given dates
// (RFC 3339 or YYYY-MM-DD), plus one without a date.
func dated(dates ...string) []Article {
	out := []Article{{ID: "undated", Title: "Hội nghị không ngày", Body: "Hội nghị."}}
	for i, d := range dates {
		p := day(d)
		out = append(out, Article{
			ID: fmt.Sprintf("d%02d", i), Title: "Hội nghị " + d, Body: "Hội nghị bàn công tác.",
			Published: p, Year: p.In(vnZone).Year(),
		})
	}
	return out
}

func keys(tl *Timeline) string {
	var b strings.Builder
	for _, k := range tl.Buckets {
		fmt.Fprintf(&b, "%s:%d ", k.Key, k.Count)
	}
	return strings.TrimSpace(b.String())
}

func TestTimeline(t *testing.T) {
	ix := newTestIndex(t, dated(
		"2022-11-30", "2023-01-05", "2023-01-31T23:30:00+07:00", "2023-04-02",
		// 17:30 UTC on 31 January is already February in Vietnam.
		"2023-01-31T17:30:00Z",
	)...)
	wide := newTestIndex(t, dated("2015-06-01", "2019-02-02", "2019-12-31", "2023-03-03")...)
	tests := []struct {
		name     string
		ix       *Index
		req      Request
		interval string
		want     string
	}{
		{"months, empty ones between kept, ends trimmed", ix, Request{Query: "hội nghị"}, "month",
			"2022-11:1 2022-12:0 2023-01:2 2023-02:1 2023-03:0 2023-04:1"},
		{"year forced", ix, Request{Query: "hội nghị", Interval: IntervalYear}, "year", "2022:1 2023:4"},
		{"over three years: years", wide, Request{Query: "hội nghị"}, "year",
			"2015:1 2016:0 2017:0 2018:0 2019:2 2020:0 2021:0 2022:0 2023:1"},
		{"month forced over years", wide, Request{Query: "hội nghị", Interval: IntervalMonth, Filters: Filters{YearFrom: 2019, YearTo: 2019}},
			"month", "2019-02:1 2019-03:0 2019-04:0 2019-05:0 2019-06:0 2019-07:0 2019-08:0 2019-09:0 2019-10:0 2019-11:0 2019-12:1"},
		{"filters narrow it", ix, Request{Filters: Filters{From: day("2023-01-01"), To: day("2023-01-31T23:59:59+07:00")}}, "month",
			"2023-01:2"},
		{"no dated match", ix, Request{Query: "không ngày"}, "month", ""},
		{"no match", ix, Request{Query: "xyzzy"}, "month", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tc.ix.Search(context.Background(), tc.req)
			if err != nil {
				t.Fatal(err)
			}
			tl := res.Timeline
			if tl == nil || tl.Interval != tc.interval || keys(tl) != tc.want {
				t.Fatalf("timeline %+v, want %s %q", tl, tc.interval, tc.want)
			}
			dated := 0
			for _, f := range res.Facets[FacetYear] {
				dated += f.Count
			}
			if tl.Total() != dated {
				t.Errorf("timeline counts %d, the year facet %d dated matches", tl.Total(), dated)
			}
		})
	}
}

func TestTimelineGroupedAndNone(t *testing.T) {
	ix := newTestIndex(t, dated("2023-01-05", "2023-03-01")...)
	res, err := ix.Search(context.Background(), Request{Query: "hội nghị", GroupSyndicated: true})
	if err != nil || res.Timeline == nil || keys(res.Timeline) != "2023-01:1 2023-02:0 2023-03:1" {
		t.Fatalf("grouped search timeline %+v, %v", res, err)
	}
	res, err = ix.Search(context.Background(), Request{Query: "hội nghị", Interval: IntervalNone})
	if err != nil || res.Timeline != nil {
		t.Fatalf("interval none: timeline %+v, %v", res.Timeline, err)
	}
	if _, err := ix.Search(context.Background(), Request{Interval: "week"}); !errors.Is(err, ErrBadQuery) {
		t.Fatalf("interval week: %v, want ErrBadQuery", err)
	}
}

// More years than the year facet returns are all counted: the timeline
// reads the month facet, which holds every month.
func TestTimelineManyYears(t *testing.T) {
	var dates []string
	for y := 1960; y < 2000; y++ {
		dates = append(dates, fmt.Sprintf("%d-07-01", y))
	}
	ix := newTestIndex(t, dated(dates...)...)
	res, err := ix.Search(context.Background(), Request{Query: "hội nghị"})
	if err != nil {
		t.Fatal(err)
	}
	tl := res.Timeline
	if tl.Interval != IntervalYear || len(tl.Buckets) != 40 || tl.Total() != 40 ||
		tl.Buckets[0].Key != "1960" || tl.Buckets[39].Key != "1999" {
		t.Fatalf("timeline %s %s", tl.Interval, keys(tl))
	}
}

func TestTimelinePeriods(t *testing.T) {
	ps := timelinePeriods(IntervalMonth, 2023, 2024)
	if len(ps) != 24 || ps[0] != "2023-01" || ps[11] != "2023-12" || ps[23] != "2024-12" {
		t.Fatalf("month periods %v", ps)
	}
	if ps := timelinePeriods(IntervalYear, 2020, 2022); len(ps) != 3 || ps[2] != "2022" {
		t.Fatalf("year periods %v", ps)
	}
}

func TestUnits(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	us, err := ix.Units(context.Background())
	if err != nil || len(us) != 2 || us[0].Count != 1 {
		t.Fatalf("units %+v, %v", us, err)
	}
	for _, u := range us {
		if UnitKey(u.Value) != UnitKey(strings.ToLower(u.Value)) {
			t.Errorf("%q: lowercase typing has another key", u.Value)
		}
	}
	if UnitKey("dang uy xa chi lang") != UnitKey("Đảng uỷ xã Chi Lăng") {
		t.Error("a name typed without diacritics has another key")
	}
}
