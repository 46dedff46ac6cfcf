package words

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Text is a text with its words.
type Text struct {
	S string
	W []Word
	// Marked is set when the text carries Vietnamese diacritics: its
	// phrases must then carry theirs too ("Quân ủy" is not "Quận ủy").
	Marked bool
	// Cut is set when the text was longer than MaxBytes and cut: a phrase
	// ending at its last word may go on past the cut ("tỉnh Bắc" of "tỉnh
	// Bắc Ninh").
	Cut bool
}

// New splits text into words.
func New(text string) *Text {
	cut := len(text) > MaxBytes
	text = Bound(text)
	return &Text{S: text, W: Split(text), Marked: analyzers.HasDiacritics(text), Cut: cut}
}

// Sub returns the words of t.S[start:end] as New(t.S[start:end]) would,
// reusing t's: a word cut by either end is split again, the others are
// only moved. start and end must fall on rune boundaries of t.S, and t
// must not be cut (a cut text has lost the words after the cut).
func (t *Text) Sub(start, end int) *Text {
	s := t.S[start:end]
	// The words ending after start and starting before end.
	first, _ := slices.BinarySearchFunc(t.W, start, func(w Word, at int) int { return cmp.Compare(w.End, at+1) })
	last, _ := slices.BinarySearchFunc(t.W, end, func(w Word, at int) int { return cmp.Compare(w.Start, at) })
	ws := make([]Word, 0, last-first)
	for _, w := range t.W[first:last] {
		if lo, hi := max(w.Start, start), min(w.End, end); lo >= hi {
			continue // start == end inside the word: nothing of it
		} else if lo != w.Start || hi != w.End {
			w = newWord(s, lo-start, hi-start, nil)
		} else {
			w.Start -= start
			w.End -= start
		}
		ws = append(ws, w)
	}
	return &Text{S: s, W: ws, Marked: analyzers.HasDiacritics(s)}
}

// AtCut reports whether end, the index after the last word of a phrase,
// reaches the cut of a cut text: the phrase may be a part of a longer one.
func (t *Text) AtCut(end int) bool {
	return t.Cut && end >= len(t.W)
}

// Gap returns the separator between word i and word i+1 (see Gap), or
// "\n" past the last word.
func (t *Text) Gap(i int) string {
	if i < 0 || i+1 >= len(t.W) {
		return "\n"
	}
	return Gap(t.S, t.W[i], t.W[i+1])
}

// Is reports whether word i exists and folds to one of folds.
func (t *Text) Is(i int, folds ...string) bool {
	return i >= 0 && i < len(t.W) && slices.Contains(folds, t.W[i].Fold)
}

// Orig returns the original spelling of words i..j-1.
func (t *Text) Orig(i, j int) string {
	return t.S[t.W[i].Start:t.W[j-1].End]
}

// RawGap returns the text between word i and word i+1 as written, the
// rest of the text after the last word, or "\n" outside the words.
func (t *Text) RawGap(i int) string {
	switch {
	case i < 0 || i >= len(t.W):
		return "\n"
	case i+1 == len(t.W):
		return t.S[t.W[i].End:]
	}
	return t.S[t.W[i].End:t.W[i+1].Start]
}

// InClause reports whether words i and i+1 stand in one clause: only
// spaces, commas and dashes between them, so "5 không, 3 sạch", "5 không 3
// sạch" and "sản xuất - kinh doanh" are each one phrase but a sentence or a
// line break ends it.
func (t *Text) InClause(i int) bool {
	if i < 0 || i+1 >= len(t.W) {
		return false
	}
	for _, r := range t.RawGap(i) {
		if r == '\n' || !(unicode.IsSpace(r) || r == ',' || r == '-' || r == '–' || r == '—') {
			return false
		}
	}
	return true
}

// Dict matches phrases ("Ủy ban nhân dân", "TP.HCM") at a word and returns
// the value of the longest phrase that matches. The directive, unit and
// model recognizers all find their phrases with it; they differ only in
// how strictly a phrase must be written (see Strictness).
type Dict[V any] struct {
	byFirst map[string][]entry[V]
	strict  Strictness
}

// Strictness says how the words of a text must stand and be spelled to
// match a phrase of a Dict.
type Strictness int

const (
	// Exact: the words are separated in the text as in the phrase, by
	// spacing only or by the punctuation written between them ("TP.HCM"
	// needs the dot), and a text with diacritics spells every word as the
	// phrase does. For names and symbols.
	Exact Strictness = iota
	// Loose: the words stand in one clause (InClause), and each word the
	// text writes with diacritics carries the phrase's ("báo" is not
	// "bão"). A text without diacritics matches on folded forms; so does a
	// run of two words or more written without any inside a text that has
	// them ("lam theo Bac" quoted from a phone message), but a single bare
	// word does not: "bao" is a word of its own, not "bão" without its
	// marks. For everyday phrases.
	Loose
)

