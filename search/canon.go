package search

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/analyzers/directive"
	"github.com/vnsearch/vnsearch/analyzers/model"
	"github.com/vnsearch/vnsearch/analyzers/unit"
	"github.com/vnsearch/vnsearch/search/filter"
)

// canonical maps the typed values of a keyword filter to the index's
// terms, as its canon says.
func canonical(c filter.Canon, values []string) []string {
	switch c {
	case filter.UnitName:
		return unitKeys(values)
	case filter.DirectiveRef:
		return canonicalDirectives(values)
	case filter.ModelName:
		return modelKeys(values)
	}
	return values
}

// unitKeys maps user-typed unit names ("UBND xã Chi Lăng", "Thị uỷ Quế
// Võ", "thi uy que vo") to the folded keys of the canonical names.
func unitKeys(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = unit.Key(n)
	}
	return out
}

// modelKeys maps user-typed model names to the folded keys of their
// canonical names; a name outside the catalog is matched as typed.
func modelKeys(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		if c := model.Canonical(n); c != "" {
			n = c
		}
		out[i] = analyzers.Fold(n)
	}
	return out
}

// canonicalDirectives maps user-typed directive references ("CT 05",
// "05-CT/TW", "12-NQ/TW" for every year it was used) to canonical ids.
func canonicalDirectives(refs []string) []string {
	var out []string
	for _, r := range refs {
		if ids, ok := directive.ParseID(r); ok {
			out = append(out, ids...)
		} else {
			out = append(out, r)
		}
	}
	return out
}

// directiveLabel is the human label of a directive id.
func directiveLabel(id string) string { return directive.Label(id) }

// maxDirectives bounds the directive list.
const maxDirectives = 1000

// Directives lists the directive catalog with the number of indexed
// articles referencing each, then the directives found in articles that the
// catalog does not hold.
func (ix *Index) Directives(ctx context.Context) ([]Directive, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 0, 0, false)
	req.AddFacet(FacetDirective, bleve.NewFacetRequest(fieldDirectives, maxDirectives))
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("count directives: %w", err)
	}
	counts := map[string]int{}
	if f := res.Facets[FacetDirective]; f != nil && f.Terms != nil {
		for _, t := range f.Terms.Terms() {
			counts[t.Term] = t.Count
		}
	}
	var out []Directive
	for _, d := range directive.Catalog() {
		out = append(out, toDirective(d, counts[d.ID]))
		delete(counts, d.ID)
	}
	var extra []string
	for id := range counts {
		extra = append(extra, id)
	}
	sort.Strings(extra)
	for _, id := range extra {
		out = append(out, Directive{ID: id, Label: directive.Label(id), Count: counts[id]})
	}
	return out, nil
}

func toDirective(d directive.Doc, count int) Directive {
	return Directive{
		ID: d.ID, Kind: d.Kind, Number: d.Number, Issuer: d.Issuer, Date: d.Date, Title: d.Title,
		Label: d.Label(), Count: count,
	}
}
