package search

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"time"

	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	zap "github.com/blevesearch/zapx/v17"
)

// Compact merges the index's segments into one, in one merge, waiting
// for it. A bulk load leaves tens of segments, and every query term is
// looked up in each: on the 63k corpus compacting halved the median search
// and shrank the index by a tenth. scorch's single-segment plan merges ten
// segments per task and runs one round of tasks, which left three
// segments of the 63k corpus, and its scoring of a merge left the largest
// segment of a million articles out (BENCHMARKS.md, "Session 9"). Searches and
// writes go on meanwhile; the merge takes about half a minute per GB of
// index on one core, 20 seconds on two.
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
	// The compaction has the machine to itself (the end of a bulk load, or
	// an operator's command): its merge encodes postings on every core.
	defer zap.SetMergeWorkers(compactWorkers())()
	if err := s.ForceMerge(ctx, &one); err != nil {
		return fmt.Errorf("compact the index: %w", err)
	}
	awaitCleanup(ctx, s, cleanupWait)
	return ctx.Err()
}

// compactWorkers is how many goroutines encode Compact's postings.
var compactWorkers = func() int { return runtime.GOMAXPROCS(0) }

// cleanupWait bounds how long Compact waits for the merged segments'
// files to be deleted.
const cleanupWait = time.Minute

// awaitCleanup waits, at most wait, until the index's directory holds the
// files of its segments only. scorch deletes a merge's inputs on its
// persister's next round after the merged segment is written: an import
// that closed the index right after its compaction left them on disk
// (twice the index's size) until the next open.
func awaitCleanup(ctx context.Context, s *scorch.Scorch, wait time.Duration) {
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(wait)
	for {
		m := s.StatsMap()
		files, _ := m["CurOnDiskFiles"].(uint64)
		segments, _ := m["TotFileSegmentsAtRoot"].(uint64)
		if files <= segments+1 { // and root.bolt
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-deadline:
			return
		case <-tick.C:
		}
	}
}
