package search

import (
	"slices"
	"testing"

	"github.com/vnsearch/vnsearch/search/query"
)

// TestMarkings pins what a query highlights and suggests from: runs of
// words whole, phrases as typed and once, alternatives each, and nothing
// from a negated clause.
func TestMarkings(t *testing.T) {
	tests := []struct {
		q               string
		marks, textRuns []string
	}{
		{`dân vận khéo`, []string{"dân vận khéo"}, []string{"dân vận khéo"}},
		{`"Chỉ thị 05" mô hình`, []string{"Chỉ thị 05", "mô hình"}, []string{"Chỉ thị 05", "mô hình"}},
		{`"dân vận" "dân vận"`, []string{"dân vận"}, []string{"dân vận"}},
		{`mô hình -"tham nhũng" hay`, []string{"mô hình", "hay"}, []string{"mô hình", "hay"}},
		{`"dân vận" OR "dân chủ"`, []string{"dân vận", "dân chủ"}, nil},
	}
	for _, tt := range tests {
		pq, err := query.Parse(tt.q)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tt.q, err)
		}
		m := markings(pq, nil)
		if !slices.Equal(m.marks, tt.marks) {
			t.Errorf("%q: marks %q, want %q", tt.q, m.marks, tt.marks)
		}
		if !slices.Equal(m.textRuns, tt.textRuns) {
			t.Errorf("%q: textRuns %q, want %q", tt.q, m.textRuns, tt.textRuns)
		}
	}
}
