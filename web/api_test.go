package web

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/vnsearch/vnsearch/search"
)

func TestMain(m *testing.M) {
	gin.SetMode(gin.ReleaseMode)
	os.Exit(m.Run())
}

func newTestServer(t *testing.T, edit func(*Config)) (*Server, *fakeSearcher) {
	t.Helper()
	fake := newFake()
	cfg := Config{Searcher: fake}
	if edit != nil {
		edit(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return s, fake
}

func do(t *testing.T, s http.Handler, method, target string, header http.Header) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		r.Header[k] = v
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

func get(t *testing.T, s http.Handler, target string) *httptest.ResponseRecorder {
	return do(t, s, http.MethodGet, target, nil)
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(w.Body.Bytes(), &v); err != nil {
		t.Fatalf("decode %q: %v", w.Body.String(), err)
	}
	return v
}

func TestAPISearch(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/api/search?q=d%C3%A2n+v%E1%BA%ADn&sort=newest")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("Content-Type %q", ct)
	}
	res := decode[search.Result](t, w)
	if res.Total != 2 || len(res.Hits) != 2 || res.Hits[0].ID != "a2" {
		t.Fatalf("got total %d hits %+v", res.Total, res.Hits)
	}
	if got := res.Hits[0].Snippets[0]; !strings.Contains(got, "<mark>dân vận</mark>") {
		t.Errorf("snippet %q has no highlight", got)
	}
	if got := res.Facets["directive"]; len(got) != 2 || got[0].Label == "" {
		t.Errorf("directive facet %+v", got)
	}
	// The raw JSON keeps the field names of docs/api.md.
	raw := decode[map[string]any](t, w)
	for _, k := range []string{"query", "total", "took_ms", "page", "size", "hits", "facets"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("response lacks %q", k)
		}
	}
}

