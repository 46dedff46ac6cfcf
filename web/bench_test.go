package web

import (
	"net/http/httptest"
	"testing"
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
