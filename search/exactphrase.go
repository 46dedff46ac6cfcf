package search

import (
	"context"
	"fmt"
	"reflect"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vnsearch/vnsearch/analyzers"
)

// A phrase typed with diacritics ranks the articles holding it as typed
// above those holding only another spelling of it ("cả nước" above "cá
// nước"). The folded pair phrase finds the articles holding any spelling;
// among these few, the exact syllables' positions in the text field (its
// term vectors) tell which hold the typed one. A phrase searcher on the
// text field would find the same, but it walks every article holding all
// the syllables, most of them common, and checks positions in each: the
// cost the pair fields are there to avoid. Here each syllable's postings
// are only advanced to the folded phrase's matches.

// exactPhrase matches what folded matches, scoring exact times the folded
// score an article whose text holds the slots' terms at their offsets,
// and other times it any other (0: it does not match).
type exactPhrase struct {
	folded       bq.Query
	slots        []exactSlot
	exact, other float64
}

// exactSlot is one position of an exact phrase: its offset from the
// first and the terms any of which may stand there (a document number is
// two tokens at one position).
type exactSlot struct {
	offset uint64
	terms  []string
}

// newExactPhrase returns the exactPhrase of text over folded, nil when
// text has fewer than two positions.
func newExactPhrase(text string, folded bq.Query, exact, other float64) *exactPhrase {
	toks := analyzers.Analyze(text)
	if len(toks) == 0 {
		return nil
	}
	var slots []exactSlot
	first := toks[0].Position
	for _, t := range toks {
		off := uint64(t.Position - first)
		if n := len(slots); n > 0 && slots[n-1].offset == off {
			if !slices.Contains(slots[n-1].terms, t.Term) {
				slots[n-1].terms = append(slots[n-1].terms, t.Term)
			}
			continue
		}
		slots = append(slots, exactSlot{offset: off, terms: []string{t.Term}})
	}
	if len(slots) < 2 {
		return nil
	}
	return &exactPhrase{folded: folded, slots: slots, exact: exact, other: other}
}

// Searcher implements bq.Query.
func (q *exactPhrase) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	inner, err := q.folded.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	n := len(q.slots)
	s := &exactPhraseSearcher{inner: inner, exact: q.exact, other: q.other,
		terms: make([][]*exactTerm, n), offsets: make([]uint64, n), positions: make([][]uint64, n), next: make([]int, n)}
	for k, slot := range q.slots {
		s.offsets[k] = slot.offset
		for _, term := range slot.terms {
			tfr, err := i.TermFieldReader(ctx, []byte(term), fieldText, false, false, true)
			if err != nil {
				_ = s.Close()
				return nil, fmt.Errorf("read the positions of %q: %w", term, err)
			}
			s.terms[k] = append(s.terms[k], &exactTerm{reader: tfr})
		}
	}
	return s, nil
}

// exactTerm is the postings of one term of an exact phrase, read forward
// only: scorch's readers start over when advanced backwards.
type exactTerm struct {
	reader bindex.TermFieldReader
	doc    *bindex.TermFieldDoc // the last read; nil before the first
	done   bool                 // no document after doc
}

// at returns the positions of the term in the document id, none when it
// is not there. Calls come in ascending id order.
func (t *exactTerm) at(id bindex.IndexInternalID) ([]*bindex.TermFieldVector, error) {
	if t.done {
		return nil, nil
	}
	if t.doc == nil || t.doc.ID.Compare(id) < 0 {
		d, err := t.reader.Advance(id, t.doc)
		if err != nil {
			return nil, err
		}
		if d == nil {
			t.done = true
			return nil, nil
		}
		t.doc = d
	}
	if !t.doc.ID.Equals(id) {
		return nil, nil
	}
	return t.doc.Vectors, nil
}

