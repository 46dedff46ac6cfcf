package web

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"time"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// parseInterval reads the interval parameter of a timeline.
func parseInterval(s string) (string, error) {
	switch s {
	case search.IntervalAuto, search.IntervalMonth, search.IntervalYear:
		return s, nil
	}
	return "", badf("interval must be month or year, got %q", s).
		inVietnamese("Khoảng thời gian phải là tháng (month) hoặc năm (year).")
}

// series is one named row of counts over shared periods: a chart draws
// one or several (a comparison), a CSV writes them as columns.
type series struct {
	Label  string
	Counts []int
}

// timelines are counts of one or several searches over the same periods.
type timelines struct {
	Interval string
	Keys     []string // "2024-03" or "2024", consecutive
	Series   []series
}

// oneTimeline wraps a search's timeline.
func oneTimeline(label string, tl *search.Timeline) timelines {
	if tl == nil {
		return timelines{Interval: search.IntervalMonth}
	}
	return mergeTimelines(tl.Interval, []string{label}, []*search.Timeline{tl})
}

// mergeTimelines puts several timelines on the same consecutive periods:
// by year when one of them is by year, when interval asks for it, or when
// their months together span more than three years; else by month.
func mergeTimelines(interval string, labels []string, tls []*search.Timeline) timelines {
	auto := interval == search.IntervalAuto
	var keys []string
	for _, tl := range tls {
		if tl.Interval == search.IntervalYear { // too long a span for months
			interval = search.IntervalYear
		}
		for _, b := range tl.Buckets {
			keys = append(keys, b.Key)
		}
	}
	if lo, hi := yearBounds(keys); auto && interval != search.IntervalYear {
		interval = search.IntervalMonth
		if hi-lo >= 3 {
			interval = search.IntervalYear
		}
	}
	out := timelines{Interval: interval}
	counts := make([]map[string]int, len(tls))
	var all []string
	for i, tl := range tls {
		counts[i] = map[string]int{}
		for _, b := range tl.Buckets {
			k := b.Key
			if interval == search.IntervalYear {
				k = k[:min(4, len(k))]
			}
			counts[i][k] += b.Count
			all = append(all, k)
		}
	}
	if len(all) > 0 {
		out.Keys = periodKeys(interval, slices.Min(all), slices.Max(all))
	}
	for i, label := range labels {
		s := series{Label: label, Counts: make([]int, len(out.Keys))}
		for j, k := range out.Keys {
			s.Counts[j] = counts[i][k]
		}
		out.Series = append(out.Series, s)
	}
	return out
}

// yearBounds returns the first and last years of period keys.
func yearBounds(keys []string) (lo, hi int) {
	for _, k := range keys {
		y, err := strconv.Atoi(k[:min(4, len(k))])
		if err != nil {
			continue
		}
		if lo == 0 || y < lo {
			lo = y
		}
		hi = max(hi, y)
	}
	return lo, hi
}

// periodKeys lists the keys from first to last, both included.
func periodKeys(interval, first, last string) []string {
	layout, step := "2006-01", 1
	if interval == search.IntervalYear {
		layout, step = "2006", 12
	}
	t, err1 := time.Parse(layout, first)
	end, err2 := time.Parse(layout, last)
	if err1 != nil || err2 != nil {
		return []string{first}
	}
	var out []string
	for ; !t.After(end) && len(out) < 1000; t = t.AddDate(0, step, 0) {
		out = append(out, t.Format(layout))
	}
	return out
}

// periodRange returns the first and last days of a period key, as the
// from and to parameters of a search read them.
func periodRange(key string) (from, to string) {
	if t, err := time.Parse("2006-01", key); err == nil {
		return t.Format(time.DateOnly), t.AddDate(0, 1, -1).Format(time.DateOnly)
	}
	return key + "-01-01", key + "-12-31"
}

// periodLabel writes a period key the Vietnamese way: 03/2024, 2024.
func periodLabel(key string) string {
	if t, err := time.Parse("2006-01", key); err == nil {
		return t.Format("01/2006")
	}
	return key
}

// narrowed returns the search of scope narrowed to one period.
func narrowed(scope url.Values, key string) string {
	next := cloneValues(scope)
	from, to := periodRange(key)
	next.Del("page")
	next.Set(filter.From, from)
	next.Set(filter.To, to)
	return link(next)
}

// Geometry of a chart, in SVG user units (the SVG scales to its box).
const (
	chartW, chartH          = 720, 240
	chartLeft, chartRight   = 48, 12
	chartTop, chartBottom   = 16, 44
	chartMaxXTicks          = 12
	chartBandFill           = 0.8 // of a period's width, the rest is gap
	chartMinBarHeight       = 1.5 // a non-empty bar never vanishes
	chartValueAbove, chartY = 4, 14
)

