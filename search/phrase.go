package search

import (
	"context"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vnsearch/vnsearch/analyzers"
)

// A phrase of n syllables is found by its n-1 folded pairs: the articles
// holding every pair (pairs_folded keeps frequencies, no positions) are
// its candidates, and the positions of the text field, read only for
// these few, tell which hold the syllables in a row. Each folded syllable
// stands for every spelling of it the text field holds ("dan" for dân,
// dần, đàn…), looked up in its dictionary on the first candidate that
// needs them. A phrase typed with diacritics is looked for as typed first:
// the articles holding it so score exact times the pairs' score, those
// holding only another spelling other times ("cả nước" above "cá nước").
// A phrase searcher on the text field would find the same, but it walks
// every article holding all the syllables, most of them common; here each
// syllable's postings are only advanced to the pairs' candidates.

// pairPhrase is the query of a phrase of two positions or more.
type pairPhrase struct {
	candidates bq.Query     // the conjunction of the folded pairs, at each position any of its pairs
	exact      []phraseSlot // the typed syllables; nil when the phrase has no diacritics
	folded     []phraseSlot // the folded syllables; nil for one pair, which is adjacency itself
	// exactMul scales the score of an article holding the typed spelling,
	// otherMul that of one holding only another (0: it does not match).
	exactMul, otherMul float64
}

// phraseSlot is one position of a phrase: its offset from the first and
// the terms any of which may stand there (a document number is two tokens
// at one position).
type phraseSlot struct {
	offset uint64
	terms  []string
}

// slotsOf groups tokens by position into slots; fewer than two positions
// give none.
func slotsOf(toks []analyzers.Token) []phraseSlot {
	slots := groupByPosition(len(toks), func(i int) (int, string) { return toks[i].Position, toks[i].Term })
	if len(slots) < 2 {
		return nil
	}
	return slots
}

// groupByPosition groups n tokens given in position order, token(i)
// returning the i-th one's position and term, into one slot per position,
// each term once.
func groupByPosition(n int, token func(i int) (position int, term string)) []phraseSlot {
	var slots []phraseSlot
	first := 0
	for i := range n {
		pos, term := token(i)
		if i == 0 {
			first = pos
		}
		off := uint64(pos - first)
		if k := len(slots); k > 0 && slots[k-1].offset == off {
			if !slices.Contains(slots[k-1].terms, term) {
				slots[k-1].terms = append(slots[k-1].terms, term)
			}
			continue
		}
		slots = append(slots, phraseSlot{offset: off, terms: []string{term}})
	}
	return slots
}

// Searcher implements bq.Query.
func (q *pairPhrase) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	inner, err := q.candidates.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	return &pairPhraseSearcher{inner: inner, ctx: ctx, reader: i, exactMul: q.exactMul, otherMul: q.otherMul,
		exactSlots: q.exact, foldedSlots: q.folded}, nil
}

// positionCheck tells whether a document holds the terms of its slots at
// their offsets, reading the positions of the text field: per slot, the
// postings of its terms, and the scratch reused from one document to the
// next. A phrase's matches mostly spell it alike, so a slot of several
// terms (spellings) is first read for the one that held the last match
// alone; only when that fails are all read.
type positionCheck struct {
	offsets   []uint64
	terms     [][]*termPositions
	positions [][]uint64
	next      []int
	hint      []int // per slot, the term that held the last match; -1 before one
	hinted    bool  // every slot has a hint
}

// newPositionCheck opens the postings of the slots' terms.
func newPositionCheck(ctx context.Context, i bindex.IndexReader, slots []phraseSlot) (*positionCheck, error) {
	n := len(slots)
	c := &positionCheck{terms: make([][]*termPositions, n), offsets: make([]uint64, n), positions: make([][]uint64, n),
		next: make([]int, n), hint: make([]int, n)}
	for k, slot := range slots {
		c.offsets[k] = slot.offset
		for _, term := range slot.terms {
			tfr, err := i.TermFieldReader(ctx, []byte(term), fieldText, false, false, true)
			if err != nil {
				_ = c.close()
				return nil, fmt.Errorf("read the positions of %q: %w", term, err)
			}
			c.terms[k] = append(c.terms[k], &termPositions{reader: tfr})
		}
		if len(slot.terms) != 1 {
			c.hint[k] = -1
		}
	}
	c.hinted = !slices.Contains(c.hint, -1)
	return c, nil
}

