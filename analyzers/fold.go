package analyzers

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s lowercased with every diacritic removed and đ written d,
// with the same i/y rule as Normalize, so that Fold(Normalize(s)) == Fold(s):
// "Đảng ủy" and "Đảng uỷ" both fold to "dang uy", "kỹ" and "kĩ" to "ki".
func Fold(s string) string {
	return string(appendFolded(make([]byte, 0, len(s)), []byte(s)))
}

// appendFolded appends src, folded, to dst.
func appendFolded(dst, src []byte) []byte {
	src = toNFC(src)
	for i := 0; i < len(src); {
		if n := runLen(src[i:]); n > 0 {
			start := len(dst)
			dst = appendFoldedRun(dst, src[i:i+n])
			asciiIY(dst[start:])
			i += n
			continue
		}
		_, size := utf8.DecodeRune(src[i:])
		dst = append(dst, src[i:i+size]...)
		i += size
	}
	return dst
}

// appendFoldedRun appends one run of letters, marks and digits, lowercased
// and without marks.
func appendFoldedRun(dst, run []byte) []byte {
	for i := 0; i < len(run); {
		if c := run[i]; c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		r, size := utf8.DecodeRune(run[i:])
		dst = appendFoldedRune(dst, run[i:i+size], r)
		i += size
	}
	return dst
}

// appendFoldedRune folds one non-ASCII rune (enc is its encoding).
func appendFoldedRune(dst, enc []byte, r rune) []byte {
	if v := vowelOf(r); v.id != 0 {
		return append(dst, foldVowels[v.id-1])
	}
	switch {
	case r == 'đ' || r == 'Đ':
		return append(dst, 'd')
	case unicode.Is(unicode.Mn, r):
		return dst
	}
	var buf [4 * utf8.UTFMax]byte
	decomposed := norm.NFD.Append(buf[:0], enc...)
	for i := 0; i < len(decomposed); {
		d, size := utf8.DecodeRune(decomposed[i:])
		i += size
		if !unicode.Is(unicode.Mn, d) {
			dst = utf8.AppendRune(dst, unicode.ToLower(d))
		}
	}
	return dst
}

// HasDiacritics reports whether s holds a Vietnamese diacritic — a tone, a
// vowel mark (ă â ê ô ơ ư) or đ/Đ — precomposed or as a combining mark.
func HasDiacritics(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			continue
		}
		if vowelOf(r).id != 0 { // every non-ASCII vowel in the table is marked
			return true
		}
		switch r {
		case 'đ', 'Đ', 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x0302, 0x0306, 0x031B:
			return true
		}
	}
	return false
}
