package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// A comparison draws from minCompared to maxCompared searches.
const (
	minCompared = 2
	maxCompared = 4
)

// compareParams are the parameters of /compare.
var compareParams = []string{"q", "interval", "format"}

// compareView is the data of /compare.
type compareView struct {
	Title   string
	Error   string
	Inputs  []string // the form's fields, maxCompared of them
	Totals  []linkView
	Chart   *chartView
	Missing bool // fewer than two searches typed
}

// Form is an empty search form.
func (compareView) Form() formView { return formView{} }

// compareQueries reads the non-empty q parameters and the interval.
func compareQueries(v url.Values) ([]string, string, error) {
	if err := checkValues(v, compareParams); err != nil {
		return nil, "", err
	}
	if f := v.Get("format"); f != "" && f != "csv" {
		return nil, "", badf("format must be csv, got %q", f)
	}
	var qs []string
	for _, q := range v["q"] {
		if q = strings.TrimSpace(q); q != "" {
			if len(q) > search.MaxQueryBytes {
				return nil, "", badf("query is too long: %d bytes, at most %d", len(q), search.MaxQueryBytes).
					inVietnamese("Câu tìm kiếm quá dài: %d byte, tối đa %d.", len(q), search.MaxQueryBytes)
			}
			qs = append(qs, q)
		}
	}
	if len(qs) > maxCompared {
		return nil, "", badf("at most %d searches can be compared, got %d", maxCompared, len(qs)).
			inVietnamese("Chỉ so sánh được tối đa %d câu tìm kiếm.", maxCompared)
	}
	interval, err := parseInterval(v.Get("interval"))
	return qs, interval, err
}

// comparePage answers GET /compare?q=A&q=B (two to four searches, each
// in the query language, filters included): their timelines on one chart,
// or as CSV with format=csv.
func (s *Server) comparePage(c *gin.Context) {
	v := c.Request.URL.Query()
	view := compareView{Title: "So sánh theo thời gian"}
	qs, interval, err := compareQueries(v)
	if err != nil {
		s.failCompare(c, view, err)
		return
	}
	view.Inputs = append(append([]string{}, qs...), make([]string, maxCompared-len(qs))...)
	if len(qs) < minCompared {
		if v.Get("format") == "csv" {
			s.failErr(c, badf("compare needs %d to %d q parameters", minCompared, maxCompared))
			return
		}
		view.Missing = len(qs) > 0
		s.render(c, http.StatusOK, s.pages.compare, view)
		return
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	tls := make([]*search.Timeline, len(qs))
	for i, q := range qs {
		res, err := s.searcher.Search(ctx, search.Request{Query: q, Page: 1, Size: 1, Interval: interval})
		if err != nil {
			s.failCompare(c, view, err)
			return
		}
		tls[i] = res.Timeline
		if tls[i] == nil {
			tls[i] = &search.Timeline{}
		}
		view.Totals = append(view.Totals, linkView{Label: q, Href: link(url.Values{"q": {q}}), Count: thousands(res.Total)})
	}
	merged := mergeTimelines(interval, qs, tls)
	if v.Get("format") == "csv" {
		writeTimelinesCSV(c, "vnsearch-compare.csv", merged)
		return
	}
	self := url.Values{"q": qs}
	csv := cloneValues(self)
	csv.Set("format", "csv")
	other := cloneValues(self)
	other.Set("interval", search.IntervalYear)
	if merged.Interval == search.IntervalYear {
		other.Set("interval", search.IntervalMonth)
	}
	view.Chart = newChart("compare", "Số bài theo thời gian", merged,
		func(i int, key string) string { return narrowed(url.Values{"q": {qs[i]}}, key) },
		"/compare?"+csv.Encode(), "/compare?"+other.Encode())
	s.render(c, http.StatusOK, s.pages.compare, view)
}

func (s *Server) failCompare(c *gin.Context, view compareView, err error) {
	status, msg := pageMessage(err)
	s.logFailure(c, status, err)
	if c.Query("format") == "csv" {
		s.failErr(c, err)
		return
	}
	view.Error = msg
	if view.Inputs == nil {
		view.Inputs = make([]string, maxCompared)
	}
	s.render(c, status, s.pages.compare, view)
}
