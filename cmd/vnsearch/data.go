package main

import (
	"context"
	"log/slog"
	"path/filepath"

	"github.com/vnsearch/vnsearch/search"
)

// Layout of the data directory.
const (
	indexDirName   = "index"    // the bleve index
	crawlDBName    = "crawl.db" // crawl state (bbolt)
	defaultDataDir = "./data"
)

// openIndex opens (creating when needed) the index under the data dir.
func openIndex(data string) (*search.Index, error) {
	return search.Open(filepath.Join(data, indexDirName))
}

// ensureDemo loads the bundled demo corpus into ix when ix is empty.
func ensureDemo(ctx context.Context, ix *search.Index, log *slog.Logger) error {
	return nil // TODO(lead): implemented with the search core
}
