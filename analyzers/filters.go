package analyzers

import (
	"bytes"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Registry names of the token filters.
const (
	NormalizeFilterName = "vi_normalize"
	FoldFilterName      = "vi_fold"
)

// NormalizeFilter rewrites each term with Normalize. Offsets are untouched,
// so they keep pointing into the original text.
type NormalizeFilter struct{}

// Filter implements analysis.TokenFilter.
func (NormalizeFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	return rewriteTerms(input, func(dst, term []byte) []byte {
		return appendNormalized(dst, term, true)
	})
}

// FoldFilter rewrites each term with Fold. Since Fold(Normalize(x)) ==
// Fold(x) it needs no NormalizeFilter before it.
type FoldFilter struct{}

// Filter implements analysis.TokenFilter.
func (FoldFilter) Filter(input analysis.TokenStream) analysis.TokenStream {
	return rewriteTerms(input, appendFolded)
}

// rewriteTerms replaces each term by rewrite(term), writing the changed terms
// into one buffer per stream; unchanged terms keep their original bytes.
func rewriteTerms(input analysis.TokenStream, rewrite func(dst, term []byte) []byte) analysis.TokenStream {
	var buf []byte
	for _, tok := range input {
		if isPlainASCII(tok.Term) {
			continue
		}
		if buf == nil {
			buf = make([]byte, 0, termBytes(input))
		}
		start := len(buf)
		buf = rewrite(buf, tok.Term)
		if bytes.Equal(buf[start:], tok.Term) {
			buf = buf[:start]
			continue
		}
		tok.Term = buf[start:len(buf):len(buf)]
	}
	return input
}

// isPlainASCII reports whether term is ASCII that neither filter changes: no
// uppercase letter and no run that the i/y rule rewrites.
func isPlainASCII(term []byte) bool {
	run := 0
	for i, c := range term {
		switch {
		case c >= 0x80 || c >= 'A' && c <= 'Z':
			return false
		case asciiAlnum[c]:
			continue
		}
		if iyApplies(term[run:i]) {
			return false
		}
		run = i + 1
	}
	return !iyApplies(term[run:])
}

// iyApplies reports whether the i/y rule rewrites the lowercase ASCII run b.
func iyApplies(b []byte) bool {
	n := len(b)
	return n >= 2 && n <= 4 && b[n-1] == 'y' && isOnset(b[:n-1])
}

// termBytes is the total length of the terms of a stream.
func termBytes(input analysis.TokenStream) int {
	n := 0
	for _, tok := range input {
		n += len(tok.Term)
	}
	return n
}

func init() {
	filters := map[string]analysis.TokenFilter{NormalizeFilterName: NormalizeFilter{}, FoldFilterName: FoldFilter{}}
	for name, f := range filters {
		err := registry.RegisterTokenFilter(name, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
			return f, nil
		})
		if err != nil {
			panic(err)
		}
	}
}
