package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/web"
)

// phrases is a Searcher that only suggests; *search.Index is the real one.
type phrases []string

func (p phrases) Search(context.Context, search.Request) (*search.Result, error) {
	return &search.Result{}, nil
}

func (p phrases) Article(_ context.Context, id string) (*search.Article, error) {
	return nil, fmt.Errorf("article %s: %w", id, search.ErrNotFound)
}

func (p phrases) Suggest(context.Context, string, int) ([]string, error) { return p, nil }

func (p phrases) Directives(context.Context) ([]search.Directive, error) { return nil, nil }

func (p phrases) Units(context.Context) ([]search.Facet, error) { return nil, nil }

func (p phrases) Export(context.Context, search.Request, int, func(*search.Article) error) error {
	return nil
}

func ExampleNew() {
	srv, err := web.New(web.Config{
		Searcher:    phrases{"dân vận khéo"},
		CORSOrigins: []string{"https://news.example.vn"},
	})
	if err != nil {
		panic(err)
	}
	// srv is an http.Handler: pass it to an http.Server.
	for _, target := range []string{"/api/suggest?q=d%C3%A2n+v", "/api/articles/x", "/api/search?q=x&color=red"} {
		w := httptest.NewRecorder()
		srv.ServeHTTP(w, httptest.NewRequest("GET", target, nil))
		body, _ := io.ReadAll(w.Body)
		fmt.Println(w.Code, string(body))
	}
	// Output:
	// 200 {"query":"dân v","suggestions":["dân vận khéo"]}
	// 404 {"error":"not found"}
	// 400 {"error":"unknown parameter \"color\"; known parameters: q, directive, unit, year, source, model, document, example, from, to, sort, page, size, group, interval"}
}
