package web

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/ingest"
	"github.com/vnsearch/vnsearch/search"
)

// importLines is a small import: two articles, a malformed line (3), an
// id repeated (line 4) and an id too long (line 5).
var importLines = `{"id":"a1","title":"Hội nghị Ban Chấp hành Đảng bộ tỉnh","body":"Sáng nay, Tỉnh ủy Bắc Ninh tổ chức hội nghị.","published":"2024-03-01"}
{"id":"a2","title":"Xây dựng nông thôn mới","body":"Xã Chi Lăng về đích nông thôn mới."}
{"id":
{"id":"a1","title":"Hội nghị Ban Chấp hành Đảng bộ tỉnh (cập nhật)","body":"Sáng nay, Tỉnh ủy Bắc Ninh tổ chức hội nghị lần hai."}
{"id":"` + strings.Repeat("x", search.MaxIDBytes+1) + `","title":"Quá dài"}
`

// newImportServer serves a real index in a temporary directory with the
// import of the command line (batches of batch articles).
func newImportServer(t *testing.T, batch int) (*Server, *search.Index) {
	t.Helper()
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	s, _ := newTestServer(t, func(c *Config) {
		c.AdminToken = "tok"
		c.Importer = func(ctx context.Context, r io.Reader) (ingest.Summary, error) {
			return ingest.Load(ctx, ix, r, ingest.Config{BatchArticles: batch})
		}
	})
	return s, ix
}

func postImport(t *testing.T, h http.Handler, body io.Reader, header map[string]string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(http.MethodPost, "/api/admin/import", body)
	for k, v := range header {
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func gzipped(s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestAdminImport(t *testing.T) {
	auth := "Bearer tok"
	for _, tt := range []struct {
		name   string
		body   []byte
		header map[string]string
	}{
		{"jsonl", []byte(importLines), map[string]string{"Authorization": auth}},
		{"gzip by header", gzipped(importLines), map[string]string{"Authorization": auth, "Content-Encoding": "gzip"}},
		{"gzip by magic", gzipped(importLines), map[string]string{"Authorization": auth}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s, ix := newImportServer(t, 0)
			w := postImport(t, s, bytes.NewReader(tt.body), tt.header)
			if w.Code != http.StatusOK {
				t.Fatalf("status %d: %s", w.Code, w.Body)
			}
			sum := decode[ingest.Summary](t, w)
			if sum.Indexed != 2 || sum.New != 2 || sum.Repeated != 1 || sum.Malformed != 2 || len(sum.Errors) != 2 ||
				sum.Errors[0].Line != 3 || sum.Errors[1].Line != 5 || !strings.Contains(sum.Errors[1].Error, "longer than 256 bytes") {
				t.Errorf("summary %+v", sum)
			}
			a, err := ix.Article(context.Background(), "a1")
			if err != nil || !strings.HasSuffix(a.Title, "(cập nhật)") {
				t.Errorf("a1 after import: %+v, %v", a, err)
			}
		})
	}
}

func TestAdminImportRefusals(t *testing.T) {
	s, _ := newImportServer(t, 0)
	off, _ := newTestServer(t, func(c *Config) { c.AdminToken = "tok" })
	for _, tt := range []struct {
		name   string
		h      http.Handler
		body   []byte
		header map[string]string
		want   int
	}{
		{"no token", s, []byte(importLines), nil, http.StatusUnauthorized},
		{"wrong token", s, []byte(importLines), map[string]string{"Authorization": "Bearer nope"}, http.StatusUnauthorized},
		{"no importer", off, []byte(importLines), map[string]string{"Authorization": "Bearer tok"}, http.StatusServiceUnavailable},
		{"gzip header, plain body", s, []byte(importLines), map[string]string{"Authorization": "Bearer tok", "Content-Encoding": "gzip"}, http.StatusBadRequest},
		{"unknown encoding", s, []byte(importLines), map[string]string{"Authorization": "Bearer tok", "Content-Encoding": "br"}, http.StatusBadRequest},
		{"gzip cut short", s, gzipped(importLines)[:40], map[string]string{"Authorization": "Bearer tok"}, http.StatusBadRequest},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := postImport(t, tt.h, bytes.NewReader(tt.body), tt.header)
			if w.Code != tt.want || !strings.Contains(w.Body.String(), `"error"`) {
				t.Errorf("status %d, want %d: %s", w.Code, tt.want, w.Body)
			}
		})
	}
}

// TestAdminImportStreams sends a body whose end comes only after its first
// articles are searchable: the server loads what it has received, batch by
// batch, and never waits for the whole body. A second import meanwhile is
// refused.
func TestAdminImportStreams(t *testing.T) {
	s, ix := newImportServer(t, 1)
	srv := httptest.NewServer(s)
	defer srv.Close()
	pr, pw := io.Pipe()
	done := make(chan *http.Response, 1)
	go func() {
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/admin/import", pr)
		req.Header.Set("Authorization", "Bearer tok")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Error(err)
		}
		done <- resp
	}()
	fmt.Fprintln(pw, `{"id":"s1","title":"Bài đầu","body":"Đảng ủy xã lãnh đạo."}`)
	fmt.Fprintln(pw, `{"id":"s2","title":"Bài hai","body":"Hòa giải ở cơ sở."}`)
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if n, _ := ix.Count(); n >= 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("nothing indexed while the body is still open")
		}
	}
	w := postImport(t, s, strings.NewReader(importLines), map[string]string{"Authorization": "Bearer tok"})
	if w.Code != http.StatusConflict {
		t.Errorf("a second import meanwhile: %d %s", w.Code, w.Body)
	}
	fmt.Fprintln(pw, `{"id":"s3","title":"Bài ba","body":"Thủy lợi nội đồng."}`)
	pw.Close()
	resp := <-done
	if resp == nil {
		t.Fatal("no answer")
	}
	defer resp.Body.Close()
	var sum ingest.Summary
	if err := json.NewDecoder(resp.Body).Decode(&sum); err != nil || resp.StatusCode != 200 || sum.Indexed != 3 {
		t.Errorf("status %d, summary %+v, %v", resp.StatusCode, sum, err)
	}
}
