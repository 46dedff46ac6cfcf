package web

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer"
)

func TestAdminSources(t *testing.T) {
	bearer := func(tok string) http.Header { return http.Header{"Authorization": {"Bearer " + tok}} }
	start := time.Date(2026, 3, 7, 8, 0, 0, 0, time.UTC)
	crawler := &fakeCrawler{status: []indexer.SourceStatus{
		{Name: "Báo Nhân Dân", Schedule: "@every 30m", LastStart: start, LastEnd: start.Add(90 * time.Second),
			Fetched: 12, New: 9, Updated: 2, Skipped: 40, Failed: 1, NextRun: start.Add(30 * time.Minute),
			Failures: []indexer.Failure{{URL: "http://127.0.0.1:8080/x", Reason: "refused: private address"}}},
		{Name: "VOV", Schedule: "@hourly", Running: true, LastStart: start, Failures: []indexer.Failure{}},
	}}
	tests := []struct {
		name, token, target string
		crawler             bool
		header              http.Header
		status              int
	}{
		{"admin disabled", "", "/api/admin/sources", true, bearer("x"), 403},
		{"no token", "s3cret", "/api/admin/sources", true, nil, 401},
		{"wrong token", "s3cret", "/api/admin/sources", true, bearer("s3cre"), 401},
		{"no crawler", "s3cret", "/api/admin/sources", false, bearer("s3cret"), 503},
		{"unknown parameter", "s3cret", "/api/admin/sources?all=1", true, bearer("s3cret"), 400},
		{"status", "s3cret", "/api/admin/sources", true, bearer("s3cret"), 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newTestServer(t, func(c *Config) {
				c.AdminToken = tt.token
				if tt.crawler {
					c.Crawler = crawler
				}
			})
			w := do(t, s, http.MethodGet, tt.target, tt.header)
			if w.Code != tt.status {
				t.Fatalf("status %d, want %d: %s", w.Code, tt.status, w.Body)
			}
			if w.Code != 200 {
				if strings.Contains(w.Body.String(), "Nhân Dân") {
					t.Errorf("status leaked without the token: %s", w.Body)
				}
				return
			}
			checkSourcesBody(t, w.Body.Bytes())
		})
	}
}

func checkSourcesBody(t *testing.T, body []byte) {
	t.Helper()
	var got struct {
		Sources []map[string]any `json:"sources"`
	}
	if err := json.Unmarshal(body, &got); err != nil || len(got.Sources) != 2 {
		t.Fatalf("body %s: %v", body, err)
	}
	nd, vov := got.Sources[0], got.Sources[1]
	want := map[string]any{"name": "Báo Nhân Dân", "schedule": "@every 30m", "running": false,
		"last_start": "2026-03-07T08:00:00Z", "last_end": "2026-03-07T08:01:30Z", "next_run": "2026-03-07T08:30:00Z",
		"fetched": 12.0, "new": 9.0, "updated": 2.0, "skipped": 40.0, "failed": 1.0}
	for k, v := range want {
		if nd[k] != v {
			t.Errorf("%s = %v, want %v", k, nd[k], v)
		}
	}
	f, _ := nd["failures"].([]any)
	if len(f) != 1 || f[0].(map[string]any)["reason"] != "refused: private address" {
		t.Errorf("failures %v", nd["failures"])
	}
	if _, ok := vov["last_end"]; ok || vov["running"] != true {
		t.Errorf("running source never finished: %v", vov)
	}
	if f, ok := vov["failures"].([]any); !ok || len(f) != 0 {
		t.Errorf("failures of a source without any: %v, want []", vov["failures"])
	}
}
