package web

import (
	"net/http/httptest"
	"strconv"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// BenchmarkHandlers measures what the web layer adds to a search: parsing,
// the middleware, JSON or the page, over the in-memory fake.
func BenchmarkHandlers(b *testing.B) {
	fake := newFake()
	s, err := New(Config{Searcher: fake})
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct{ name, target string }{
		{"api", "/api/search?q=d%C3%A2n&unit=T%E1%BB%89nh+%E1%BB%A7y+B%E1%BA%AFc+Ninh&year=2020..2023&sort=newest"},
		{"page", "/?q=d%C3%A2n&year=2020..2023&sort=newest"},
		{"suggest", "/api/suggest?q=Qu"},
		{"models", "/models"},
		{"feed", "/search.rss?q=d%C3%A2n"},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w := httptest.NewRecorder()
				s.ServeHTTP(w, httptest.NewRequest("GET", bm.target, nil))
				if w.Code != 200 {
					b.Fatalf("status %d", w.Code)
				}
			}
		})
	}
}

// BenchmarkExport measures the web layer's cost of a full export: the CSV
// of search.MaxExport articles from the fake, written to a recorder.
func BenchmarkExport(b *testing.B) {
	fake := newFake()
	fake.articles = nil
	for i := range search.MaxExport {
		fake.articles = append(fake.articles, search.Article{
			ID: "n" + strconv.Itoa(i), Title: "Hội nghị \"Dân vận khéo\", lần " + strconv.Itoa(i), Source: "Báo Nhân Dân",
			URL: "https://example.vn/" + strconv.Itoa(i), Published: time.Date(2024, 1, 1, 0, 0, i, 0, vietnam),
			Units: []string{"Thị ủy Quế Võ", "Chi bộ thôn Quế Ổ"}, Directives: []string{"05-CT/TW"},
			Models: []string{"Dân vận khéo"}, Example: true,
		})
	}
	s, err := New(Config{Searcher: fake})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", "/api/export", nil))
		if w.Code != 200 {
			b.Fatalf("status %d", w.Code)
		}
		b.SetBytes(int64(w.Body.Len()))
	}
}
