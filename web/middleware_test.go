package web

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"
)

func TestSecurityHeaders(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, p := range []string{"/", "/api/search?q=x", "/nothing", "/api/search?bad=1"} {
		h := get(t, s, p).Header()
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff",
			"X-Frame-Options":        "SAMEORIGIN",
			"Referrer-Policy":        "strict-origin-when-cross-origin",
		} {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s = %q, want %q", p, k, got, want)
			}
		}
		if csp := h.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") || !strings.Contains(csp, "frame-ancestors 'self'") {
			t.Errorf("%s: CSP %q", p, csp)
		}
	}
}

func TestCORS(t *testing.T) {
	const news = "https://news.example.vn"
	tests := []struct {
		name, method, path, origin string
		origins                    []string
		preflight                  bool
		wantAllow                  string
		wantStatus                 int
	}{
		{"no origins configured", "GET", "/api/search?q=x", news, nil, false, "", 200},
		{"allowed origin", "GET", "/api/search?q=x", news, []string{news}, false, news, 200},
		{"other origin", "GET", "/api/search?q=x", "https://evil.example", []string{news}, false, "", 200},
		{"wildcard", "GET", "/api/suggest?q=x", "https://any.example", []string{"*"}, false, "*", 200},
		{"feed", "GET", "/search.rss?q=x", news, []string{news}, false, news, 200},
		{"page is not CORS", "GET", "/?q=x", news, []string{news}, false, "", 200},
		{"preflight allowed", "OPTIONS", "/api/search", news, []string{news}, true, news, 204},
		{"preflight refused", "OPTIONS", "/api/search", "https://evil.example", []string{news}, true, "", 204},
		{"admin never cross-origin", "OPTIONS", "/api/admin/crawl", news, []string{"*"}, true, "", 204},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(c *Config) { c.CORSOrigins = tt.origins })
			h := http.Header{"Origin": {tt.origin}}
			if tt.preflight {
				h.Set("Access-Control-Request-Method", "GET")
			}
			w := do(t, s, tt.method, tt.path, h)
			if w.Code != tt.wantStatus {
				t.Errorf("status %d, want %d", w.Code, tt.wantStatus)
			}
			if got := w.Header().Get("Access-Control-Allow-Origin"); got != tt.wantAllow {
				t.Errorf("Access-Control-Allow-Origin %q, want %q", got, tt.wantAllow)
			}
			// A page elsewhere reads whether its export was cut at the limit.
			if got := w.Header().Get("Access-Control-Expose-Headers"); (got != "") != (tt.wantAllow != "") ||
				(got != "" && got != "X-Export-Total, X-Export-Truncated") {
				t.Errorf("Access-Control-Expose-Headers %q", got)
			}
			if tt.preflight && tt.wantAllow != "" && w.Header().Get("Access-Control-Allow-Methods") != "GET, OPTIONS" {
				t.Errorf("preflight methods %q", w.Header().Get("Access-Control-Allow-Methods"))
			}
			if len(tt.origins) > 0 && !strings.Contains(w.Header().Get("Content-Security-Policy"), "frame-ancestors 'self' "+tt.origins[0]) {
				t.Errorf("embedding origins may not frame the page: %q", w.Header().Get("Content-Security-Policy"))
			}
		})
	}
}

func TestConfigValidate(t *testing.T) {
	fake := newFake()
	tests := []struct {
		cfg Config
		ok  bool
	}{
		{Config{Searcher: fake}, true},
		{Config{}, false},
		{Config{Searcher: fake, Timeout: -1}, false},
		{Config{Searcher: fake, CORSOrigins: []string{"https://a.vn", "*"}}, true},
		{Config{Searcher: fake, CORSOrigins: []string{"a.vn"}}, false},
		{Config{Searcher: fake, CORSOrigins: []string{"https://a.vn; script-src *"}}, false},
	}
	for i, tt := range tests {
		if err := tt.cfg.Validate(); (err == nil) != tt.ok {
			t.Errorf("%d: Validate() = %v, want ok %v", i, err, tt.ok)
		}
	}
}

func TestMetrics(t *testing.T) {
	s, _ := newTestServer(t, nil)
	get(t, s, "/api/search?q=d%C3%A2n")
	get(t, s, "/api/search?q=d%C3%A2n")
	get(t, s, "/api/search?q=x&nope=1")
	get(t, s, "/api/articles/a1")
	get(t, s, "/no/such/path/123")
	if got := testutil.ToFloat64(s.metrics.requests.WithLabelValues("/api/search", "GET", "200")); got != 2 {
		t.Errorf("search 200 count %v, want 2", got)
	}
	if got := testutil.ToFloat64(s.metrics.requests.WithLabelValues("/api/search", "GET", "400")); got != 1 {
		t.Errorf("search 400 count %v, want 1", got)
	}
	if got := testutil.ToFloat64(s.metrics.requests.WithLabelValues("unmatched", "GET", "404")); got != 1 {
		t.Errorf("unmatched count %v, want 1", got)
	}
	body := get(t, s, "/metrics").Body.String()
	for _, want := range []string{
		`vnsearch_http_requests_total{method="GET",route="/api/articles/:id",status="200"} 1`,
		`vnsearch_search_duration_seconds_count{outcome="ok"} 2`,
		`vnsearch_http_request_duration_seconds_bucket{method="GET",route="/api/search",le="+Inf"} 3`,
		"go_goroutines",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// htmlPage reports whether a route is a page rather than an API route.
func htmlPage(path string) bool {
	for _, p := range []string{"/", "/models", "/directives", "/units", "/compare"} {
		if path == p {
			return true
		}
	}
	for _, p := range []string{"/articles/", "/static/", "/directives/", "/units/"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

// TestOpenAPICoversRoutes checks that the OpenAPI document is valid JSON
// and describes every API route the server has, and no other.
func TestOpenAPICoversRoutes(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/api/openapi.json")
	var spec struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &spec); err != nil || spec.OpenAPI != "3.1.0" {
		t.Fatalf("openapi.json: %v (version %q)", err, spec.OpenAPI)
	}
	param := regexp.MustCompile(`[:*](\w+)`)
	routes := map[string]bool{}
	for _, r := range s.engine.Routes() {
		if htmlPage(r.Path) {
			continue // the HTML pages
		}
		p := param.ReplaceAllString(r.Path, "{$1}")
		routes[p+" "+strings.ToLower(r.Method)] = true
		if _, documented := spec.Paths[p]["head"]; r.Method == http.MethodHead && !documented {
			continue // every GET answers HEAD (web.Server.routes), documented once in the info
		}
		if _, ok := spec.Paths[p][strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s is not in openapi.json", r.Method, p)
		}
	}
	for p, ops := range spec.Paths {
		for m := range ops {
			if !routes[p+" "+m] {
				t.Errorf("openapi.json describes %s %s, which the server lacks", m, p)
			}
		}
	}
}
