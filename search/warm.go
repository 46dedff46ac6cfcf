package search

import (
	"context"
	"fmt"
)

// Warm does the reads the first searches of an opened index would
// otherwise pay for: the sampled field lengths BM25 is given, the facet
// table (read in the background) and the suggestion dictionary. At a
// million articles they made the first search after a restart take about
// a second with the index in the page cache, and more than the web
// server's deadline from disk. `vnsearch serve` calls it as it starts.
func (ix *Index) Warm(ctx context.Context) error {
	ix.currentFacetTable()
	if _, err := ix.bm25Context(ctx); err != nil {
		return fmt.Errorf("warm field lengths: %w", err)
	}
	if _, err := ix.terms.get(ctx, ix.bleve); err != nil {
		return fmt.Errorf("warm suggestion dictionary: %w", err)
	}
	return nil
}
