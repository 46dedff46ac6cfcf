package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// result is one query of the summary.
type result struct {
	QID    string   `json:"qid"`
	IDs    []string `json:"ids"`
	Micros int64    `json:"micros"`
}

// run indexes the corpus and runs the queries, writing the summary.
func run(corpusPath, queriesPath, out, work string) error {
	ctx := context.Background()
	articles, err := loadCorpus(corpusPath)
	if err != nil {
		return err
	}
	for i := range articles {
		articles[i].Lead = "" // every peer indexes title and body only
	}
	qs, err := loadQueries(queriesPath)
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "vnsearch.idx")
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	start := time.Now()
	ix, err := search.Open(dir)
	if err != nil {
		return err
	}
	for i := 0; i < len(articles); i += 1000 {
		if err := ix.Index(ctx, articles[i:min(i+1000, len(articles))]...); err != nil {
			return err
		}
	}
	if err := ix.Close(); err != nil {
		return err
	}
	return runQueries(dir, qs, out, time.Since(start).Seconds(), len(articles))
}

// rerun runs the queries on the index a former run left in work: a
// ranking change is measured without indexing again.
func rerun(queriesPath, out, work string) error {
	qs, err := loadQueries(queriesPath)
	if err != nil {
		return err
	}
	dir := filepath.Join(work, "vnsearch.idx")
	if _, err := os.Stat(dir); err != nil {
		return fmt.Errorf("no index of a former run: %w", err)
	}
	return runQueries(dir, qs, out, 0, 0)
}

// runQueries runs every query twice on the index in dir, once untimed,
// and writes the summary (indexSeconds and docs describe the indexing,
// 0 when it was not timed).
func runQueries(dir string, qs []query, out string, indexSeconds float64, docs int) error {
	ctx := context.Background()
	ix, err := search.Open(dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	searchIDs := func(q query) ([]string, error) {
		text := q.text
		if q.mode == "phrase" {
			text = `"` + text + `"`
		}
		res, err := ix.Search(ctx, search.Request{Query: text, Size: 10})
		if err != nil {
			return nil, fmt.Errorf("query %s: %w", q.qid, err)
		}
		ids := []string{}
		for _, h := range res.Hits {
			ids = append(ids, h.ID)
		}
		return ids, nil
	}
	for _, q := range qs { // warm-up pass
		if _, err := searchIDs(q); err != nil {
			return err
		}
	}
	results := []result{}
	for _, q := range qs {
		t := time.Now()
		ids, err := searchIDs(q)
		if err != nil {
			return err
		}
		results = append(results, result{q.qid, ids, time.Since(t).Microseconds()})
	}
	summary := map[string]any{
		"engine": "vnsearch", "index_seconds": indexSeconds, "index_bytes": search.DiskSize(dir), "docs": docs,
		"queries": results, "version": "vnsearch (bleve " + bleveVersion() + ")",
		"options": "scorch on disk; title+body indexed by vi and vi_folded (lead dropped: the peers index title and body), title again; stored title/lead/body; " +
			"BM25 with measured field lengths; phrase queries quoted, terms as typed; facets, snippets and suggestion computed " +
			"for every query; index_bytes includes the stored text",
	}
	b, err := json.MarshalIndent(summary, "", " ")
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "vnsearch: %d docs, %.2fs, %.2f MB -> %s\n", docs, indexSeconds, float64(search.DiskSize(dir))/1e6, out)
	return os.WriteFile(out, b, 0o644)
}

func loadCorpus(path string) ([]search.Article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	dec, err := search.NewDecoder(f)
	if err != nil {
		return nil, err
	}
	var out []search.Article
	for {
		a, err := dec.Next()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, a)
	}
}

// query is one line of a peers query file: qid, mode (phrase or terms), text.
type query struct{ qid, mode, text string }

func loadQueries(path string) ([]query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []query
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.SplitN(sc.Text(), "\t", 3)
		if len(p) == 3 && !strings.HasPrefix(p[0], "#") {
			out = append(out, query{p[0], p[1], strings.TrimSpace(p[2])})
		}
	}
	return out, sc.Err()
}

// bleveVersion is the version of bleve this binary was built with, as the
// module graph records it.
func bleveVersion() string {
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == "github.com/blevesearch/bleve/v2" {
				return m.Version
			}
		}
	}
	return "unknown version"
}
