package web

import (
	"bytes"
	"cmp"
	"context"
	"encoding/csv"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/filter"
)

// What a directive's or a unit's page shows besides its timeline.
const (
	coverageNewest   = 8
	coverageExamples = 5
	coverageLeading  = 10
)

// directivePath and unitPath are the pages of a directive and a unit,
// their name escaped whole ("05-CT/TW" → /directives/05-CT%2FTW).
func directivePath(id string) string { return "/directives/" + url.PathEscape(id) }
func unitPath(name string) string    { return "/units/" + url.PathEscape(name) }

// pathName reads the catch-all parameter of a directive's or a unit's
// path. The router matches the decoded path, so an id holding an escaped
// slash (05-CT%2FTW) arrives whole.
func pathName(c *gin.Context, param string) (string, error) {
	name := strings.TrimSpace(strings.TrimPrefix(c.Param(param), "/"))
	if name == "" || len(name) > maxValueBytes || !utf8.ValidString(name) {
		return "", badf("invalid %s name", param).inVietnamese("Tên không hợp lệ.")
	}
	return name, nil
}

// coverage is the articles of one filter value (a directive, a unit):
// the newest with the counts and timeline, and the newest model examples.
type coverage struct {
	param, value string // the filter and its value, as a search URL carries them
	main         *search.Result
	examples     *search.Result
}

// coverageOf searches the articles of one filter value.
func (s *Server) coverageOf(ctx context.Context, param, value, interval string) (*coverage, error) {
	req := search.Request{
		Filters: search.Filters{}.With(param, value), Sort: search.SortNewest, Page: 1, Size: coverageNewest, Interval: interval,
	}
	main, err := s.searcher.Search(ctx, req)
	if err != nil {
		return nil, err
	}
	yes := true
	req.Filters.Example, req.Size, req.Interval = &yes, coverageExamples, search.IntervalNone
	examples, err := s.searcher.Search(ctx, req)
	if err != nil {
		return nil, err
	}
	return &coverage{param: param, value: value, main: main, examples: examples}, nil
}

// scope is the search of the coverage's articles.
func (cv *coverage) scope() url.Values { return url.Values{cv.param: {cv.value}} }

// chart draws the coverage's timeline; self is the page's own path, for
// the link to the other interval.
func (cv *coverage) chart(title, self string) *chartView {
	tl := oneTimeline("Số bài", cv.main.Timeline)
	scope := cv.scope()
	other := search.IntervalYear
	if tl.Interval == search.IntervalYear {
		other = search.IntervalMonth
	}
	return newChart("timeline", title, tl,
		func(_ int, key string) string { return narrowed(scope, key) },
		timelineCSV(scope), self+"?interval="+other)
}

// articleRef is an article in a coverage's lists.
type articleRef struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Published time.Time `json:"published,omitzero"`
	Example   bool      `json:"example"`
}

func articleRefs(hits []search.Hit) []articleRef {
	out := []articleRef{}
	for _, h := range hits {
		out = append(out, articleRef{ID: h.ID, Title: h.Title, URL: h.URL, Source: h.Source, Published: h.Published, Example: h.Example})
	}
	return out
}

// facetOf returns up to n values of a facet, never nil.
func facetOf(res *search.Result, name string, n int) []search.Facet {
	fs := res.Facets[name]
	return append([]search.Facet{}, fs[:min(n, len(fs))]...)
}

// coverageView is what the directive and unit pages share.
type coverageView struct {
	Title          string
	Error          string
	Count          string
	Chart          *chartView
	Newest         []modelArticle
	Examples       []modelArticle
	Search         string // the full search
	ExamplesSearch string
}

// Form is an empty search form.
func (coverageView) Form() formView { return formView{} }

func (v *coverageView) fill(cv *coverage, chartTitle, self string) {
	v.Count = thousands(cv.main.Total)
	v.Chart = cv.chart(chartTitle, self)
	v.Newest = articleLinks(cv.main.Hits)
	v.Examples = articleLinks(cv.examples.Hits)
	scope := cv.scope()
	scope.Set("sort", search.SortNewest)
	v.Search = link(scope)
	scope.Set(filter.Example, "true")
	v.ExamplesSearch = link(scope)
}

