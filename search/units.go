package search

import (
	"context"
	"fmt"

	"github.com/blevesearch/bleve/v2"

	"github.com/vnsearch/vnsearch/analyzers/unit"
)

// maxUnits bounds the unit list.
const maxUnits = 5000

// Units lists the units the indexed articles name, each with its number
// of articles, most named first (at most maxUnits).
func (ix *Index) Units(ctx context.Context) ([]Facet, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.Score = bleve.ScoreNone
	req.AddFacet(FacetUnit, bleve.NewFacetRequest(fieldUnits, maxUnits))
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("count units: %w", err)
	}
	out := []Facet{}
	if f := res.Facets[FacetUnit]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			out = append(out, Facet{Value: t.Term, Count: t.Count})
		}
	}
	return out, nil
}

// UnitKey is the key a unit filter matches: two typings of one unit's
// name ("Thị uỷ Quế Võ", "thi uy que vo", "UBND xã Chi Lăng" and "Ủy ban
// nhân dân xã Chi Lăng") have the same key.
func UnitKey(name string) string { return unit.Key(name) }
