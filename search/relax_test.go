package search

import (
	"context"
	"strings"
	"testing"
)

// TestMatchKinds: what each kind of query falls back to, on the demo
// corpus.
func TestMatchKinds(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	tests := []struct {
		name, q   string
		match     string
		first     string // "" when no hit is expected
		minTotal  uint64 // at least this many hits
		absentAll bool   // no article holds every word (checked)
	}{
		{"short words", "Dân vận khéo", MatchExact, "", 2, false},
		{"a quote unquoted", "Dễ trăm lần không dân cũng chịu", MatchExact, "demo-001", 1, false},
		{"a quote quoted", `"Dễ trăm lần không dân cũng chịu"`, MatchExact, "demo-001", 1, false},
		{"a word no article holds", "Dễ trăm lần không gấu cũng chịu, khó vạn lần dân liệu cũng xong", MatchRelaxed, "demo-001", 1, true},
		{"the same without diacritics", "de tram lan khong gau cung chiu, kho van lan dan lieu cung xong", MatchRelaxed, "demo-001", 1, true},
		{"quoted, one word wrong", `"Dễ trăm lần không gấu cũng chịu"`, MatchNear, "demo-001", 1, true},
		{"quoted, one word wrong, words beside", `"Dễ trăm lần không gấu cũng chịu" khó vạn lần dân liệu cũng xong`, MatchNear, "demo-001", 1, true},
		{"quoted, one word wrong, a word beside no near holder has", `"Dễ trăm lần không gấu cũng chịu" Viettel`, MatchNear, "", 0, true},
		{"quoted, nothing near", `"gấu trúc khổng lồ ăn tre trên núi cao"`, MatchNear, "", 0, true},
		{"short quote, nothing", `"gấu trúc ăn"`, MatchExact, "", 0, true},
		{"sorted by date, no fallback", `"Dễ trăm lần không gấu cũng chịu" sort`, MatchExact, "", 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.absentAll != (len(holdersOfAll(articles, tt.q)) == 0) {
				t.Fatalf("some article holds every word of %q: %v", tt.q, holdersOfAll(articles, tt.q))
			}
			req := Request{Query: tt.q}
			if q, ok := strings.CutSuffix(tt.q, " sort"); ok {
				req = Request{Query: q, Sort: SortNewest}
			}
			r, err := ix.Search(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			got := ids(r)
			if r.Match != tt.match || r.Total < tt.minTotal || (tt.first != "" && (len(got) == 0 || got[0] != tt.first)) ||
				(tt.first == "" && tt.minTotal == 0 && len(got) > 0) {
				t.Errorf("match %q, %d hits %v; want %q, at least %d, %q first", r.Match, r.Total, got, tt.match, tt.minTotal, tt.first)
			}
		})
	}
}

// holdersOfAll returns the articles holding every word of q (folded).
func holdersOfAll(articles []Article, q string) []string {
	var out []string
	for _, a := range articles {
		words := map[string]bool{}
		for _, w := range foldedTerms(a.Title + " . " + a.Lead + " . " + a.Body) {
			words[w] = true
		}
		all := true
		for _, w := range foldedTerms(q) {
			all = all && words[w]
		}
		if all {
			out = append(out, a.ID)
		}
	}
	return out
}

// TestNearSnippet: the snippet of a near match marks the words of the
// quote around the passage, the differing word left visible unmarked.
func TestNearSnippet(t *testing.T) {
	ix := newTestIndex(t, loadDemo(t)...)
	r, err := ix.Search(context.Background(), Request{Query: `"Dễ mười lần không dân cũng chịu"`})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Hits) == 0 || len(r.Hits[0].Snippets) == 0 {
		t.Fatalf("no hit or snippet: %+v", r)
	}
	s := strings.Join(r.Hits[0].Snippets, " ")
	if !strings.Contains(s, "<mark>Dễ</mark> trăm <mark>lần không dân cũng chịu</mark>") {
		t.Errorf("snippet %q: want the near passage marked, the different word visible", s)
	}
}
