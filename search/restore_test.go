package search

import (
	"testing"

	"github.com/vnsearch/vnsearch/analyzers"
)

// TestRestore pins how a run typed without diacritics gets them back from
// the hits' texts: whole, span by span, a word remembered wrong from the
// index's commonest form, and the word beside it from the text although
// the wrong word breaks every span it is in.
func TestRestore(t *testing.T) {
	const text = "Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong."
	texts := analyzedTexts{{text, firstAtPosition(analyzers.AnalyzeFolded(text))}}
	terms := &terms{best: map[string]termEntry{
		"de":   {term: "để", count: 90},
		"muoi": {term: "mười", count: 9},
		"xuoi": {term: "xuôi", count: 3},
	}}
	tests := []struct{ run, want string }{
		{"de tram lan khong dan cung chiu", "Dễ trăm lần không dân cũng chịu"},
		{"de muoi lan khong dan cung chiu", "Dễ mười lần không dân cũng chịu"},
		{"kho van lan dan lieu cung xuoi", "khó vạn lần dân liệu cũng xuôi"},
		{"lan de", "lan để"},
		{"khong dan muoi chiu", "không dân mười chịu"},
	}
	for _, tt := range tests {
		if got := restore(tt.run, terms, texts); got != tt.want {
			t.Errorf("restore(%q) = %q, want %q", tt.run, got, tt.want)
		}
	}
}
