package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
)

// The pair field pairs_folded indexes every two adjacent syllables of the
// text field, folded, as one term ("nong thon", "thon moi"), as
// Elasticsearch's index_phrases and Lucene's CommonGrams do, with
// frequencies but no positions. A phrase of n syllables is first the
// conjunction of its n-1 pairs, far rarer than its syllables; the text
// field keeps the positions of its syllables, read only on the few
// documents holding every pair, to tell those holding the syllables in a
// row, and a phrase typed with diacritics as typed (see pairPhrase). The
// title keeps no positions.
//
// Pairs cross punctuation, as positions did. A document number is at the
// position of its first part (see analyzers.Tokenizer), so each of the two
// is paired with the next position's tokens, and a phrase query takes
// either. A pair is counted at most maxPairRepeats times per article, as
// it was when its positions were kept (they bounded bleve's phrase check
// in a huge repetitive article). Misremembered quotes score by the pairs
// a query shares with a text (its syllables nearly in order) with the same
// terms.
const (
	fieldFoldedPairs = "pairs_folded"
	// pairSep joins the two syllables of a pair term.
	pairSep        = " "
	maxPairRepeats = 64
)

// Registry names of the pair analyzers and their filter. The exact pairs'
// analyzer is no longer mapped; it stays registered so that an index of
// an earlier analysis revision still opens to be read back (OpenAnyVersion).
const (
	pairFilterName       = "vi_pairs"
	pairAnalyzerName     = "vi_pairs"
	foldedPairAnalyzerNm = "vi_folded_pairs"
)

// pairFilter replaces a token stream by the pairs of tokens at adjacent
// positions, each at the position of its first token, at most
// maxPairRepeats of each pair.
type pairFilter struct{}

// Filter implements analysis.TokenFilter.
func (pairFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	return adjacentPairs(in, len(in) > maxPairRepeats)
}

// adjacentPairs is pairFilter's stream, every pair repeated as often as
// it occurs unless capped. An index write caps the pairs as it counts
// them (tokenFrequencies), with no map of its own.
func adjacentPairs(in analysis.TokenStream, capped bool) analysis.TokenStream {
	if len(in) < 2 {
		return nil
	}
	size := 0
	for _, t := range in {
		size += 2*len(t.Term) + len(pairSep)
	}
	buf := make([]byte, 0, size)
	out := make(analysis.TokenStream, 0, len(in))
	slab := make([]analysis.Token, 0, len(in))
	var seen map[string]int // pairs counted when capped
	if capped {
		seen = make(map[string]int, len(in))
	}
	next := 0 // first token of the position after the current one
	for i, a := range in {
		if next <= i {
			for next = i + 1; next < len(in) && in[next].Position == a.Position; next++ {
			}
		}
		for j := next; j < len(in) && in[j].Position == a.Position+1; j++ {
			b := in[j]
			start := len(buf)
			buf = append(append(append(buf, a.Term...), pairSep...), b.Term...)
			if seen != nil {
				if seen[string(buf[start:])] == maxPairRepeats {
					buf = buf[:start]
					continue
				}
				seen[string(buf[start:])]++
			}
			slab = append(slab, analysis.Token{
				Term: buf[start:len(buf):len(buf)], Position: a.Position, Start: a.Start, End: b.End, Type: analysis.Shingle,
			})
			out = append(out, &slab[len(slab)-1])
		}
	}
	return out
}

// The two pair analyzers, also used directly on the query side.
var (
	pairAnalyzer       = pairsOf(analyzers.NormalizeFilter{})
	foldedPairAnalyzer = pairsOf(analyzers.FoldFilter{})
)

func pairsOf(f analysis.TokenFilter) *analysis.DefaultAnalyzer {
	return &analysis.DefaultAnalyzer{Tokenizer: analyzers.Tokenizer{}, TokenFilters: []analysis.TokenFilter{f, pairFilter{}}}
}

func init() {
	err := registry.RegisterTokenFilter(pairFilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return pairFilter{}, nil
	})
	if err != nil {
		panic(err)
	}
	for name, a := range map[string]*analysis.DefaultAnalyzer{pairAnalyzerName: pairAnalyzer, foldedPairAnalyzerNm: foldedPairAnalyzer} {
		err := registry.RegisterAnalyzer(name, func(map[string]interface{}, *registry.Cache) (analysis.Analyzer, error) {
			return a, nil
		})
		if err != nil {
			panic(err)
		}
	}
}

// phraseMatch matches text as a phrase, scoring boost (see pairPhrase):
// when text has diacritics, the articles holding it as typed
// exactPhraseBoost times more than the others, or only these when
// exactOnly. It returns nil when text has fewer than two positions.
func phraseMatch(text string, boost float64, exactOnly bool) bq.Query {
	q := foldedPairPhrase(text, boost)
	if q == nil {
		return nil // not a nil *pairPhrase in the interface
	}
	if !analyzers.HasDiacritics(text) {
		return q
	}
	exact := slotsOf(analyzers.Analyze(text))
	if exact == nil {
		return q // cannot happen while both analyzers share the tokenizer
	}
	q.exact, q.exactMul, q.otherMul = exact, exactPhraseBoost, otherPhraseBoost
	if exactOnly {
		q.otherMul = 0
	}
	return q
}

// foldedPairPhrase is the phrase of text in any spelling, or nil when text
// has fewer than two positions.
func foldedPairPhrase(text string, boost float64) *pairPhrase {
	toks := foldedPairAnalyzer.Analyze([]byte(text))
	pairs := groupByPosition(len(toks), func(i int) (int, string) { return toks[i].Position, string(toks[i].Term) })
	if len(pairs) == 0 {
		return nil
	}
	positions := make([]bq.Query, len(pairs))
	for k, slot := range pairs {
		alternatives := make([]bq.Query, len(slot.terms))
		for j, term := range slot.terms {
			alternatives[j] = fieldTerm(term, fieldFoldedPairs, boost)
		}
		positions[k] = alternatives[0]
		if len(alternatives) > 1 {
			positions[k] = bleve.NewDisjunctionQuery(alternatives...)
		}
	}
	q := &pairPhrase{candidates: positions[0], exactMul: 1, otherMul: 1}
	if len(positions) > 1 {
		q.candidates = bleve.NewConjunctionQuery(positions...)
		q.folded = slotsOf(analyzers.AnalyzeFolded(text))
	}
	return q
}

// fieldTerm matches one term in field, scoring boost.
func fieldTerm(term, field string, boost float64) bq.Query {
	t := bleve.NewTermQuery(term)
	t.SetField(field)
	t.SetBoost(boost)
	return t
}
