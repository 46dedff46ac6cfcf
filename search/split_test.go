package search

import (
	"context"
	"fmt"
	"math"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bindex "github.com/blevesearch/bleve_index_api"
)

// withSplitMin sets splitMin for the test.
func withSplitMin(t *testing.T, n uint64) {
	old := splitMin
	splitMin = n
	t.Cleanup(func() { splitMin = old })
}

// TestSplitSearchMatchesWhole checks that a search run on two halves of
// the documents answers as the search of the whole: the same hits in the
// same order with the same scores, the same total and facets.
func TestSplitSearchMatchesWhole(t *testing.T) {
	ix := newTestIndex(t, loadDemo(t)...)
	var reqs []Request
	for _, q := range []string{
		"Đảng ủy", "dang uy", "xây dựng nông thôn mới", "xay dung nong thon moi", `"nông thôn mới"`,
		`"xay dung dang"`, "cán bộ đảng viên học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh",
		"chinh phu year:2013", "tham nhũng -year:2013", "",
	} {
		reqs = append(reqs,
			Request{Query: q},
			Request{Query: q, Page: 2, Size: 5},
			Request{Query: q, Sort: SortNewest},
			Request{Query: q, Sort: SortOldest, Size: 7},
			Request{Query: q, GroupSyndicated: true},
			Request{Query: q, Interval: IntervalMonth},
		)
	}
	for _, facetTable := range []bool{false, true} {
		if facetTable {
			for ix.currentFacetTable() == nil {
			}
		}
		for _, r := range reqs {
			compareSplit(t, ix, r, fmt.Sprintf("%+v (facet table %v)", r, facetTable))
		}
	}
}

// TestSplitAtEveryDocument splits the documents at each of them in turn:
// a half's search starts by advancing its query to its first document,
// past matches its clauses have read ahead (a should clause read one
// match ahead lost its match there: should.go).
func TestSplitAtEveryDocument(t *testing.T) {
	ix := newTestIndex(t, loadDemo(t)...)
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { splitAt = func(docs uint64) uint64 { return docs / 2 } })
	for mid := range n {
		splitAt = func(uint64) uint64 { return mid }
		for _, r := range []Request{
			{Query: "tham nhũng -year:2013", GroupSyndicated: true},
			{Query: "xây dựng nông thôn mới", GroupSyndicated: true},
			{Query: `"nông thôn mới"`},
			{Query: "dang uy", Sort: SortNewest},
		} {
			compareSplit(t, ix, r, fmt.Sprintf("%+v split at %d", r, mid))
		}
	}
}

// compareSplit checks that r answers on ix split as it does whole: the
// same hits in the same order with the same scores, the same total and
// facets.
func compareSplit(t *testing.T, ix *Index, r Request, name string) {
	t.Helper()
	search := func(r Request) *Result {
		t.Helper()
		res, err := ix.Search(context.Background(), r)
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		return res
	}
	withSplitMin(t, math.MaxUint64)
	whole := search(r)
	withSplitMin(t, 1)
	split := search(r)
	if whole.Total != split.Total {
		t.Errorf("%s: total %d, split %d", name, whole.Total, split.Total)
	}
	if len(whole.Hits) != len(split.Hits) {
		t.Errorf("%s: %d hits, split %d", name, len(whole.Hits), len(split.Hits))
		return
	}
	for i := range whole.Hits {
		w, s := whole.Hits[i], split.Hits[i]
		if w.ID != s.ID || math.Abs(w.Score-s.Score) > 1e-9*math.Abs(w.Score) {
			t.Errorf("%s: hit %d is %s (%g), split %s (%g)", name, i, w.ID, w.Score, s.ID, s.Score)
		}
		w.Score, s.Score = 0, 0
		if fmt.Sprint(w) != fmt.Sprint(s) {
			t.Errorf("%s: hit %d\n%+v\nsplit\n%+v", name, i, w, s)
		}
	}
	if fmt.Sprint(whole.Facets) != fmt.Sprint(split.Facets) || fmt.Sprint(whole.Timeline) != fmt.Sprint(split.Timeline) {
		t.Errorf("%s: facets\n%v\nsplit\n%v", name, whole.Facets, split.Facets)
	}
}

