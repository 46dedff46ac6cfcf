package search

import (
	"context"
	"fmt"
	"math"
	"strings"
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
		sameRanking(t, q, read, replayed)
	}
	if replays.Load() == before {
		t.Error("no search replayed the must scores")
	}
}

// TestReplayedQuoteHolders compares, with the must scores replayed and
// read, a search whose quote holders rank beyond the first pass's window:
// the holders' search replays the first pass's scores of every match, and
// the second pass the holders'.
func TestReplayedQuoteHolders(t *testing.T) {
	var arts []Article
	for i := range rescoreWindow + 100 {
		arts = append(arts, Article{ID: fmt.Sprintf("w%03d", i), Title: "dân trăm lần",
			Body: strings.Repeat("Không, dân chịu khó trăm lần. Cũng dễ. ", 1+i%4)})
	}
	for i := range 500 {
		arts = append(arts, Article{ID: fmt.Sprintf("o%04d", i), Title: "Thời tiết", Body: "Trời nắng nóng, nhiệt độ cao nhất 38 độ."})
	}
	filler := "Hội nghị tổng kết công tác năm và bàn nhiệm vụ trọng tâm của năm tới. "
	for i := range 5 {
		arts = append(arts, Article{ID: fmt.Sprintf("quote%d", i), Title: "Tổng kết",
			Body: strings.Repeat(filler, 1+i) + "Bác dạy dễ trăm lần không dân cũng chịu. " + filler})
	}
	ix := newTestIndex(t, arts...)
	for _, q := range []string{"de tram lan khong dan cung chiu", "dễ trăm lần không dân cũng chịu", "de tram lan khong dan cung chiu -year:1990"} {
		results := make([]*Result, 2)
		for i, on := range []bool{false, true} {
			replayMust = on
			before := replays.Load()
			r, err := ix.Search(context.Background(), Request{Query: q, Size: MaxSize})
			replayMust = true
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			if n := replays.Load() - before; on && n != 2 {
				t.Errorf("%q: %d replays, want 2 (the holders' search and the second pass)", q, n)
			}
			results[i] = r
		}
		read, replayed := results[0], results[1]
		if got := ids(replayed); len(got) < 5 || !strings.HasPrefix(got[0], "quote") || !strings.HasPrefix(got[4], "quote") {
			t.Errorf("%q: top %v, want the five quote holders first", q, got)
		}
		sameRanking(t, q, read, replayed)
	}
}

// sameRanking checks that the search q replayed ranks as read: the same
// hits in the same order with the same scores, and the same total.
func sameRanking(t *testing.T, q string, read, replayed *Result) {
	t.Helper()
	if len(read.Hits) != len(replayed.Hits) || read.Total != replayed.Total {
		t.Errorf("%q: %d hits of %d replayed, %d of %d read", q, len(replayed.Hits), replayed.Total, len(read.Hits), read.Total)
		return
	}
	for i := range read.Hits {
		a, b := read.Hits[i], replayed.Hits[i]
		if a.ID != b.ID || math.Abs(a.Score-b.Score) > 1e-9*math.Abs(a.Score) {
			t.Errorf("%q: hit %d is %s %.12g replayed, %s %.12g read", q, i, b.ID, b.Score, a.ID, a.Score)
		}
	}
}