// spellings returns, for each folded slot, the terms of the text field
// that fold to one of its terms.
func spellings(i bindex.IndexReader, folded []phraseSlot) ([]phraseSlot, error) {
	out := make([]phraseSlot, len(folded))
	for k, slot := range folded {
		out[k].offset = slot.offset
		for _, f := range slot.terms {
			terms, err := spellingsOf(i, f)
			if err != nil {
				return nil, err
			}
			out[k].terms = append(out[k].terms, terms...)
		}
	}
	return out, nil
}

// spellingCache keeps the spellings looked up on the index snapshot last
// searched: its dictionary changes only with the snapshot, and compiling
// the pattern of a syllable costs more than checking a phrase's
// candidates.
var spellingCache struct {
	sync.Mutex
	reader bindex.IndexReader
	terms  map[string][]string
}

// maxCachedSpellings bounds the syllables spellingCache keeps.
const maxCachedSpellings = 1 << 16

// spellingsOf returns the terms of the text field of i that fold to
// folded.
func spellingsOf(i bindex.IndexReader, folded string) ([]string, error) {
	c := &spellingCache
	c.Lock()
	if c.reader != i {
		c.reader, c.terms = i, map[string][]string{}
	}
	terms, ok := c.terms[folded]
	c.Unlock()
	if ok {
		return terms, nil
	}
	r, ok := i.(bindex.IndexReaderRegexp)
	if !ok {
		return nil, fmt.Errorf("the index reader %T cannot list terms by pattern", i)
	}
	d, err := r.FieldDictRegexp(fieldText, foldPattern(folded))
	if err != nil {
		return nil, fmt.Errorf("look up the spellings of %q: %w", folded, err)
	}
	for {
		e, err := d.Next()
		if err != nil {
			_ = d.Close()
			return nil, fmt.Errorf("look up the spellings of %q: %w", folded, err)
		}
		if e == nil {
			break
		}
		if analyzers.Fold(e.Term) == folded {
			terms = append(terms, e.Term)
		}
	}
	if err := d.Close(); err != nil {
		return nil, fmt.Errorf("look up the spellings of %q: %w", folded, err)
	}
	c.Lock()
	if c.reader == i && len(c.terms) < maxCachedSpellings {
		c.terms[folded] = terms
	}
	c.Unlock()
	return terms, nil
}

// foldPattern is a regular expression matching at least every term whose
// fold is folded: each letter stands for the letters folding to it.
func foldPattern(folded string) string {
	var b strings.Builder
	for _, r := range folded {
		if class, ok := unfoldClass[r]; ok {
			b.WriteString(class)
			continue
		}
		b.WriteString(regexpQuote(r))
	}
	return b.String()
}