func TestAPISearchEmptyHitsIsArray(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/api/search?q=kh%C3%B4ng+c%C3%B3+g%C3%AC")
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"hits":[]`) || strings.Contains(w.Body.String(), "null") {
		t.Fatalf("status %d body %s", w.Code, w.Body)
	}
}

func TestAPISearchParsesRequest(t *testing.T) {
	s, fake := newTestServer(t, nil)
	w := get(t, s, "/api/search?q=+d%C3%A2n+&unit=A&unit=B&unit=A&directive=05-CT/TW&document=30/2020/N%C4%90-CP"+
		"&source=Nh%C3%A2n+D%C3%A2n&model=X&year=2020..2023&from=2021-01-01&to=2021-12-31&example=true"+
		"&sort=oldest&page=3&size=25&group=true")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	yes := true
	want := search.Request{
		Query: "dân",
		Filters: search.Filters{
			Keywords: map[string][]string{
				"unit": {"A", "B"}, "directive": {"05-CT/TW"}, "document": {"30/2020/NĐ-CP"},
				"source": {"Nhân Dân"}, "model": {"X"},
			},
			YearFrom: 2020, YearTo: 2023,
			From:    time.Date(2021, 1, 1, 0, 0, 0, 0, vietnam),
			To:      time.Date(2022, 1, 1, 0, 0, 0, 0, vietnam).Add(-time.Nanosecond),
			Example: &yes,
		},
		Sort: search.SortOldest, Page: 3, Size: 25, GroupSyndicated: true,
	}
	if got := fake.lastRequest(); !reflect.DeepEqual(got, want) {
		t.Errorf("request\n got %+v\nwant %+v", got, want)
	}
}

func TestAPISearchClamps(t *testing.T) {
	tests := []struct {
		query      string
		page, size int
	}{
		{"", 1, search.DefaultSize},
		{"page=100000&size=10000", search.MaxPage, search.MaxSize},
		{"page=99999999999999999999999&size=99999999999999999999", search.MaxPage, search.MaxSize},
		{"page=0&size=0", 1, search.DefaultSize},
		{"page=-5&size=-1", 1, search.DefaultSize},
		{"page=-99999999999999999999999", 1, search.DefaultSize},
		{"page=7&size=100", 7, 100},
	}
	for _, tt := range tests {
		s, fake := newTestServer(t, nil)
		w := get(t, s, "/api/search?q=x&"+tt.query)
		if w.Code != http.StatusOK {
			t.Errorf("%s: status %d: %s", tt.query, w.Code, w.Body)
			continue
		}
		if got := fake.lastRequest(); got.Page != tt.page || got.Size != tt.size {
			t.Errorf("%s: page %d size %d, want %d %d", tt.query, got.Page, got.Size, tt.page, tt.size)
		}
	}
}

func TestAPISearchBadInput(t *testing.T) {
	long := strings.Repeat("a", 10*1024)
	tests := []struct {
		name, query string
		status      int
		msg         string
	}{
		{"unbalanced quote", `q=%22d%C3%A2n+v%E1%BA%ADn`, 400, "unbalanced quote"},
		{"10 kB query", "q=" + long, 400, "query is too long"},
		{"unknown filter", "q=x&color=red", 400, `unknown parameter "color"; known parameters: q, directive, unit`},
		{"invalid UTF-8 value", "q=%FF%FE", 400, "not valid UTF-8"},
		{"invalid UTF-8 name", "%FF=1", 400, "valid UTF-8"},
		{"invalid UTF-8 filter", "q=x&unit=%C3", 400, "not valid UTF-8"},
		{"bad year", "q=x&year=20", 400, `year "20" is not a year`},
		{"year range reversed", "q=x&year=2023..2020", 400, "runs backwards"},
		{"empty year range", "q=x&year=..", 400, "has no year"},
		{"bad date", "q=x&from=19/05/2023", 400, "from must be a date"},
		{"dates reversed", "q=x&from=2023-02-01&to=2023-01-01", 400, "ends"},
		{"bad sort", "q=x&sort=random", 400, "sort must be"},
		{"page not a number", "q=x&page=two", 400, "page must be an integer"},
		{"size not a number", "q=x&size=1e3", 400, "size must be an integer"},
		{"bad example", "q=x&example=maybe", 400, "want yes or no"},
		{"bad group", "q=x&group=2", 400, "group must be true or false"},
		{"too many units", "q=x" + strings.Repeat("&unit=u", 1) + manyUnits(21), 400, "too many unit values"},
		{"long unit", "q=x&unit=" + strings.Repeat("u", 300), 400, "unit value is too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, nil)
			w := get(t, s, "/api/search?"+tt.query)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			body := decode[map[string]string](t, w)
			if !strings.Contains(body["error"], tt.msg) {
				t.Errorf("error %q does not say %q", body["error"], tt.msg)
			}
		})
	}
}

func manyUnits(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("&unit=u" + string(rune('a'+i)))
	}
	return b.String()
}

func TestAPISearchErrors(t *testing.T) {
	tests := []struct {
		name, q string
		status  int
		msg     string
	}{
		{"internal error is hidden", "boom", 500, "internal error"},
		{"engine honours the deadline", "slow", 504, "took too long"},
		{"engine ignores the deadline", "hang", 504, "took too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(c *Config) { c.Timeout = 20 * time.Millisecond })
			w := get(t, s, "/api/search?q="+tt.q)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if got := decode[map[string]string](t, w)["error"]; got != "" && !strings.Contains(got, tt.msg) {
				t.Errorf("error %q, want %q", got, tt.msg)
			}
			if strings.Contains(w.Body.String(), "secret") {
				t.Errorf("internal detail leaked: %s", w.Body)
			}
		})
	}
}

func TestAPIArticle(t *testing.T) {
	s, _ := newTestServer(t, nil)
	tests := []struct {
		path   string
		status int
		want   string
	}{
		{"/api/articles/a1", 200, `"title":"Quế Võ quyết tâm học tập và làm theo Bác"`},
		{"/api/articles/nope", 404, `{"error":"not found"}`},
		{"/api/articles/" + strings.Repeat("x", 300), 400, "invalid article id"},
		{"/api/articles/%FF", 400, "invalid article id"},
		{"/api/articles/a1?x=1", 400, "unknown parameter"},
	}
	for _, tt := range tests {
		w := get(t, s, tt.path)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%s: status %d body %s, want %d with %s", tt.path, w.Code, w.Body, tt.status, tt.want)
		}
	}
	a := decode[search.Article](t, get(t, s, "/api/articles/a1"))
	if len(a.Units) != 2 || a.Directives[0] != "05-CT/TW" || !a.Example || a.Body == "" {
		t.Errorf("article facets missing: %+v", a)
	}
}

func TestAPISuggest(t *testing.T) {
	s, _ := newTestServer(t, nil)
	type answer struct {
		Query       string   `json:"query"`
		Suggestions []string `json:"suggestions"`
	}
	tests := []struct {
		target string
		status int
		want   []string
	}{
		{"/api/suggest?q=Qu%E1%BA%BF", 200, []string{"Quế Võ quyết tâm học tập và làm theo Bác"}},
		{"/api/suggest?q=", 200, []string{}},
		{"/api/suggest?q=%20%20", 200, []string{}},
		{"/api/suggest?q=zzz", 200, []string{}},
		{"/api/suggest?q=b&size=0", 200, []string{"Bài không ngày tháng"}},
		{"/api/suggest?q=" + strings.Repeat("a", 2000), 400, nil},
		{"/api/suggest?q=a&size=x", 400, nil},
		{"/api/suggest?q=a&n=3", 400, nil},
		{"/api/suggest?q=%E1", 400, nil},
	}
	for _, tt := range tests {
		w := get(t, s, tt.target)
		if w.Code != tt.status {
			t.Errorf("%.60s: status %d, want %d", tt.target, w.Code, tt.status)
			continue
		}
		if tt.status != 200 {
			continue
		}
		if got := decode[answer](t, w); !reflect.DeepEqual(got.Suggestions, tt.want) {
			t.Errorf("%s: suggestions %q, want %q", tt.target, got.Suggestions, tt.want)
		}
	}
}

func TestAPIDirectives(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/api/directives")
	got := decode[struct{ Directives []search.Directive }](t, w)
	if w.Code != 200 || len(got.Directives) != 2 || got.Directives[1].Label != "Chỉ thị 05-CT/TW" {
		t.Fatalf("status %d, %+v", w.Code, got)
	}
}

func TestAdminCrawl(t *testing.T) {
	bearer := func(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }
	tests := []struct {
		name    string
		token   string
		crawler bool
		target  string
		header  http.Header
		body    string
		status  int
		want    []string // sources triggered
	}{
		{"disabled without a token", "", true, "/api/admin/crawl", bearer(""), "", 403, nil},
		{"no header", "s3cret", true, "/api/admin/crawl", nil, "", 401, nil},
		{"wrong token", "s3cret", true, "/api/admin/crawl", bearer("guess"), "", 401, nil},
		{"basic auth is not bearer", "s3cret", true, "/api/admin/crawl", http.Header{"Authorization": {"Basic czNjcmV0"}}, "", 401, nil},
		{"no crawler", "s3cret", false, "/api/admin/crawl", bearer("s3cret"), "", 503, nil},
		{"all sources", "s3cret", true, "/api/admin/crawl", bearer("s3cret"), "", 202, []string{""}},
		{"one source by query", "s3cret", true, "/api/admin/crawl?source=B%C3%A1o+Nh%C3%A2n+D%C3%A2n", bearer("s3cret"), "", 202, []string{"Báo Nhân Dân"}},
		{"one source by body", "s3cret", true, "/api/admin/crawl", bearer("s3cret"), `{"source":"VOV"}`, 202, []string{"VOV"}},
		{"bad body", "s3cret", true, "/api/admin/crawl", bearer("s3cret"), `{"src":1}`, 400, nil},
		{"refused by the crawler", "s3cret", true, "/api/admin/crawl?source=busy", bearer("s3cret"), "", 409, nil},
		{"unknown source", "s3cret", true, "/api/admin/crawl?source=nope", bearer("s3cret"), "", 404, nil},
		{"unknown parameter", "s3cret", true, "/api/admin/crawl?all=1", bearer("s3cret"), "", 400, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			crawler := &fakeCrawler{}
			s, _ := newTestServer(t, func(c *Config) {
				c.AdminToken = tt.token
				if tt.crawler {
					c.Crawler = crawler
				}
			})
			r := httptest.NewRequest(http.MethodPost, tt.target, strings.NewReader(tt.body))
			for k, v := range tt.header {
				r.Header[k] = v
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if !reflect.DeepEqual(crawler.sources, tt.want) {
				t.Errorf("triggered %q, want %q", crawler.sources, tt.want)
			}
			if w.Code == 401 && w.Header().Get("WWW-Authenticate") == "" {
				t.Error("401 without WWW-Authenticate")
			}
		})
	}
}

func TestHealthAndReadiness(t *testing.T) {
	ready := error(nil)
	s, _ := newTestServer(t, func(c *Config) {
		c.Ready = func(ctx context.Context) error { return ready }
	})
	if w := get(t, s, "/healthz"); w.Code != 200 || !strings.Contains(w.Body.String(), `"ok"`) {
		t.Errorf("healthz: %d %s", w.Code, w.Body)
	}
	if w := get(t, s, "/readyz"); w.Code != 200 {
		t.Errorf("readyz: %d %s", w.Code, w.Body)
	}
	ready = errors.New("index is loading the demo corpus")
	if w := get(t, s, "/readyz"); w.Code != 503 || !strings.Contains(w.Body.String(), "demo corpus") {
		t.Errorf("readyz when not ready: %d %s", w.Code, w.Body)
	}
}

func TestUnknownRoutesAndMethods(t *testing.T) {
	s, _ := newTestServer(t, nil)
	if w := get(t, s, "/api/nothing"); w.Code != 404 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("unknown API route: %d %s", w.Code, w.Body)
	}
	if w := get(t, s, "/nothing"); w.Code != 404 || !strings.Contains(w.Body.String(), "Không tìm thấy trang") {
		t.Errorf("unknown page: %d %s", w.Code, w.Body)
	}
	if w := do(t, s, http.MethodDelete, "/api/search", nil); w.Code != 405 || !strings.Contains(w.Body.String(), `"error"`) {
		t.Errorf("wrong method: %d %s", w.Code, w.Body)
	}
	if w := get(t, s, "/api/admin/crawl"); w.Code != 405 {
		t.Errorf("GET admin crawl: %d", w.Code)
	}
}

// TestSearchLimit checks that searches past the limit wait for a slot and
// time out in the queue, and that the running searches are counted.
func TestSearchLimit(t *testing.T) {
	s, fake := newTestServer(t, func(c *Config) { c.MaxSearches = 1; c.Timeout = 30 * time.Millisecond })
	first := make(chan int)
	go func() { first <- get(t, s, "/api/search?q=hold").Code }()
	waitRunning := func(want float64) {
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if testutil.ToFloat64(s.metrics.searchesRunning) == want {
				return
			}
		}
		t.Fatalf("searches running %v, want %v", testutil.ToFloat64(s.metrics.searchesRunning), want)
	}
	waitRunning(1)
	if w := get(t, s, "/api/search?q=d%C3%A2n"); w.Code != http.StatusGatewayTimeout {
		t.Errorf("search past the limit: %d %s", w.Code, w.Body)
	}
	if got := <-first; got != http.StatusGatewayTimeout {
		t.Errorf("held search: %d", got)
	}
	close(fake.held) // the engine finishes the held search; its slot frees
	waitRunning(0)
	if w := get(t, s, "/api/search?q=d%C3%A2n"); w.Code != http.StatusOK {
		t.Errorf("search after the slot freed: %d", w.Code)
	}
}
