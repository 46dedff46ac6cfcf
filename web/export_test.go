package web

import (
	"bytes"
	"encoding/csv"
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// readCSV checks the BOM and parses the rest of an export.
func readCSV(t *testing.T, body []byte) [][]string {
	t.Helper()
	rest, ok := bytes.CutPrefix(body, []byte{0xEF, 0xBB, 0xBF})
	if !ok {
		t.Fatalf("export does not start with a UTF-8 BOM: %q", body[:min(len(body), 8)])
	}
	rows, err := csv.NewReader(bytes.NewReader(rest)).ReadAll()
	if err != nil {
		t.Fatalf("export is not CSV: %v", err)
	}
	return rows
}

func TestExport(t *testing.T) {
	s, fake := newTestServer(t, nil)
	const tricky = "Hội nghị \"Dân vận khéo\", lần 2\nnăm 2024; tổng kết"
	fake.articles = append(fake.articles, search.Article{
		ID: "a4", Title: tricky, Body: "dân", Source: "Báo Dân Vận", Published: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC),
		Documents: []string{"30/2020/NĐ-CP"},
	})
	w := get(t, s, "/api/export?q=d%C3%A2n&format=csv&sort=oldest&page=9&size=1")
	h := w.Header()
	if w.Code != 200 || h.Get("Content-Type") != "text/csv; charset=utf-8" ||
		!strings.HasPrefix(h.Get("Content-Disposition"), `attachment; filename="vnsearch-`) ||
		h.Get(headerExportTotal) != "4" || h.Get(headerExportTruncated) != "false" {
		t.Fatalf("status %d headers %v", w.Code, h)
	}
	if fake.exportLimit != search.MaxExport {
		t.Errorf("export limit %d, want search.MaxExport", fake.exportLimit)
	}
	rows := readCSV(t, w.Body.Bytes())
	want := [][]string{
		{"id", "title", "source", "url", "published", "units", "directives", "documents", "example", "models"},
		// Newest first whatever the sort asked; the date in Vietnam's zone.
		{"a4", tricky, "Báo Dân Vận", "", "2024-01-02T10:04:05+07:00", "", "", "30/2020/NĐ-CP", "false", ""},
		{"a1", "Quế Võ quyết tâm học tập và làm theo Bác", "Báo Bắc Ninh", "https://example.vn/que-vo",
			"2023-05-19T08:00:00+07:00", "Thị ủy Quế Võ; Chi bộ thôn Quế Ổ", "05-CT/TW", "", "true",
			"Dân vận khéo; Học tập và làm theo Bác"},
		{"a2", "Dân vận khéo ở cơ sở <script>alert(1)</script>", "Báo Nhân Dân", "https://example.vn/dan-van",
			"2021-03-02T08:00:00+07:00", "Tỉnh ủy Bắc Ninh", "05-CT/TW; 01-KL/TW", "", "false", "Dân vận khéo"},
		{"a3", "Bài không ngày tháng", "Báo Nhân Dân", "", "", "", "", "", "false", ""},
	}
	if got, want := strings.Join(flatten(rows), "|"), strings.Join(flatten(want), "|"); got != want {
		t.Errorf("export\n got %q\nwant %q", got, want)
	}
	if req := fake.lastRequest(); req.Query != "dân" {
		t.Errorf("exported query %q", req.Query)
	}
}

func flatten(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		out = append(out, strings.Join(r, "¦"))
	}
	return out
}

// TestExportDefusesFormulas: a cell a spreadsheet would run as a formula
// starts with an apostrophe instead.
func TestExportDefusesFormulas(t *testing.T) {
	s, fake := newTestServer(t, nil)
	titles := []string{`=HYPERLINK("http://x","y")`, "+84 tỷ", "-tiêu đề", "@SUM(A1)", "\tTab", "Bình thường"}
	fake.articles = nil
	for i, title := range titles {
		fake.articles = append(fake.articles, search.Article{
			ID: "f" + strconv.Itoa(i), Title: title, Source: "=cmd", Units: []string{"-x"},
			Published: time.Date(2024, 1, 10-i, 0, 0, 0, 0, vietnam),
		})
	}
	rows := readCSV(t, get(t, s, "/api/export").Body.Bytes())
	for i, title := range titles {
		r := rows[1+i]
		want := "'" + title
		if title == "Bình thường" {
			want = title
		}
		if r[1] != want || r[2] != "'=cmd" || r[5] != "'-x" {
			t.Errorf("row %q, want title %q", r, want)
		}
	}
}

func TestExportCap(t *testing.T) {
	s, fake := newTestServer(t, nil)
	fake.articles = nil
	for i := range search.MaxExport + 5 {
		fake.articles = append(fake.articles, search.Article{ID: "n" + strconv.Itoa(i), Title: "t", Body: "dân"})
	}
	tests := []struct {
		limit     string
		rows      int
		truncated string
	}{
		{"", search.MaxExport, "true"},
		{"&limit=3", 3, "true"},
		{"&limit=0", search.MaxExport, "true"},
		{"&limit=99999999999999999999", search.MaxExport, "true"},
	}
	for _, tt := range tests {
		w := get(t, s, "/api/export?q=d%C3%A2n"+tt.limit)
		rows := readCSV(t, w.Body.Bytes())
		if len(rows)-1 != tt.rows || w.Header().Get(headerExportTruncated) != tt.truncated ||
			w.Header().Get(headerExportTotal) != strconv.Itoa(search.MaxExport+5) {
			t.Errorf("limit %q: %d rows, headers %v", tt.limit, len(rows)-1, w.Header())
		}
	}
	fake.articles = fake.articles[:3]
	if w := get(t, s, "/api/export?limit=3"); w.Header().Get(headerExportTruncated) != "false" {
		t.Errorf("exactly the limit is not truncated: %v", w.Header())
	}
}

func TestExportBadRequests(t *testing.T) {
	s, _ := newTestServer(t, nil)
	tests := []struct {
		target string
		status int
	}{
		{"/api/export?q=x&format=xlsx", 400},
		{"/api/export?q=x&limit=many", 400},
		{"/api/export?q=x&bogus=1", 400},
		{"/api/export?q=%22unbalanced", 400},
		{"/api/export?q=x&year=20", 400},
		{"/api/export?q=boom", 500},
	}
	for _, tt := range tests {
		w := get(t, s, tt.target)
		if w.Code != tt.status || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") ||
			!strings.Contains(w.Body.String(), `"error"`) {
			t.Errorf("%s: %d %q %s", tt.target, w.Code, w.Header().Get("Content-Type"), w.Body)
		}
	}
}

// TestExportFailingMidway: once rows are sent, a failure breaks the
// connection, so the download fails instead of looking complete.
func TestExportFailingMidway(t *testing.T) {
	s, fake := newTestServer(t, nil)
	for i := range 300 {
		fake.articles = append(fake.articles, search.Article{ID: "m" + strconv.Itoa(i), Title: "midway"})
	}
	ts := httptest.NewServer(s)
	defer ts.Close()
	res, err := http.Get(ts.URL + "/api/export?q=midway")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if res.StatusCode != 200 || err == nil || !bytes.Contains(body, []byte("\nm199,midway,")) {
		t.Errorf("status %d, read error %v after %d bytes; want 200, the first rows, then an error", res.StatusCode, err, len(body))
	}
}
