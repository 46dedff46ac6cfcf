package search

import (
	"context"
	"testing"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// TestShouldKeptWhenAdvanced: a conjunction with an id list leapfrogs a
// boolean query to a document its should clause has already read; that
// document keeps its should match, and its score.
func TestShouldKeptWhenAdvanced(t *testing.T) {
	ix := openNoMerges(t)
	ctx := context.Background()
	// One write each: the document numbers follow the order of writing.
	for _, a := range []Article{
		{ID: "d1", Title: "một", Body: "alpha"},
		{ID: "d2", Title: "hai", Body: "alpha"},
		{ID: "d3", Title: "ba", Body: "alpha"},
		{ID: "d4", Title: "bốn", Body: "alpha beta"},
		{ID: "d5", Title: "năm", Body: "alpha beta"}, // beta reads on to it past d4
	} {
		if err := ix.Index(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	term := func(text string) bq.Query {
		q := bleve.NewTermQuery(text)
		q.SetField(fieldText)
		return q
	}
	boolean := func(minShould float64) bq.Query {
		b := bleve.NewBooleanQuery()
		b.AddMust(term("alpha"))
		b.AddShould(term("beta"), term("gamma"))
		b.SetMinShould(minShould)
		guardShould(b)
		return b
	}
	for _, tc := range []struct {
		name      string
		minShould float64
		want      []string
	}{
		{"should scores", 0, []string{"d4", "d1"}},
		{"should required", 1, []string{"d4"}},
	} {
		q := bleve.NewConjunctionQuery(bleve.NewDocIDQuery([]string{"d1", "d4"}), boolean(tc.minShould))
		res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range res.Hits {
			got = append(got, h.ID)
		}
		if len(got) != len(tc.want) || (len(got) > 0 && got[0] != tc.want[0]) {
			t.Errorf("%s: hits %v, want %v", tc.name, got, tc.want)
		}
		if len(res.Hits) == 2 && !(res.Hits[0].Score > res.Hits[1].Score) {
			t.Errorf("%s: d4 scores %g, d1 %g: the should match is lost", tc.name, res.Hits[0].Score, res.Hits[1].Score)
		}
	}
}