// exactPhraseSearcher is the searcher of an exactPhrase: per slot, the
// postings of its terms and its offset, and the scratch of holds, reused
// from one document to the next.
type exactPhraseSearcher struct {
	inner        bsearch.Searcher
	exact, other float64
	terms        [][]*exactTerm
	offsets      []uint64
	positions    [][]uint64
	next         []int
}

var reflectStaticSizeExactPhrase = int(reflect.TypeOf(exactPhraseSearcher{}).Size())

// Next implements bsearch.Searcher.
func (s *exactPhraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.inner.Next(ctx)
	return s.rescore(ctx, dm, err)
}

// Advance implements bsearch.Searcher.
func (s *exactPhraseSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.inner.Advance(ctx, id)
	return s.rescore(ctx, dm, err)
}

// rescore scales the score of the folded match dm, or, when the searcher
// matches only exact phrases, skips to the first folded match that holds
// one.
func (s *exactPhraseSearcher) rescore(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for dm != nil && err == nil {
		exact, herr := s.holds(dm.IndexInternalID)
		if herr != nil {
			return nil, herr
		}
		if exact || s.other != 0 {
			mul := s.other
			if exact {
				mul = s.exact
			}
			dm.Score *= mul
			if dm.Expl != nil {
				dm.Expl = &bsearch.Explanation{Value: dm.Score, Message: fmt.Sprintf("exact phrase %t, times %g", exact, mul), Children: []*bsearch.Explanation{dm.Expl}}
			}
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.inner.Next(ctx)
	}
	return dm, err
}

// holds reports whether the text of document id holds the exact terms at
// consecutive positions.
func (s *exactPhraseSearcher) holds(id bindex.IndexInternalID) (bool, error) {
	for k, slot := range s.terms {
		pos := s.positions[k][:0]
		for _, t := range slot {
			vectors, err := t.at(id)
			if err != nil {
				return false, err
			}
			for _, v := range vectors {
				pos = append(pos, v.Pos)
			}
		}
		if len(pos) == 0 {
			return false, nil
		}
		if len(slot) > 1 {
			slices.Sort(pos)
		}
		s.positions[k] = pos
	}
	clear(s.next)
	return consecutive(s.positions, s.offsets, s.next), nil
}

// consecutive reports whether some p of positions[0] has p+offsets[k] in
// every positions[k], each sorted ascending. next holds a zero cursor per
// slot.
func consecutive(positions [][]uint64, offsets []uint64, next []int) bool {
	for _, p := range positions[0] {
		all := true
		for k := 1; k < len(positions); k++ {
			want := p + offsets[k]
			pos := positions[k]
			for next[k] < len(pos) && pos[next[k]] < want {
				next[k]++
			}
			if next[k] == len(pos) {
				return false
			}
			if pos[next[k]] != want {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// Close implements bsearch.Searcher.
func (s *exactPhraseSearcher) Close() error {
	err := s.inner.Close()
	for _, slot := range s.terms {
		for _, t := range slot {
			if cerr := t.reader.Close(); err == nil {
				err = cerr
			}
		}
	}
	return err
}

// Weight implements bsearch.Searcher.
func (s *exactPhraseSearcher) Weight() float64 { return s.inner.Weight() }

// SetQueryNorm implements bsearch.Searcher.
func (s *exactPhraseSearcher) SetQueryNorm(norm float64) { s.inner.SetQueryNorm(norm) }

// Count implements bsearch.Searcher.
func (s *exactPhraseSearcher) Count() uint64 { return s.inner.Count() }

// Min implements bsearch.Searcher.
func (s *exactPhraseSearcher) Min() int { return s.inner.Min() }

// Size implements bsearch.Searcher.
func (s *exactPhraseSearcher) Size() int {
	n := reflectStaticSizeExactPhrase + s.inner.Size()
	for _, slot := range s.terms {
		for _, t := range slot {
			n += t.reader.Size()
		}
	}
	return n
}

// DocumentMatchPoolSize implements bsearch.Searcher.
func (s *exactPhraseSearcher) DocumentMatchPoolSize() int { return s.inner.DocumentMatchPoolSize() }
