package analyzers

import (
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
)

// Registry names of the two analyzers.
const (
	// Name is the analyzer that keeps diacritics: syllables, NFC, lowercase,
	// canonical tone placement and i/y spelling.
	Name = "vi"
	// FoldedName is the analyzer that also removes every diacritic (đ → d).
	FoldedName = "vi_folded"
)

// Token is one term of an analyzed text. Start and End are byte offsets in
// the analyzed text; Position is 1-based and shared by a document number and
// its first part.
type Token struct {
	Term       string
	Position   int
	Start, End int
}

var (
	viAnalyzer     = newAnalyzer(Tokenizer{}, NormalizeFilter{})
	foldedAnalyzer = newAnalyzer(Tokenizer{}, FoldFilter{})
)

// Analyze returns the tokens the vi analyzer emits for text; the query side
// uses it to analyze a query exactly as a document.
func Analyze(text string) []Token { return tokens(viAnalyzer, text) }

// AnalyzeFolded returns the tokens the vi_folded analyzer emits for text.
func AnalyzeFolded(text string) []Token { return tokens(foldedAnalyzer, text) }

func tokens(a analysis.Analyzer, text string) []Token {
	stream := a.Analyze([]byte(text))
	out := make([]Token, len(stream))
	for i, t := range stream {
		out[i] = Token{Term: string(t.Term), Position: t.Position, Start: t.Start, End: t.End}
	}
	return out
}

func newAnalyzer(t analysis.Tokenizer, f analysis.TokenFilter) *analysis.DefaultAnalyzer {
	return &analysis.DefaultAnalyzer{Tokenizer: t, TokenFilters: []analysis.TokenFilter{f}}
}

// constructor builds an analyzer from the registered tokenizer and filter.
func constructor(filterName string) registry.AnalyzerConstructor {
	return func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		t, err := cache.TokenizerNamed(TokenizerName)
		if err != nil {
			return nil, err
		}
		f, err := cache.TokenFilterNamed(filterName)
		if err != nil {
			return nil, err
		}
		return newAnalyzer(t, f), nil
	}
}

func init() {
	for name, filter := range map[string]string{Name: NormalizeFilterName, FoldedName: FoldFilterName} {
		if err := registry.RegisterAnalyzer(name, constructor(filter)); err != nil {
			panic(err)
		}
	}
}
