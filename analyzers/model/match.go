package model

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/analyzers/directive/words"
)

// text is one section of an article split into words.
type text struct {
	s      string
	w      []words.Word
	marked bool // the text carries Vietnamese diacritics somewhere
}

func newText(s string) *text {
	s = words.Bound(s)
	return &text{s: s, w: words.Split(s), marked: analyzers.HasDiacritics(s)}
}

// gap returns what separates word i from word i+1: the rest of the text
// after the last word, "\n" outside the words.
func (t *text) gap(i int) string {
	switch {
	case i < 0 || i >= len(t.w):
		return "\n"
	case i+1 == len(t.w):
		return t.s[t.w[i].End:]
	}
	return t.s[t.w[i].End:t.w[i+1].Start]
}

// joined reports whether words i and i+1 stand in one clause: only spaces,
// commas and dashes between them, so "5 không, 3 sạch", "5 không 3 sạch"
// and "sản xuất - kinh doanh" are each one phrase but a sentence or a line
// break ends it.
func (t *text) joined(i int) bool {
	if i+1 >= len(t.w) {
		return false
	}
	for _, r := range t.gap(i) {
		if r == '\n' || !(unicode.IsSpace(r) || r == ',' || r == '-' || r == '–' || r == '—') {
			return false
		}
	}
	return true
}

// spelled reports whether the words at i, whose folded forms match, are
// spelled as the phrase words norm: each word written with diacritics must
// carry the phrase's ("báo" is not "bão"). A text without diacritics
// matches on folded forms; so does a run of two or more words written
// without any inside a text that has them ("lam theo Bac" quoted from a
// phone message), but a single bare word does not: "bao" is a word of its
// own, not "bão" without its marks.
func (t *text) spelled(i int, norm []string) bool {
	bare := 0
	for k, n := range norm {
		w := t.s[t.w[i+k].Start:t.w[i+k].End]
		switch {
		case !analyzers.HasDiacritics(w):
			if analyzers.Normalize(w) != n {
				bare++
			}
		case analyzers.Normalize(w) != n:
			return false
		}
	}
	return bare == 0 || !t.marked || (len(norm) >= 2 && t.unmarked(i, len(norm)))
}

// unmarked reports whether none of the n words at i has diacritics.
func (t *text) unmarked(i, n int) bool {
	for k := i; k < i+n; k++ {
		if analyzers.HasDiacritics(t.s[t.w[k].Start:t.w[k].End]) {
			return false
		}
	}
	return true
}

// dict finds phrases in a text, the longest at each word.
type dict[V any] struct {
	byFirst map[string][]entry[V]
}

// entry is one phrase: its words folded and normalized, and its value.
type entry[V any] struct {
	fold  []string
	norm  []string
	value V
}

func newDict[V any]() *dict[V] {
	return &dict[V]{byFirst: make(map[string][]entry[V])}
}

// add adds a phrase; words are compared folded, with the diacritics checked
// where the text writes them.
func (d *dict[V]) add(phrase string, v V) {
	e := entry[V]{value: v}
	for _, w := range words.Split(phrase) {
		e.fold = append(e.fold, w.Fold)
		e.norm = append(e.norm, analyzers.Normalize(phrase[w.Start:w.End]))
	}
	if len(e.fold) == 0 {
		return
	}
	es := append(d.byFirst[e.fold[0]], e)
	slices.SortStableFunc(es, func(a, b entry[V]) int { return cmp.Compare(len(b.fold), len(a.fold)) })
	d.byFirst[e.fold[0]] = es
}

// match returns the value of the longest phrase at word i and its length in
// words; n is 0 when none matches.
func (d *dict[V]) match(t *text, i int) (v V, n int) {
	for _, e := range d.byFirst[t.w[i].Fold] {
		if e.at(t, i) {
			return e.value, len(e.fold)
		}
	}
	return v, 0
}

func (e entry[V]) at(t *text, i int) bool {
	if i+len(e.fold) > len(t.w) {
		return false
	}
	for k := range e.fold {
		if k > 0 && (t.w[i+k].Fold != e.fold[k] || !t.joined(i+k-1)) {
			return false
		}
	}
	return t.spelled(i, e.norm)
}

// hit is a phrase found at a word.
type hit[V any] struct {
	value V
	at, n int
}

// scan returns the phrases of d in t, left to right, none overlapping.
func (d *dict[V]) scan(t *text) []hit[V] {
	var hits []hit[V]
	for i := 0; i < len(t.w); {
		if v, n := d.match(t, i); n > 0 {
			hits = append(hits, hit[V]{value: v, at: i, n: n})
			i += n
			continue
		}
		i++
	}
	return hits
}

// key is the folded words of a phrase joined by spaces: "dan van kheo".
func key(phrase string) string {
	return newText(phrase).key(0, -1)
}

// key is the folded words i..j-1 of t joined by spaces (j < 0: to the end).
func (t *text) key(i, j int) string {
	if j < 0 {
		j = len(t.w)
	}
	var sb strings.Builder
	for k := i; k < j; k++ {
		if k > i {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.w[k].Fold)
	}
	return sb.String()
}