// regexpQuote is r as a literal of a regular expression.
func regexpQuote(r rune) string {
	if r < utf8.RuneSelf && strings.ContainsRune(`\.+*?()|[]{}^$`, r) {
		return `\` + string(r)
	}
	return string(r)
}

// unfoldClass maps an ASCII letter to a character class of the letters
// that fold to it (i and y stand for each other: folding spells them
// alike).
var unfoldClass = func() map[rune]string {
	sets := map[rune][]rune{}
	add := func(r rune) {
		f := []rune(analyzers.Fold(string(r)))
		if len(f) == 1 && f[0] < utf8.RuneSelf && ('a' <= f[0] && f[0] <= 'z') {
			sets[f[0]] = append(sets[f[0]], r)
		}
	}
	for r := rune('a'); r <= 'z'; r++ {
		add(r)
	}
	for _, span := range [][2]rune{{0xC0, 0x24F}, {0x1E00, 0x1EFF}} {
		for r := span[0]; r <= span[1]; r++ {
			if analyzers.Fold(string(r)) != string(r) {
				add(r)
			}
		}
	}
	sets['i'] = append(sets['i'], sets['y']...)
	sets['y'] = slices.Clone(sets['i'])
	out := map[rune]string{}
	for c, rs := range sets {
		slices.Sort(rs)
		out[c] = "[" + string(slices.Compact(rs)) + "]"
	}
	return out
}()

// exactTerm is the postings of one term of a phrase, read forward only:
// scorch's readers start over when advanced backwards.
type termPositions struct {
	reader bindex.TermFieldReader
	doc    *bindex.TermFieldDoc // the last read; nil before the first
	done   bool                 // no document after doc
}

// at returns the positions of the term in the document id, none when it
// is not there. Calls come in ascending id order.
func (t *termPositions) at(id bindex.IndexInternalID) ([]*bindex.TermFieldVector, error) {
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

// holds reports whether document id holds the slots' terms at their
// offsets.
func (c *positionCheck) holds(id bindex.IndexInternalID) (bool, error) {
	if c.hinted {
		ok, err := c.check(id, true)
		if err != nil || ok {
			return ok, err
		}
	}
	return c.check(id, false)
}

// check reads the positions of each slot's terms in document id, or only
// of its hinted term, and reports whether they stand at the slots'
// offsets. A match of all the terms hints each slot's term that held it.
func (c *positionCheck) check(id bindex.IndexInternalID, hinted bool) (bool, error) {
	for k, slot := range c.terms {
		pos := c.positions[k][:0]
		for j, t := range slot {
			if hinted && j != c.hint[k] {
				continue
			}
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
		if !hinted && len(slot) > 1 {
			slices.Sort(pos)
		}
		c.positions[k] = pos
	}
	clear(c.next)
	start, ok := consecutive(c.positions, c.offsets, c.next)
	if ok && !hinted {
		c.learn(id, start)
	}
	return ok, nil
}

// learn hints, for each slot, the term found at its offset from start in
// document id, whose positions every term has just been read for.
func (c *positionCheck) learn(id bindex.IndexInternalID, start uint64) {
	c.hinted = true
	for k, slot := range c.terms {
		want := start + c.offsets[k]
		found := false
		for j, t := range slot {
			vectors, err := t.at(id) // positioned on id already: no read
			if err != nil {
				break
			}
			if slices.ContainsFunc(vectors, func(v *bindex.TermFieldVector) bool { return v.Pos == want }) {
				c.hint[k], found = j, true
				break
			}
		}
		c.hinted = c.hinted && found
	}
}

// consecutive reports whether some p of positions[0] has p+offsets[k] in
// every positions[k], each sorted ascending, and the first such p. next
// holds a zero cursor per slot.
func consecutive(positions [][]uint64, offsets []uint64, next []int) (uint64, bool) {
	for _, p := range positions[0] {
		all := true
		for k := 1; k < len(positions); k++ {
			want := p + offsets[k]
			pos := positions[k]
			for next[k] < len(pos) && pos[next[k]] < want {
				next[k]++
			}
			if next[k] == len(pos) {
				return 0, false
			}
			if pos[next[k]] != want {
				all = false
				break
			}
		}
		if all {
			return p, true
		}
	}
	return 0, false
}

func (c *positionCheck) close() error {
	var err error
	for _, slot := range c.terms {
		for _, t := range slot {
			if cerr := t.reader.Close(); err == nil {
				err = cerr
			}
		}
	}
	return err
}

func (c *positionCheck) size() int {
	n := 0
	for _, slot := range c.terms {
		for _, t := range slot {
			n += t.reader.Size()
		}
	}
	return n
}

// pairPhraseSearcher is the searcher of a pairPhrase: the pairs'
// candidates, checked as typed (exact) and in any spelling (folded), each
// check's postings opened on the first candidate that needs it.
type pairPhraseSearcher struct {
	inner              bsearch.Searcher
	ctx                context.Context
	reader             bindex.IndexReader
	exactMul, otherMul float64
	exactSlots         []phraseSlot   // nil: the phrase has no diacritics
	foldedSlots        []phraseSlot   // nil: the pair is the phrase
	exact, folded      *positionCheck // opened from the slots on first use
}

var reflectStaticSizePairPhrase = int(reflect.TypeOf(pairPhraseSearcher{}).Size())

// Next implements bsearch.Searcher.
func (s *pairPhraseSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.inner.Next(ctx)
	return s.check(ctx, dm, err)
}

// Advance implements bsearch.Searcher.
func (s *pairPhraseSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.inner.Advance(ctx, id)
	return s.check(ctx, dm, err)
}

// check returns the first of the pairs' candidates, from dm on, that holds
// the phrase, its score scaled by how it is spelled.
func (s *pairPhraseSearcher) check(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	for dm != nil && err == nil {
		mul, ok, herr := s.holds(dm.IndexInternalID)
		if herr != nil {
			return nil, herr
		}
		if ok {
			if mul != 1 {
				dm.Score *= mul
				if dm.Expl != nil {
					dm.Expl = &bsearch.Explanation{Value: dm.Score, Message: fmt.Sprintf("phrase spelled as typed %t, times %g", mul == s.exactMul, mul), Children: []*bsearch.Explanation{dm.Expl}}
				}
			}
			return dm, nil
		}
		ctx.DocumentMatchPool.Put(dm)
		dm, err = s.inner.Next(ctx)
	}
	return dm, err
}

// holds reports whether document id holds the phrase, and the factor of
// its score.
func (s *pairPhraseSearcher) holds(id bindex.IndexInternalID) (float64, bool, error) {
	mul := 1.0
	if s.exactSlots != nil {
		if s.exact == nil {
			var err error
			if s.exact, err = newPositionCheck(s.ctx, s.reader, s.exactSlots); err != nil {
				return 0, false, err
			}
		}
		ok, err := s.exact.holds(id)
		if err != nil || ok {
			return s.exactMul, ok, err
		}
		if s.otherMul == 0 {
			return 0, false, nil
		}
		mul = s.otherMul
	}
	if s.foldedSlots == nil {
		return mul, true, nil
	}
	if s.folded == nil {
		slots, err := spellings(s.reader, s.foldedSlots)
		if err != nil {
			return 0, false, err
		}
		if s.folded, err = newPositionCheck(s.ctx, s.reader, slots); err != nil {
			return 0, false, err
		}
	}
	ok, err := s.folded.holds(id)
	return mul, ok, err
}

// Close implements bsearch.Searcher.
func (s *pairPhraseSearcher) Close() error {
	err := s.inner.Close()
	for _, c := range []*positionCheck{s.exact, s.folded} {
		if c == nil {
			continue
		}
		if cerr := c.close(); err == nil {
			err = cerr
		}
	}
	return err
}

// Weight implements bsearch.Searcher.
func (s *pairPhraseSearcher) Weight() float64 { return s.inner.Weight() }

// SetQueryNorm implements bsearch.Searcher.
func (s *pairPhraseSearcher) SetQueryNorm(norm float64) { s.inner.SetQueryNorm(norm) }

// Count implements bsearch.Searcher.
func (s *pairPhraseSearcher) Count() uint64 { return s.inner.Count() }

// Min implements bsearch.Searcher.
func (s *pairPhraseSearcher) Min() int { return s.inner.Min() }

// Size implements bsearch.Searcher.
func (s *pairPhraseSearcher) Size() int {
	n := reflectStaticSizePairPhrase + s.inner.Size()
	for _, c := range []*positionCheck{s.exact, s.folded} {
		if c != nil {
			n += c.size()
		}
	}
	return n
}

// DocumentMatchPoolSize implements bsearch.Searcher.
func (s *pairPhraseSearcher) DocumentMatchPoolSize() int { return s.inner.DocumentMatchPoolSize() }
