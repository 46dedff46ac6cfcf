package search

import (
	"context"
	"fmt"
	"math"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// Compact merges the index's segments into one, in one merge, waiting
// for it. A bulk load leaves tens of segments, and every query term is
// looked up in each: on the 63k corpus compacting halved the median search
// and shrank the index by a tenth. scorch's single-segment plan merges ten
// segments per task and runs one round of tasks, which left three
// segments of the 63k corpus, and its scoring of a merge left the largest
// segment of a million articles out (BENCHMARKS.md, "Session 9"). Searches and
// writes go on meanwhile; the merge takes about half a minute per GB of
// index on one core.
func (ix *Index) Compact(ctx context.Context) error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("compact the index: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("compact the index: %T is not a scorch index", adv)
	}
	one := mergeplan.SingleSegmentMergePlanOptions
	one.SegmentsPerMergeTask = math.MaxInt32 // every segment in one task
	// The largest roster is the best: scorch's own score would leave a
	// large segment out of a merge of small ones (a million articles
	// ended in two segments).
	one.ScoreSegments = func(roster []mergeplan.Segment, _ *mergeplan.MergePlanOptions) float64 {
		return -float64(len(roster))
	}
	if err := s.ForceMerge(ctx, &one); err != nil {
		return fmt.Errorf("compact the index: %w", err)
	}
	return ctx.Err()
}
