package words

import (
	"cmp"
	"slices"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Text is a text with its words.
type Text struct {
	S string
	W []Word
	// Marked is set when the text carries Vietnamese diacritics: its
	// phrases must then carry theirs too ("Quân ủy" is not "Quận ủy").
	Marked bool
}

// New splits text into words.
func New(text string) *Text {
	text = Bound(text)
	return &Text{S: text, W: Split(text), Marked: analyzers.HasDiacritics(text)}
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

// Dict matches phrases ("Ủy ban nhân dân", "TP.HCM") at a word and returns
// the value of the longest phrase that matches. Words of a phrase are
// separated in the text as in the phrase: by spacing only, or by the
// punctuation written between them ("TP.HCM" needs the dot).
type Dict[V any] struct {
	byFirst map[string][]entry[V]
}

type entry[V any] struct {
	words []string // folded
	norm  []string // analyzers.Normalize of each word as written
	seps  []string // seps[k] separates words[k] and words[k+1]
	value V
}

// NewDict builds a dictionary from phrases to values.
func NewDict[V any](phrases map[string]V) *Dict[V] {
	d := &Dict[V]{byFirst: make(map[string][]entry[V])}
	for p, v := range phrases {
		d.Add(p, v)
	}
	return d
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

// Add adds a phrase to d; call it before d is used.
func (d *Dict[V]) Add(phrase string, v V) {
	e := parsePhrase(phrase, v)
	if len(e.words) == 0 {
		return
	}
	es := append(d.byFirst[e.words[0]], e)
	slices.SortFunc(es, byLength[V])
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
		if e.matches(t, i) {
			return e.value, len(e.words)
		}
	}
	return v, 0
}

func (e entry[V]) matches(t *Text, i int) bool {
	if i+len(e.words) > len(t.W) {
		return false
	}
	for k := 1; k < len(e.words); k++ {
		if t.W[i+k].Fold != e.words[k] || t.Gap(i+k-1) != e.seps[k-1] {
			return false
		}
	}
	return !t.Marked || e.spelled(t, i)
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
