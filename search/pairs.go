package search

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
)

// The pair field pairs_folded indexes every two adjacent syllables of the
// text field, folded, as one term ("nong thon", "thon moi"), with
// positions, as Elasticsearch's index_phrases and Lucene's CommonGrams do.
// A phrase of n syllables is a phrase of its n-1 pairs: the searcher
// intersects the postings of the pairs, far rarer than syllables, and
// checks positions only on the few documents holding all of them. The text
// field keeps the positions of its exact syllables, read only on those
// documents to rank a phrase written with the diacritics typed above its
// other spellings (see exactPhrase). The title keeps no positions.
//
// Pairs cross punctuation, as positions did. A document number is at the
// position of its first part (see analyzers.Tokenizer), so each of the two
// is paired with the next position's tokens, and a phrase query takes
// either. A pair is indexed at most maxPairRepeats times per article,
// which bounds the position checks in a huge repetitive one (bleve's
// phrase check pairs every location of a term with every location of the
// next). Misremembered quotes can score by the pairs a query shares with a
// text (its syllables nearly in order) with the same terms.
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

// phraseMatch matches text as a phrase, scoring boost: its folded pairs at
// consecutive positions, and when text has diacritics, the articles
// holding it as typed (see exactPhrase) exactPhraseBoost times more than
// the others, or only these when exactOnly. It returns nil when text has
// fewer than two positions.
func phraseMatch(text string, boost float64, exactOnly bool) bq.Query {
	folded := foldedPairPhrase(text, boost)
	if folded == nil || !analyzers.HasDiacritics(text) {
		return folded
	}
	exact, other := exactPhraseBoost, otherPhraseBoost
	if exactOnly {
		other = 0
	}
	if q := newExactPhrase(text, folded, exact, other); q != nil {
		return q
	}
	return folded
}

// foldedPairPhrase is the phrase of the folded pairs of text, or nil.
func foldedPairPhrase(text string, boost float64) bq.Query {
	toks := foldedPairAnalyzer.Analyze([]byte(text))
	if len(toks) == 0 {
		return nil
	}
	if len(toks) == 1 {
		return fieldTerm(string(toks[0].Term), fieldFoldedPairs, boost)
	}
	m := bleve.NewMatchPhraseQuery(text)
	m.SetField(fieldFoldedPairs)
	m.Analyzer = foldedPairAnalyzerNm
	m.SetBoost(boost)
	return m
}

// fieldTerm matches one term in field, scoring boost.
func fieldTerm(term, field string, boost float64) bq.Query {
	t := bleve.NewTermQuery(term)
	t.SetField(field)
	t.SetBoost(boost)
	return t
}
