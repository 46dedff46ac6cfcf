package search

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"testing"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/query"
)

// commonWordsIndex holds 100 articles: "chung" in all of them, "vua" in
// every fifth (20 %), "hiem" in two (2 %), "thua" in five (5 %).
func commonWordsIndex(t *testing.T) *Index {
	t.Helper()
	var arts []Article
	for i := range 100 {
		body := "chung"
		if i%5 == 0 {
			body += " vua"
		}
		if i < 2 {
			body += " hiem"
		}
		if i >= 90 && i < 95 {
			body += " thua"
		}
		arts = append(arts, Article{ID: fmt.Sprintf("a%03d", i), Title: "Tin", Body: body + " hết."})
	}
	return newTestIndex(t, arts...)
}

// TestCommonWordsUnscored checks which words of a run typed without
// diacritics match unscored: those in at least commonShare of the
// documents, never the rarest of the run, none typed with diacritics.
func TestCommonWordsUnscored(t *testing.T) {
	ix := commonWordsIndex(t)
	reader := openReader(t, ix.bleve)
	for _, tc := range []struct {
		query    string
		unscored []string
	}{
		{"chung vua hiem", []string{"chung", "vua"}},
		{"chung thua", []string{"chung"}},   // thua (5 %) is not common
		{"chung vua", []string{"chung"}},    // vua is the rarest: it scores
		{"chung", nil},                      // a word alone scores
		{"chúng vua hiem", []string{"vua"}}, // typed with diacritics: scored
		{"chung vua khongco", []string{"chung", "vua"}},
	} {
		t.Run(tc.query, func(t *testing.T) {
			pq, err := query.Parse(tc.query)
			if err != nil {
				t.Fatal(err)
			}
			c, err := compile(pq, Filters{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, q := range c.base.Must.(*bq.ConjunctionQuery).Conjuncts {
				w, ok := q.(*runWord)
				if !ok {
					continue
				}
				common, err := w.run.common(context.Background(), reader)
				if err != nil {
					t.Fatal(err)
				}
				if common[w] {
					got = append(got, w.term.Term)
				}
			}
			if !slices.Equal(got, tc.unscored) {
				t.Errorf("unscored %v, want %v", got, tc.unscored)
			}
		})
	}
}

// TestCommonWordsSameMatches checks that scoring only a run's rarer
// words changes no match set: totals, facets and timelines are those of
// every word scored, the holder of a quote typed without diacritics
// still comes first, and a run of common words alone still ranks.
func TestCommonWordsSameMatches(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	var queries []string
	for _, q := range loadQuotes(t)[:20] {
		queries = append(queries, analyzers.Fold(q.text))
	}
	queries = append(queries, "xay dung nong thon moi", "dang uy xa -year:2013", "cong tac nam", "ubnd tinh")
	for _, q := range queries {
		var rs [2]*Result
		for i, all := range []bool{true, false} {
			scoreCommon = all
			r, err := ix.Search(context.Background(), Request{Query: q, Size: MaxSize})
			scoreCommon = false
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			rs[i] = r
		}
		all, rarer := rs[0], rs[1]
		if all.Total != rarer.Total || !reflect.DeepEqual(all.Facets, rarer.Facets) || !reflect.DeepEqual(all.Timeline, rarer.Timeline) {
			t.Errorf("%q: %d matches with the common words unscored, %d scored, or other facets or timeline", q, rarer.Total, all.Total)
		}
		if !reflect.DeepEqual(sortedIDs(all), sortedIDs(rarer)) {
			t.Errorf("%q: other hits with the common words unscored", q)
		}
		if len(rarer.Hits) > 1 && rarer.Hits[0].Score == rarer.Hits[len(rarer.Hits)-1].Score {
			t.Errorf("%q: every hit scores %g with the common words unscored", q, rarer.Hits[0].Score)
		}
	}
	for _, q := range loadQuotes(t)[:20] {
		typed := analyzers.Fold(q.text)
		r, err := ix.Search(context.Background(), Request{Query: typed, Size: 3})
		if err != nil {
			t.Fatal(err)
		}
		if ok := holders(articles, q.text); len(r.Hits) == 0 || !contains(ok, r.Hits[0].ID) {
			t.Errorf("%q: top %v, want one of %v", typed, ids(r), ok)
		}
	}
}

// sortedIDs returns the ids of r's hits in order.
func sortedIDs(r *Result) []string {
	out := ids(r)
	slices.Sort(out)
	return out
}
