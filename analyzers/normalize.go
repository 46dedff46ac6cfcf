package analyzers

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns s in NFC, lowercased, with the canonical tone placement
// and the canonical i/y spelling in every syllable. Text between syllables
// (spaces, punctuation) is kept, so whole texts can be normalized.
func Normalize(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), []byte(s), true))
}

// NormalizeCase returns s in NFC with the canonical tone placement, keeping
// case and the i/y spelling: for names shown to people ("Thị uỷ Quế Võ" →
// "Thị ủy Quế Võ").
func NormalizeCase(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), []byte(s), false))
}

// appendNormalized appends src, normalized, to dst. With lower it also
// lowercases and applies the i/y rule (Normalize); without, only NFC and tone
// placement (NormalizeCase).
func appendNormalized(dst, src []byte, lower bool) []byte {
	src = toNFC(src)
	for i := 0; i < len(src); {
		if n := runLen(src[i:]); n > 0 {
			dst = appendSyllable(dst, src[i:i+n], lower)
			i += n
			continue
		}
		_, size := utf8.DecodeRune(src[i:])
		dst = append(dst, src[i:i+size]...)
		i += size
	}
	return dst
}

// appendSyllable appends one run of letters, marks and digits, normalized.
func appendSyllable(dst, syl []byte, lower bool) []byte {
	if isASCII(syl) {
		start := len(dst)
		dst = append(dst, syl...)
		if lower {
			lowerBytes(dst[start:])
			asciiIY(dst[start:])
		}
		return dst
	}
	var buf [maxSyllable]rune
	rs := buf[:0]
	for i := 0; i < len(syl); {
		r, size := utf8.DecodeRune(syl[i:])
		i += size
		if len(rs) == maxSyllable {
			return appendLowered(dst, syl, lower)
		}
		if lower {
			r = lowerRune(r)
		}
		rs = append(rs, r)
	}
	placeTone(rs)
	if lower {
		canonicalIY(rs)
	}
	for _, r := range rs {
		dst = utf8.AppendRune(dst, r)
	}
	return dst
}

// lowerRune lowercases r, looking Vietnamese letters up in the vowel table
// before falling back to the Unicode tables.
func lowerRune(r rune) rune {
	if r < utf8.RuneSelf {
		return lowerASCII(r)
	}
	if v := vowelOf(r); v.id != 0 {
		v.upper = false
		return v.rune()
	}
	if r == 'Đ' {
		return 'đ'
	}
	return unicode.ToLower(r)
}

// appendLowered appends a run too long to be a Vietnamese syllable,
// lowercased when lower is set.
func appendLowered(dst, syl []byte, lower bool) []byte {
	if !lower {
		return append(dst, syl...)
	}
	for i := 0; i < len(syl); {
		r, size := utf8.DecodeRune(syl[i:])
		i += size
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// lowerBytes lowercases ASCII letters in place.
func lowerBytes(b []byte) {
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}

// toNFC returns src in NFC. Text made of ASCII and precomposed Vietnamese
// letters — nearly every token — is NFC already and skips the Unicode tables:
// none of those letters decomposes or combines with what follows.
func toNFC(src []byte) []byte {
	for i := 0; i < len(src); {
		if src[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(src[i:])
		if vowelOf(r).id == 0 && r != 'đ' && r != 'Đ' {
			return norm.NFC.Bytes(src)
		}
		i += size
	}
	return src
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
