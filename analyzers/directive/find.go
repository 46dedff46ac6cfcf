package directive

import (
	"slices"
	"time"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// mention is one recognized document in a text.
type mention struct {
	ID         string
	Start, End int // byte offsets of the mention in the input text
}

// findIn returns the party documents mentioned in t, in order, with
// canonical ids. published (the article's date, zero when unknown) decides
// between documents that share a symbol when the text does not.
func findIn(t *words.Text, published time.Time) []mention {
	return newScanner(t, published, false).scan()
}

// IDsIn returns the distinct canonical ids of the party documents
// mentioned in t, a text already split into words (so several recognizers
// can share one split), sorted. published (the article's date, zero when
// unknown) decides between documents that share a symbol when the text
// does not.
func IDsIn(t *words.Text, published time.Time) []string {
	return distinctIDs(findIn(t, published))
}

func distinctIDs(ms []mention) []string {
	if len(ms) == 0 {
		return nil
	}
	ids := make([]string, 0, len(ms))
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// scanner walks the words of one text.
type scanner struct {
	t         *words.Text
	published time.Time
	// query is set for a user-typed filter value: lowercase abbreviations
	// count, bare numbers outside the catalog count, and a symbol shared by
	// several documents stands for all of them unless the value says which.
	query bool
	full  map[string]symbol // "CT 05" → symbol written in full in the text
	state map[string]bool   // "CT 16" → a state document with that kind and number
	party int               // whether the text names the party: 0 unknown, 1 yes, -1 no
	units []string          // the units the text names, for local documents; nil until needed
	out   []mention
}

func newScanner(t *words.Text, published time.Time, query bool) *scanner {
	s := &scanner{t: t, published: published, query: query}
	s.full, s.state = s.fullForms()
	return s
}

// fullForms collects the numbers the text writes in full, as party
// symbols and as state documents, so a later bare "Chỉ thị 15" can follow
// them.
func (s *scanner) fullForms() (map[string]symbol, map[string]bool) {
	full, state := map[string]symbol{}, map[string]bool{}
	for i := range s.t.W {
		if sym, n := symbolAt(s.t, i); n > 0 {
			full[bareKey(sym.Code, sym.Number)] = sym
		} else if d, n := stateDocAt(s.t, i); n > 0 {
			state[bareKey(d.code, d.number)] = true
		}
	}
	return full, state
}

// bareKey keys a kind code and number; the two spellings of "Quy định"
// share one key.
func bareKey(code, number string) string {
	if code == "QĐi" {
		code = "QĐ"
	}
	return code + " " + number
}

func (s *scanner) scan() []mention {
	for i := 0; i < len(s.t.W); {
		if sym, n := symbolAt(s.t, i); n > 0 {
			s.emit(i, i+n, s.resolve(sym, i, i+n))
			i += n
			continue
		}
		if sym, iss, n := localSymbolAt(s.t, i); n > 0 {
			s.emit(i, i+n, s.local(sym, iss, i, i+n))
			i += n
			continue
		}
		if k, n := s.kindAt(i); n > 0 {
			if end := s.afterKind(i, k, n); end > i {
				i = end
				continue
			}
		}
		i++
	}
	return s.out
}

// emit records ids for the mention spanning words i..j-1.
func (s *scanner) emit(i, j int, ids []string) {
	for _, id := range ids {
		s.out = append(s.out, mention{ID: id, Start: s.t.W[i].Start, End: s.t.W[j-1].End})
	}
}
