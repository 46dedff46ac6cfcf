package search

import (
	"slices"
	"testing"

	"github.com/vnsearch/vnsearch/search/filter"
)

// TestFilterTableFields: every field the filter table names is one the
// mapping indexes, so a filter can never point at nothing.
func TestFilterTableFields(t *testing.T) {
	for _, d := range filter.Table {
		if !slices.Contains(exactFields, d.Field) {
			t.Errorf("filter %q matches %q, which the mapping does not index as a keyword", d.Name, d.Field)
		}
		if d.FacetField != "" && !slices.Contains(keywordFields, d.FacetField) {
			t.Errorf("filter %q facets on %q, which is not a keyword field", d.Name, d.FacetField)
		}
	}
}