// chartView is the data of an SVG bar chart, drawn on the server: one
// group of bars per period, one bar per series, each a link to the search
// narrowed to its period; the same numbers in a visually hidden table.
type chartView struct {
	ID, Title     string
	XLabel        string // "Tháng" or "Năm"
	YLabel        string
	W, H          int
	PlotTop       int // the plot's edges
	PlotBottom    int
	PlotLeft      int
	PlotRight     int
	PlotHeight    int
	XLabelY       int
	Bars          []barView
	YTicks        []tickView
	XTicks        []tickView
	Legend        []legendView
	Rows          []rowView
	Series        []string // column headings of the table
	Total         string   // dated articles counted, all series together
	CSV           string
	Interval      string
	OtherInterval *linkView // the same chart by the other interval
}

type barView struct {
	Key, Label, Href, Title  string
	Count, Series            int
	X, Y, W, H, TextX, TextY string
}

type tickView struct {
	Label     string
	Pos, Pos2 string
}

type legendView struct {
	Label  string
	Series int
}

type rowView struct {
	Label  string
	Counts []string
}

// newChart lays out tl as bars. href returns the link of a period of a
// series; csv is the link of the numbers; other, when not "", links the
// same chart by the other interval.
func newChart(id, title string, tl timelines, href func(series int, key string) string, csv, other string) *chartView {
	if len(tl.Keys) == 0 {
		return nil
	}
	c := &chartView{
		ID: id, Title: title, XLabel: "Tháng", YLabel: "Số bài", W: chartW, H: chartH,
		PlotTop: chartTop, PlotHeight: chartH - chartTop - chartBottom, PlotBottom: chartH - chartBottom, PlotLeft: chartLeft, PlotRight: chartW - chartRight,
		XLabelY: chartH - 6, CSV: csv, Interval: tl.Interval,
	}
	otherLabel := "Xem theo năm"
	if tl.Interval == search.IntervalYear {
		c.XLabel, otherLabel = "Năm", "Xem theo tháng"
	}
	if other != "" {
		c.OtherInterval = &linkView{Label: otherLabel, Href: other}
	}
	top, total := 0, 0
	for i, s := range tl.Series {
		c.Series = append(c.Series, s.Label)
		c.Legend = append(c.Legend, legendView{Label: s.Label, Series: i})
		for _, n := range s.Counts {
			top, total = max(top, n), total+n
		}
	}
	c.Total = thousands(uint64(total))
	scale := niceCeil(top)
	plotW := float64(chartW - chartLeft - chartRight)
	plotH := float64(chartH - chartTop - chartBottom)
	band := plotW / float64(len(tl.Keys))
	barW := band * chartBandFill / float64(len(tl.Series))
	every := (len(tl.Keys) + chartMaxXTicks - 1) / chartMaxXTicks
	for j, key := range tl.Keys {
		label := periodLabel(key)
		row := rowView{Label: label}
		x0 := chartLeft + band*float64(j) + band*(1-chartBandFill)/2
		for i, s := range tl.Series {
			n := s.Counts[j]
			h := plotH * float64(n) / float64(scale)
			if n > 0 {
				h = max(h, chartMinBarHeight)
			}
			x := x0 + barW*float64(i)
			title := fmt.Sprintf("%s: %s bài", label, thousands(uint64(n)))
			if len(tl.Series) > 1 {
				title = s.Label + " · " + title
			}
			c.Bars = append(c.Bars, barView{
				Key: key, Label: label, Href: href(i, key), Title: title, Count: n, Series: i,
				X: num(x), W: num(barW), Y: num(float64(chartTop) + plotH - h), H: num(h),
				TextX: num(x + barW/2), TextY: num(float64(chartTop) + plotH - h - chartValueAbove),
			})
			row.Counts = append(row.Counts, thousands(uint64(n)))
		}
		c.Rows = append(c.Rows, row)
		if j%every == 0 {
			c.XTicks = append(c.XTicks, tickView{Label: label, Pos: num(chartLeft + band*(float64(j)+0.5)), Pos2: num(chartH - chartBottom + chartY)})
		}
	}
	ticks := []int{0, scale}
	if scale%2 == 0 {
		ticks = []int{0, scale / 2, scale}
	}
	for _, v := range ticks {
		y := float64(chartTop) + plotH - plotH*float64(v)/float64(scale)
		c.YTicks = append(c.YTicks, tickView{Label: thousands(uint64(v)), Pos: num(y), Pos2: num(y + 4)})
	}
	return c
}

// niceCeil rounds n up to 1, 2 or 5 times a power of ten (at least 1).
func niceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', 1, 64) }