func articleLinks(hits []search.Hit) []modelArticle {
	var out []modelArticle
	for _, h := range hits {
		a := modelArticle{Title: h.Title, Href: "/articles/" + url.PathEscape(h.ID), Example: h.Example}
		if a.Title == "" {
			a.Title = "(không có tiêu đề)"
		}
		if !h.Published.IsZero() {
			t := h.Published.In(vietnam)
			a.Date, a.DateISO = t.Format("02/01/2006"), t.Format("2006-01-02")
		}
		out = append(out, a)
	}
	return out
}

// breakdown links the values of a facet: to page(value) when page is not
// nil, else to the coverage's search narrowed by the facet.
func (cv *coverage) breakdown(facet string, page func(string) string) []linkView {
	var out []linkView
	for _, f := range facetOf(cv.main, facet, coverageLeading) {
		label, _, _ := strings.Cut(cmp.Or(f.Label, f.Value), " — ")
		lv := linkView{Label: label, Title: f.Label, Count: thousands(uint64(f.Count))}
		if page != nil {
			lv.Href = page(f.Value)
		} else {
			scope := cv.scope()
			scope.Set(facet, f.Value)
			lv.Href = link(scope)
		}
		out = append(out, lv)
	}
	return out
}

// pageInterval reads the optional interval parameter of a page.
func pageInterval(c *gin.Context) (string, error) {
	return parseInterval(c.Query("interval"))
}

// failPage answers a page's error with the error page.
func (s *Server) failPage(c *gin.Context, err error) {
	status, msg := pageMessage(err)
	s.logFailure(c, status, err)
	s.renderError(c, status, msg)
}

// timelineCSV links the CSV of a search's timeline.
func timelineCSV(scope url.Values) string { return "/api/timeline.csv?" + scope.Encode() }

// apiTimelineCSV answers GET /api/timeline.csv with the timeline of a
// search (the parameters of /api/search) as CSV: period, count.
func (s *Server) apiTimelineCSV(c *gin.Context) {
	req, err := parseSearch(c.Request.URL.Query(), true)
	if err != nil {
		s.failErr(c, err)
		return
	}
	req.Size, req.Page, req.GroupSyndicated = 1, 1, false
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	res, err := s.searcher.Search(ctx, req)
	if err != nil {
		s.failErr(c, err)
		return
	}
	writeTimelinesCSV(c, "vnsearch-timeline.csv", oneTimeline("count", res.Timeline))
}

// writeTimelinesCSV answers timelines as CSV: a period column (named by
// the interval), then one column per series.
func writeTimelinesCSV(c *gin.Context, name string, tl timelines) {
	var b bytes.Buffer
	b.WriteString("\ufeff") // a BOM, so spreadsheets read UTF-8
	cw := csv.NewWriter(&b)
	header := []string{tl.Interval}
	for _, s := range tl.Series {
		header = append(header, cell(s.Label))
	}
	cw.Write(header)
	for j, key := range tl.Keys {
		row := []string{key}
		for _, s := range tl.Series {
			row = append(row, strconv.Itoa(s.Counts[j]))
		}
		cw.Write(row)
	}
	cw.Flush()
	c.Header("Content-Disposition", `attachment; filename="`+name+`"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", b.Bytes())
}

// coverageRoutes adds the coverage views, each answering GET and HEAD.
// A directive's id or a unit's name is one path parameter however many
// (escaped) slashes it holds: a catch-all.
func (s *Server) coverageRoutes(e *gin.Engine) {
	for path, h := range map[string]gin.HandlerFunc{
		"/directives":         s.directivesPage,
		"/directives/*id":     s.directivePage,
		"/units":              s.unitsPage,
		"/units/*name":        s.unitPage,
		"/compare":            s.comparePage,
		"/api/directives/*id": s.apiDirective,
		"/api/units":          s.apiUnits,
		"/api/units/*name":    s.apiUnit,
		"/api/timeline.csv":   s.apiTimelineCSV,
	} {
		e.GET(path, h)
		e.HEAD(path, h)
	}
}
