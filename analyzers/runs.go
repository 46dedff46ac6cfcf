package analyzers

import (
	"unicode"
	"unicode/utf8"
)

// asciiAlnum marks the ASCII bytes that belong to a run: letters and digits.
var asciiAlnum = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
	}
	return t
}()

// isRunRune reports whether r belongs to a run: a letter, a combining mark
// (so decomposed text runs exactly like precomposed) or a digit.
func isRunRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiAlnum[r]
	}
	if vowelOf(r).id != 0 || r == 'đ' || r == 'Đ' {
		return true
	}
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
}

// runLen returns the length in bytes of the run of letters, marks and digits
// at the start of b; 0 when b does not start with one. Runs are the syllables
// that Normalize and Fold rewrite one at a time.
func runLen(b []byte) int {
	i := 0
	for i < len(b) {
		if c := b[i]; c < utf8.RuneSelf {
			if !asciiAlnum[c] {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if !isRunRune(r) {
			break
		}
		i += size
	}
	return i
}
