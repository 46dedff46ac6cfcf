package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/vnsearch/vnsearch/indexer/ingest"
	"github.com/vnsearch/vnsearch/indexer/metadata"
	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/demo"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// Layout of the data directory.
const (
	indexDirName   = "index"    // the bleve index
	crawlDBName    = "crawl.db" // crawl state (bbolt)
	defaultDataDir = "./data"
)

// openIndex opens (creating when needed) the index under the data dir.
func openIndex(data string, opts ...search.OpenOption) (*search.Index, error) {
	ix, err := search.Open(filepath.Join(data, indexDirName), opts...)
	return ix, explainVersion(data, err)
}

// openLocked takes the lock of the data directory for command (lockData),
// then opens its index. The caller closes the index, then the lock.
func openLocked(ctx context.Context, data, command string, opts ...search.OpenOption) (*search.Index, *dataLock, error) {
	lock, err := lockData(ctx, data, command)
	if err != nil {
		return nil, nil, err
	}
	ix, err := openIndex(data, opts...)
	if err != nil {
		lock.Close()
		return nil, nil, err
	}
	return ix, lock, nil
}

// ensureDemo loads the bundled demo corpus into ix when ix is empty, so
// that a first run shows real results.
func ensureDemo(ctx context.Context, ix *search.Index, log *slog.Logger) error {
	n, err := ix.Count()
	if err != nil || n > 0 {
		return err
	}
	r, err := demo.Open()
	if err != nil {
		return err
	}
	st, err := ingest.Load(ctx, ix, r, ingest.Config{Enrich: metadata.Enrich, OnMalformed: func(e *search.LineError) {
		log.Error("demo corpus: malformed line", "err", e)
	}})
	if err != nil {
		return fmt.Errorf("load demo corpus: %w", err)
	}
	log.Info("loaded the demo corpus into the empty index", "articles", st.New, "seconds", st.Seconds)
	return nil
}

// useVocabulary replaces the shipped political vocabulary of ix with the
// file at path; "" keeps the shipped one, "off" turns expansion off.
func useVocabulary(ix *search.Index, path string) error {
	switch path {
	case "":
		return nil
	case "off":
		ix.SetVocabulary(nil)
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open vocabulary: %w", err)
	}
	defer f.Close()
	v, err := synonym.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	ix.SetVocabulary(v)
	return nil
}
