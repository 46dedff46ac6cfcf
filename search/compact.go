package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the index's segments into as few as the merge policy
// allows (one per 20 GB or so), waiting for the merge. A bulk load leaves
// tens of segments, and every query term is looked up in each: on the 63k
// corpus compacting halved the median search and shrank the index by a
// tenth. Searches and writes go on meanwhile; the merge takes about a
// minute per GB of index on one core.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("compact the index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("compact the index: %T is not a scorch index", adv)
	}
	if err := s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		return fmt.Errorf("compact the index: %w", err)
	}
	return ctx.Err()
}
