package analyzers

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SwapTone rewrites every open oa/oe/uy syllable of s in the other tone
// convention ("hòa" ↔ "hoà", "thủy" ↔ "thuỷ", "khỏe" ↔ "khoẻ"), as a
// writer of that convention types it, and leaves the rest of s as it is
// (NFC). Tests and benchmarks use it to type queries the other way.
func SwapTone(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	word := make([]rune, 0, maxSyllable)
	flush := func() {
		swapSyllable(word)
		b.WriteString(string(word))
		word = word[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			word = append(word, r)
			continue
		}
		flush()
		b.WriteRune(r)
	}
	flush()
	return b.String()
}

// swapSyllable moves the tone of an open oa/oe/uy syllable to its other
// vowel, the placement placeTone undoes or makes.
func swapSyllable(rs []rune) {
	i := nucleusStart(rs)
	if i < 0 || len(rs)-i != 2 {
		return
	}
	first, second := vowelOf(rs[i]), vowelOf(rs[i+1])
	if !toneMovesFrom(first, second) || (first.tone == 0) == (second.tone == 0) {
		return
	}
	first.tone, second.tone = second.tone, first.tone
	rs[i], rs[i+1] = first.rune(), second.rune()
}
