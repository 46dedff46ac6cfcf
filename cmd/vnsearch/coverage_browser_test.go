package main

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// bar is one bar of a timeline chart as the browser sees it.
type bar struct {
	Key   string `json:"key"`
	Count int    `json:"count"`
	Href  string `json:"href"`
}

// bars reads the bars of the chart with the given id.
func bars(t *testing.T, ctx context.Context, id string) []bar {
	t.Helper()
	return value(t, ctx, chromedp.Evaluate[[]bar](`[...document.querySelectorAll("#`+id+` a.bar")].map(a => ({
		key: a.dataset.key, count: +a.dataset.count, href: a.getAttribute("href")}))`))
}

// TestBrowserCoverage drives the coverage views on the demo corpus: a
// directive's chart has one bar per period adding up to the directive's
// count in the list, a bar narrows the search to its period, a unit typed
// without diacritics resolves to its page, and compare and first
// appearance draw; each view is photographed.
func TestBrowserCoverage(t *testing.T) {
	ctx := browser(t)
	ts := demoServer(t)

	// The list of directives leads to the most cited one's page.
	do(t, ctx, "open the directives", chromedp.Navigate(ts.URL+"/directives"), chromedp.WaitVisible(chromedp.CSS(".directives-list")))
	listed := value(t, ctx, chromedp.Text(chromedp.CSS(".directives-list tbody tr:first-child td.count")))
	screenshot(t, ctx, "coverage-directives.png")
	navigate(t, ctx, "open the first directive", chromedp.Click(chromedp.CSS(".directives-list tbody tr:first-child a")))
	do(t, ctx, "see its chart", chromedp.WaitVisible(chromedp.CSS("#timeline svg")))
	bs := bars(t, ctx, "timeline")
	interval := value(t, ctx, chromedp.AttributeValue(chromedp.ID("timeline"), "data-interval"))
	checkPeriods(t, interval.Value, bs)
	sum := 0
	for _, b := range bs {
		sum += b.Count
	}
	if page := value(t, ctx, chromedp.Text(chromedp.ID("count"))); count(t, page) != count(t, listed) || sum != count(t, listed) {
		t.Errorf("the list counts %s articles, the page %s, its bars %d", listed, page, sum)
	}
	// A bar shows its count when it has the keyboard's focus.
	opacity := value(t, ctx, chromedp.Evaluate[string](`(() => { const a = document.querySelector("#timeline a.bar");
		a.focus(); return getComputedStyle(a.querySelector(".value")).opacity; })()`))
	if opacity != "1" {
		t.Errorf("a focused bar's count has opacity %s", opacity)
	}
	screenshot(t, ctx, "coverage-directive.png")

	// Clicking a bar narrows the search to its period.
	i := slices.IndexFunc(bs, func(b bar) bool { return b.Count > 0 })
	if i < 0 {
		t.Fatal("no bar counts an article")
	}
	navigate(t, ctx, "click a bar", chromedp.Click(chromedp.CSS(`#timeline a.bar[data-key="`+bs[i].Key+`"]`)))
	do(t, ctx, "see its results", chromedp.WaitVisible(chromedp.ID("total")))
	if total := value(t, ctx, chromedp.Text(chromedp.ID("total"))); count(t, total) != bs[i].Count {
		t.Errorf("bar %s counts %d, its search finds %s", bs[i].Key, bs[i].Count, total)
	}
	dates := value(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll("ol.hits time")].map(t => t.getAttribute("datetime"))`))
	for _, d := range dates {
		if !strings.HasPrefix(d, bs[i].Key) {
			t.Errorf("bar %s: a result of %s", bs[i].Key, d)
		}
	}
	if len(dates) == 0 {
		t.Errorf("bar %s: no dated result", bs[i].Key)
	}

	// The results page draws the search's timeline.
	do(t, ctx, "search dan van", chromedp.Navigate(ts.URL+"/?q=dan+van&size=3"), chromedp.WaitVisible(chromedp.CSS("#timeline svg")))
	screenshot(t, ctx, "coverage-search.png")

	// A unit typed without diacritics in the list's filter box, then in the
	// address, resolves to its page.
	do(t, ctx, "filter the units",
		chromedp.Navigate(ts.URL+"/units"),
		chromedp.WaitVisible(chromedp.ID("filter")),
		chromedp.SendKeys(chromedp.ID("filter"), "thi uy que vo"),
	)
	navigate(t, ctx, "submit the filter", chromedp.Submit(chromedp.ID("filter")))
	do(t, ctx, "see the unit listed", chromedp.WaitVisible(chromedp.CSS(".units-list a")))
	screenshot(t, ctx, "coverage-units.png")
	if got := value(t, ctx, chromedp.Text(chromedp.CSS(".units-list a"))); got != "Thị ủy Quế Võ" {
		t.Errorf("thi uy que vo lists %q first", got)
	}
	do(t, ctx, "open a unit typed without diacritics",
		chromedp.Navigate(ts.URL+"/units/"+url.PathEscape("thi uy que vo")), chromedp.WaitVisible(chromedp.ID("unit-name")))
	if got := value(t, ctx, chromedp.Text(chromedp.ID("unit-name"))); got != "Thị ủy Quế Võ" {
		t.Errorf("/units/thi uy que vo shows %q", got)
	}
	if n := count(t, value(t, ctx, chromedp.Text(chromedp.ID("count")))); n == 0 || len(bars(t, ctx, "timeline")) == 0 {
		t.Errorf("the unit page counts %d articles", n)
	}
	screenshot(t, ctx, "coverage-unit.png")

	// Compare draws two searches on one chart with a legend.
	do(t, ctx, "compare two directives",
		chromedp.Navigate(ts.URL+"/compare?q=directive:05-CT/TW&q="+url.QueryEscape(`"dân vận khéo"`)),
		chromedp.WaitVisible(chromedp.CSS("#compare svg")))
	legend := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("#compare .legend li").length`))
	series := value(t, ctx, chromedp.Evaluate[[]int](`[0, 1].map(i => document.querySelectorAll("#compare a.bar.s" + i).length)`))
	if legend != 2 || series[0] == 0 || series[0] != series[1] {
		t.Errorf("compare: %d legend entries, bars per series %v", legend, series)
	}
	screenshot(t, ctx, "coverage-compare.png")

	// A quoted phrase shows where it first appeared.
	do(t, ctx, "search a quote",
		chromedp.Navigate(ts.URL+"/?size=3&q="+url.QueryEscape(`"dân vận khéo"`)), chromedp.WaitVisible(chromedp.ID("first")))
	if n := count(t, value(t, ctx, chromedp.Text(chromedp.ID("first-count")))); n == 0 {
		t.Error("the first appearance counts no article")
	}
	screenshot(t, ctx, "coverage-first.png")

	do(t, ctx, "a directive on a phone",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/directives/"+url.PathEscape("05-CT/TW")),
		chromedp.WaitVisible(chromedp.CSS("#timeline svg")))
	screenshot(t, ctx, "coverage-directive-mobile.png")
}

// checkPeriods checks that the bars are one per period, consecutive.
func checkPeriods(t *testing.T, interval string, bs []bar) {
	t.Helper()
	if len(bs) == 0 {
		t.Fatal("the chart has no bar")
	}
	layout, step := "2006-01", 1
	if interval == "year" {
		layout, step = "2006", 12
	}
	for i := 1; i < len(bs); i++ {
		prev, err1 := time.Parse(layout, bs[i-1].Key)
		cur, err2 := time.Parse(layout, bs[i].Key)
		if err1 != nil || err2 != nil || !prev.AddDate(0, step, 0).Equal(cur) {
			t.Errorf("%s bars: %s then %s", interval, bs[i-1].Key, bs[i].Key)
		}
	}
}
