package search

import (
	"testing"

	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/search/query"
)

func TestCompileRepeatedClausesOnce(t *testing.T) {
	for _, tt := range []struct {
		q    string
		must int
	}{
		{"dân dân dân", 1},
		{`dân vận dân "dân vận" "dân vận"`, 3},
		{"dân Dân DÂN dan", 2}, // typed without diacritics it is another clause
		{"dân -dân", 1},
	} {
		pq, err := query.Parse(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		c, err := compile(pq, Filters{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(c.base.Must.(*bq.ConjunctionQuery).Conjuncts); got != tt.must {
			t.Errorf("%s: %d must clauses, want %d", tt.q, got, tt.must)
		}
	}
}
