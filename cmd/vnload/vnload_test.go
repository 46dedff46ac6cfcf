package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func TestLoopbackURL(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080", true},
		{"http://127.0.0.1:8080/", "http://127.0.0.1:8080", true},
		{"http://localhost:9/?q=x#f", "http://localhost:9", true},
		{"http://[::1]:8080", "http://[::1]:8080", true},
		{"https://127.8.9.10", "https://127.8.9.10", true},
		{"http://10.0.0.1:8080", "", false},
		{"http://example.com", "", false},
		{"http://localhost.example.com", "", false},
		{"http://127.0.0.1.nip.io", "", false},
		{"ftp://127.0.0.1", "", false},
		{"127.0.0.1:8080", "", false},
		{"http://0.0.0.0:8080", "", false},
	}
	for _, tt := range tests {
		u, err := loopbackURL(tt.in)
		if (err == nil) != tt.ok || (tt.ok && u.String() != tt.want) {
			t.Errorf("loopbackURL(%q) = %v, %v; want %q ok %v", tt.in, u, err, tt.want, tt.ok)
		}
	}
}

func TestParseLevels(t *testing.T) {
	if got, err := parseLevels("1, 4,16,64"); err != nil || len(got) != 4 || got[3] != 64 {
		t.Errorf("parseLevels = %v, %v", got, err)
	}
	for _, bad := range []string{"", "0", "1,,2", "x", "5000"} {
		if _, err := parseLevels(bad); err == nil {
			t.Errorf("parseLevels(%q) accepted", bad)
		}
	}
}

func TestPercentile(t *testing.T) {
	var d []time.Duration
	for i := 1; i <= 100; i++ {
		d = append(d, time.Duration(i)*time.Millisecond)
	}
	for p, want := range map[float64]time.Duration{50: 50 * time.Millisecond, 90: 90 * time.Millisecond, 99: 99 * time.Millisecond, 100: 100 * time.Millisecond, 0: time.Millisecond} {
		if got := percentile(d, p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	if got := percentile(nil, 50); got != 0 {
		t.Errorf("empty p50 = %v", got)
	}
	if got := percentile([]time.Duration{7}, 99); got != 7 {
		t.Errorf("single p99 = %v", got)
	}
}

// TestRun measures a stand-in server that fails every fifth request.
func TestRun(t *testing.T) {
	var served atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/search" || r.URL.Query().Get("q") == "" {
			http.Error(w, "bad", http.StatusBadRequest)
			return
		}
		if n := served.Add(1); n > int64(len(defaultMix)) && n%5 == 0 {
			http.Error(w, "boom", http.StatusInternalServerError)
			return
		}
		io.WriteString(w, `{"total":1}`)
	}))
	defer ts.Close()
	var out bytes.Buffer
	err := run(context.Background(), []string{"--url", ts.URL, "--levels", "1,3", "--requests", "50", "--duration", "10s"}, &out, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	rows := lines[len(lines)-2:]
	for i, c := range []string{"1", "3"} {
		cells := strings.Split(rows[i], "|")
		if strings.TrimSpace(cells[1]) != c || strings.TrimSpace(cells[2]) != "50" || strings.TrimSpace(cells[3]) != "10" {
			t.Errorf("row %q: want concurrency %s, 50 requests, 10 errors", rows[i], c)
		}
	}
	if got := served.Load(); got != int64(len(defaultMix))+100 {
		t.Errorf("server saw %d requests, want warm-up %d + 100", got, len(defaultMix))
	}
}

func TestRunRefusesRemoteTargets(t *testing.T) {
	err := run(context.Background(), []string{"--url", "http://192.0.2.1:8080"}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "non-loopback") {
		t.Errorf("run against a remote target: %v", err)
	}
}