// TestDocRangeHalves checks that the halves of a split search hold the
// documents below and from the middle, all of them between the two.
func TestDocRangeHalves(t *testing.T) {
	ix := newTestIndex(t, loadDemo(t)...)
	n, err := ix.Count()
	if err != nil {
		t.Fatal(err)
	}
	mid := n / 2
	s := newSplitSearch(mid)
	seen := 0
	for h := range 2 {
		ctx := context.WithValue(context.Background(), halfKey{}, &splitHalf{s, h})
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(docRange{bleve.NewMatchAllQuery()}, int(n), 0, false))
		if err != nil {
			t.Fatal(err)
		}
		for _, dm := range res.Hits {
			d, _ := docNumber(dm.IndexInternalID)
			if (h == 0) != (d < mid) {
				t.Errorf("half %d holds document %d (middle %d)", h, d, mid)
			}
		}
		seen += len(res.Hits)
	}
	if uint64(seen) != n {
		t.Errorf("the halves hold %d documents of %d", seen, n)
	}
	if s.readers[0] == nil || s.readers[0] != s.readers[1] {
		t.Error("the halves did not note the one snapshot they read")
	}
}

// TestSplitSearchKeepsTieOrder checks that hits of equal scores keep the
// document order of the whole search across the halves.
func TestSplitSearchKeepsTieOrder(t *testing.T) {
	var arts []Article
	for i := range 40 {
		arts = append(arts, Article{ID: fmt.Sprintf("t%02d", 39-i), Title: "Hội nghị tổng kết", Body: "Hội nghị tổng kết công tác năm."})
	}
	ix := newTestIndex(t, arts...)
	for page := 1; page <= 4; page++ {
		r := Request{Query: "tổng", Page: page, Size: 10} // one word: one pass, no rescoring
		withSplitMin(t, math.MaxUint64)
		whole, err := ix.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		withSplitMin(t, 1)
		split, err := ix.Search(context.Background(), r)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(ids(whole)) != fmt.Sprint(ids(split)) {
			t.Errorf("page %d: %v, split %v", page, ids(whole), ids(split))
		}
	}
}

// TestSplitRecordersDropTwoSnapshots checks that the halves recorded on two
// snapshots are dropped (the search runs again, unsplit) and those of one
// joined in document order.
func TestSplitRecordersDropTwoSnapshots(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	r1, err := ix.bleve.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	a, _ := r1.Reader()
	defer a.Close()
	if err := ix.Index(context.Background(), Article{ID: "later", Title: "Tin mới"}); err != nil {
		t.Fatal(err)
	}
	b, _ := r1.Reader()
	defer b.Close()
	for _, tt := range []struct {
		readers [2]bindex.IndexReader
		want    []uint64
	}{
		{[2]bindex.IndexReader{a, a}, []uint64{1, 2, 7, 9}},
		{[2]bindex.IndexReader{a, b}, nil},
	} {
		docs := &matchedDocs{halves: [2]*matchedDocs{{reader: tt.readers[0], docs: []uint64{1, 2}}, {reader: tt.readers[1], docs: []uint64{7, 9}}}}
		scores := &mustScores{ok: true, halves: [2]*mustScores{{ok: true, docs: []uint64{1, 2}, scores: []float64{1, 2}}, {ok: true, docs: []uint64{7, 9}, scores: []float64{7, 9}}}}
		s := &splitSearch{readers: tt.readers, recorders: []splitRecorder{docs, scores}}
		same := s.joinRecorders()
		if same != (tt.want != nil) || fmt.Sprint(docs.docs) != fmt.Sprint(tt.want) || fmt.Sprint(scores.docs) != fmt.Sprint(tt.want) {
			t.Errorf("readers same %v: joined %v, docs %v, scores' docs %v; want %v", tt.readers[0] == tt.readers[1], same, docs.docs, scores.docs, tt.want)
		}
		if docs.halves != [2]*matchedDocs{} || scores.halves != [2]*mustScores{} {
			t.Error("halves kept after the join")
		}
	}
}
