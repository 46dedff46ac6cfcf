package synonym

import (
	"strings"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/registry"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Registry names of the index-time vocabulary filter and of the folded
// analyzer that applies it.
const (
	FilterName   = "vi_vocabulary"
	AnalyzerName = "vi_folded_vocabulary"
)

// keyPrefix starts the set keys the filter adds: no word starts so.
const keyPrefix = "syn_"

// Filter adds, at each form of a vocabulary set found in a folded token
// stream, one token: the set's key, at the position of the form's first
// word, spanning the form (forms nested in a longer one are filed too:
// "Ban Chấp hành Trung ương" holds "Ban Chấp hành"). "UBND" and "Ủy ban nhân dân" then both hold the
// key syn_ubnd, and a query for either form finds both with one term.
type Filter struct{ v *Vocabulary }

// Filter implements analysis.TokenFilter.
func (f Filter) Filter(in analysis.TokenStream) analysis.TokenStream {
	firsts := make([]int, 0, len(in)) // index of the first token at each position
	for i, t := range in {
		if i == 0 || t.Position != in[i-1].Position {
			firsts = append(firsts, i)
		}
	}
	var keys analysis.TokenStream
	for p, i := range firsts {
		added := ""
		for _, form := range f.v.byFirst[string(in[i].Term)] { // longest first
			if form.key == added || p+len(form.terms) > len(firsts) || !matchAt(in, firsts[p:], form.terms) {
				continue
			}
			last := in[firsts[p+len(form.terms)-1]]
			keys = append(keys, &analysis.Token{
				Term: []byte(form.key), Position: in[i].Position, Start: in[i].Start, End: last.End, Type: analysis.AlphaNumeric,
			})
			added = form.key
		}
	}
	if len(keys) == 0 {
		return in
	}
	return mergeByPosition(in, keys)
}

// matchAt reports whether the tokens at the positions firsts spell terms.
func matchAt(in analysis.TokenStream, firsts []int, terms []string) bool {
	for j, term := range terms {
		if string(in[firsts[j]].Term) != term {
			return false
		}
	}
	return true
}

// mergeByPosition inserts each key token after the tokens of its position.
func mergeByPosition(in, keys analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)+len(keys))
	k := 0
	for i, t := range in {
		out = append(out, t)
		if i+1 < len(in) && in[i+1].Position == t.Position {
			continue
		}
		for k < len(keys) && keys[k].Position == t.Position {
			out = append(out, keys[k])
			k++
		}
	}
	return out
}

// indexForm is a form as the folded analyzer spells it.
type indexForm struct {
	terms []string
	key   string
}

// tokenKey is the folded terms of text, one per position, joined by spaces.
func tokenKey(text string) []string {
	var terms []string
	toks := analyzers.AnalyzeFolded(text)
	for i, t := range toks {
		if i == 0 || t.Position != toks[i-1].Position {
			terms = append(terms, t.Term)
		}
	}
	return terms
}

// setKey names a set after its first form.
func setKey(set []string) string {
	return keyPrefix + strings.Join(tokenKey(set[0]), "_")
}

// Key returns the index key of the set a form belongs to, as the shipped
// vocabulary files it at index time, or "" when the shipped vocabulary
// does not hold the form.
func Key(form string) string {
	return indexed.keyOf[strings.Join(tokenKey(form), " ")]
}

// indexed is the vocabulary the index-time filter applies: the shipped one.
// A vocabulary file given at query time may add sets; forms the index does
// not know are expanded as phrases instead.
var indexed = Default()

// IndexFilter is the filter the index-time analyzer (AnalyzerName)
// applies after folding, for callers that fold a token stream themselves.
func IndexFilter() Filter { return Filter{indexed} }

func init() {
	err := registry.RegisterTokenFilter(FilterName, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return IndexFilter(), nil
	})
	if err != nil {
		panic(err)
	}
	err = registry.RegisterAnalyzer(AnalyzerName, func(_ map[string]interface{}, cache *registry.Cache) (analysis.Analyzer, error) {
		folded, err := cache.AnalyzerNamed(analyzers.FoldedName)
		if err != nil {
			return nil, err
		}
		d, ok := folded.(*analysis.DefaultAnalyzer)
		if !ok {
			return nil, errNotDefault
		}
		filters := append(append([]analysis.TokenFilter{}, d.TokenFilters...), IndexFilter())
		return &analysis.DefaultAnalyzer{CharFilters: d.CharFilters, Tokenizer: d.Tokenizer, TokenFilters: filters}, nil
	})
	if err != nil {
		panic(err)
	}
}