type entry[V any] struct {
	words []string // folded
	norm  []string // analyzers.Normalize of each word as written
	seps  []string // seps[k] separates words[k] and words[k+1]
	value V
}

// NewDict builds an Exact dictionary from phrases to values.
func NewDict[V any](phrases map[string]V) *Dict[V] {
	d := NewDictOf[V](Exact)
	for p, v := range phrases {
		d.Add(p, v)
	}
	return d
}

// NewDictOf returns an empty dictionary of the given strictness.
func NewDictOf[V any](s Strictness) *Dict[V] {
	return &Dict[V]{byFirst: make(map[string][]entry[V]), strict: s}
}

func parsePhrase[V any](p string, v V) entry[V] {
	ws := Split(p)
	e := entry[V]{value: v}
	for k, w := range ws {
		e.words = append(e.words, w.Fold)
		e.norm = append(e.norm, analyzers.Normalize(p[w.Start:w.End]))
		if k > 0 {
			e.seps = append(e.seps, Gap(p, ws[k-1], w))
		}
	}
	return e
}

// Add adds a phrase to d; call it before d is used. Of two phrases of
// the same words, the one added first wins.
func (d *Dict[V]) Add(phrase string, v V) {
	e := parsePhrase(phrase, v)
	if len(e.words) == 0 {
		return
	}
	es := append(d.byFirst[e.words[0]], e)
	slices.SortStableFunc(es, byLength[V])
	d.byFirst[e.words[0]] = es
}

// byLength orders entries longest first, then alphabetically.
func byLength[V any](a, b entry[V]) int {
	return cmp.Or(cmp.Compare(len(b.words), len(a.words)),
		strings.Compare(strings.Join(a.words, " "), strings.Join(b.words, " ")))
}

// Match returns the value of the longest phrase starting at word i and the
// number of words it spans; n is 0 when none matches.
func (d *Dict[V]) Match(t *Text, i int) (v V, n int) {
	if i < 0 || i >= len(t.W) {
		return v, 0
	}
	for _, e := range d.byFirst[t.W[i].Fold] {
		if d.matches(e, t, i) {
			return e.value, len(e.words)
		}
	}
	return v, 0
}

// Hit is a phrase of a Dict found in a text: its value, its first word
// and its length in words.
type Hit[V any] struct {
	Value V
	At, N int
}

// Scan returns the phrases of d in t, left to right, none overlapping.
func (d *Dict[V]) Scan(t *Text) []Hit[V] {
	var hits []Hit[V]
	for i := 0; i < len(t.W); {
		if v, n := d.Match(t, i); n > 0 {
			hits = append(hits, Hit[V]{Value: v, At: i, N: n})
			i += n
			continue
		}
		i++
	}
	return hits
}

func (d *Dict[V]) matches(e entry[V], t *Text, i int) bool {
	if i+len(e.words) > len(t.W) {
		return false
	}
	for k := 1; k < len(e.words); k++ {
		if t.W[i+k].Fold != e.words[k] || !d.separated(e, t, i+k-1, k-1) {
			return false
		}
	}
	if d.strict == Loose {
		return e.spelledLoosely(t, i)
	}
	return !t.Marked || e.spelled(t, i)
}

// separated reports whether words w and w+1 of t are separated as the
// phrase separates its words k and k+1.
func (d *Dict[V]) separated(e entry[V], t *Text, w, k int) bool {
	if d.strict == Loose {
		return t.InClause(w)
	}
	return t.Gap(w) == e.seps[k]
}

// spelled reports whether the words at i carry the phrase's diacritics.
func (e entry[V]) spelled(t *Text, i int) bool {
	for k, n := range e.norm {
		w := t.W[i+k]
		if analyzers.Normalize(t.S[w.Start:w.End]) != n {
			return false
		}
	}
	return true
}

// spelledLoosely is the Loose spelling rule: see Loose.
func (e entry[V]) spelledLoosely(t *Text, i int) bool {
	bare := 0
	for k, n := range e.norm {
		w := t.S[t.W[i+k].Start:t.W[i+k].End]
		switch {
		case !analyzers.HasDiacritics(w):
			if analyzers.Normalize(w) != n {
				bare++
			}
		case analyzers.Normalize(w) != n:
			return false
		}
	}
	return bare == 0 || !t.Marked || (len(e.norm) >= 2 && t.unmarked(i, len(e.norm)))
}

// unmarked reports whether none of the n words at i has diacritics.
func (t *Text) unmarked(i, n int) bool {
	for k := i; k < i+n; k++ {
		if analyzers.HasDiacritics(t.S[t.W[k].Start:t.W[k].End]) {
			return false
		}
	}
	return true
}
