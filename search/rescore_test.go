package search

import (
	"context"
	"math"
	"testing"

	"github.com/vnsearch/vnsearch/analyzers"
)

// TestReplayedMustScores checks that the second pass ranks the window
// with the must scores the first pass recorded exactly as with the
// postings read again: same hits, same order, same scores, for quotes
// typed with and without diacritics, pasted without quotation marks, and
// vocabulary forms.
func TestReplayedMustScores(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	var queries []string
	for _, q := range loadQuotes(t)[:20] {
		queries = append(queries, q.text, analyzers.Fold(q.text), `"`+analyzers.Fold(q.text)+`"`)
	}
	queries = append(queries, "Ủy ban nhân dân tỉnh", "ubnd tinh", "xay dung nong thon moi", "Đảng ủy xã -year:2013")
	before := replays.Load()
	for _, q := range queries {
		results := make([]*Result, 2)
		for i, on := range []bool{false, true} {
			replayMust = on
			r, err := ix.Search(context.Background(), Request{Query: q, Size: MaxSize})
			replayMust = true
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			results[i] = r
		}
		read, replayed := results[0], results[1]
		if len(read.Hits) != len(replayed.Hits) || read.Total != replayed.Total {
			t.Errorf("%q: %d hits of %d replayed, %d of %d read", q, len(replayed.Hits), replayed.Total, len(read.Hits), read.Total)
			continue
		}
		for i := range read.Hits {
			a, b := read.Hits[i], replayed.Hits[i]
			if a.ID != b.ID || math.Abs(a.Score-b.Score) > 1e-9*math.Abs(a.Score) {
				t.Errorf("%q: hit %d is %s %.12g replayed, %s %.12g read", q, i, b.ID, b.Score, a.ID, a.Score)
			}
		}
	}
	if replays.Load() == before {
		t.Error("no search replayed the must scores")
	}
}
