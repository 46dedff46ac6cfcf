package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/search"
)

// baseline indexes the corpus with bleve's standard analyzer (title and
// body in one field, bleve's defaults otherwise, nothing stored) and
// answers the query strings in-process, one at a time, top 10: the
// reference vnsearch's latency and import are compared with, measured in
// the same run on the same machine.
func baseline(ctx context.Context, w io.Writer, paths, queries []string) error {
	dir, err := os.MkdirTemp("", "vngen-standard")
	if err != nil {
		return fmt.Errorf("baseline: %w", err)
	}
	defer os.RemoveAll(dir)
	field := mapping.NewTextFieldMapping()
	field.Analyzer = standard.Name
	field.Store = false
	doc := mapping.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("text", field)
	im := mapping.NewIndexMapping()
	im.DefaultMapping = doc
	idx, err := bleve.New(filepath.Join(dir, "index"), im)
	if err != nil {
		return fmt.Errorf("baseline index: %w", err)
	}
	start := time.Now()
	n := 0
	batch := idx.NewBatch()
	err = eachArticle(ctx, paths, func(a search.Article) error {
		n++
		if err := batch.Index(a.ID, map[string]any{"text": a.Title + "\n\n" + a.Lead + "\n\n" + a.Body}); err != nil {
			return err
		}
		if batch.Size() < 500 {
			return nil
		}
		err := idx.Batch(batch)
		batch.Reset()
		return err
	})
	if err == nil {
		err = idx.Batch(batch)
	}
	if err == nil {
		err = idx.Close()
	}
	if err != nil {
		return fmt.Errorf("baseline index: %w", err)
	}
	took := time.Since(start)
	fmt.Fprintf(w, "bleve-standard: %d articles indexed in %.1f s (%.0f docs/s), index %.0f MB\n",
		n, took.Seconds(), float64(n)/took.Seconds(), float64(search.DiskSize(dir))/1e6)
	if idx, err = bleve.Open(filepath.Join(dir, "index")); err != nil {
		return fmt.Errorf("baseline index: %w", err)
	}
	defer idx.Close()
	run := func() ([]time.Duration, error) {
		lat := make([]time.Duration, 0, len(queries))
		for _, qs := range queries {
			t0 := time.Now()
			if _, err := idx.SearchInContext(ctx, bleve.NewSearchRequest(standardQuery(qs))); err != nil {
				return nil, fmt.Errorf("baseline query %q: %w", qs, err)
			}
			lat = append(lat, time.Since(t0))
		}
		return lat, nil
	}
	if _, err := run(); err != nil { // warm-up
		return err
	}
	lat, err := run()
	if err != nil {
		return err
	}
	slices.Sort(lat)
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	fmt.Fprintf(w, "bleve-standard in-process, one client, %d queries: p50 %.2f ms, p99 %.2f ms\n", len(lat), at(0.5), at(0.99))
	return nil
}

// standardQuery turns an API query string into the query a bleve user
// would write: a phrase for a quoted text, all words otherwise.
func standardQuery(qs string) bq.Query {
	v, _ := url.ParseQuery(qs)
	text := v.Get("q")
	if t := strings.Trim(text, `"`); t != text {
		q := bleve.NewMatchPhraseQuery(t)
		q.SetField("text")
		return q
	}
	q := bleve.NewMatchQuery(text)
	q.SetField("text")
	q.SetOperator(bq.MatchQueryOperatorAnd)
	return q
}
