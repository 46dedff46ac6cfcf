package analyzers

import "unicode/utf8"

// maxSyllable is the longest run, in runes, that the spelling rules look at.
// The longest Vietnamese syllable ("nghiêng") has seven letters; longer runs
// are foreign words or codes and are only lowercased.
const maxSyllable = 8

// placeTone moves the tone of an open oa/oe/uy syllable to its first vowel
// ("hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe", "uỷ" → "ủy"). Closed
// syllables ("hoàn", "thoát"), other nuclei ("hoài", "khuya") and syllables
// whose u or i belongs to a qu/gi onset ("quý", "già") are left alone. rs is
// one syllable in NFC, any case.
func placeTone(rs []rune) {
	i := nucleusStart(rs)
	if i < 0 || len(rs)-i != 2 {
		return
	}
	first, second := vowelOf(rs[i]), vowelOf(rs[i+1])
	if first.tone != 0 || second.tone == 0 || !toneMovesFrom(first, second) {
		return
	}
	first.tone, second.tone = second.tone, 0
	rs[i], rs[i+1] = first.rune(), second.rune()
}

// toneMovesFrom reports whether first+second is one of the nuclei oa, oe, uy.
func toneMovesFrom(first, second vowel) bool {
	switch {
	case first.is(vowelO):
		return second.is(vowelA) || second.is(vowelE)
	case first.is(vowelU):
		return second.is(vowelY)
	}
	return false
}

// nucleusStart returns the index of the first vowel of the syllable's
// nucleus: after the consonant onset, taking the u of "qu" and the i of "gi"
// (before another vowel) as part of the onset. It returns -1 when the
// syllable has no vowel or its onset holds anything but consonant letters.
func nucleusStart(rs []rune) int {
	i := 0
	for i < len(rs) && vowelOf(rs[i]).id == 0 {
		if !isConsonant(rs[i]) {
			return -1
		}
		i++
	}
	if i == len(rs) {
		return -1
	}
	switch {
	case i == 1 && lowerASCII(rs[0]) == 'q' && vowelOf(rs[1]).is(vowelU):
		i++
	case i == 1 && lowerASCII(rs[0]) == 'g' && vowelOf(rs[1]).is(vowelI) &&
		len(rs) > 2 && vowelOf(rs[2]).id != 0:
		i++
	}
	return i
}

// canonicalIY spells a syllable made of a consonant onset and a final y with
// i instead ("kỹ" → "kĩ", "lý" → "lí", "quý" → "quí", "hy" → "hi"): after an
// onset the two letters are the same sound and both spellings are in use. A
// y alone ("y", "ý") or inside a longer nucleus ("tuyến", "yêu") is kept.
// rs is one lowercase syllable in NFC.
func canonicalIY(rs []rune) {
	n := len(rs)
	if n < 2 || n > 4 {
		return
	}
	last := vowelOf(rs[n-1])
	if !last.is(vowelY) {
		return
	}
	var onset [3]byte
	for k, r := range rs[:n-1] {
		if r == 'đ' {
			r = 'd'
		}
		if r >= utf8.RuneSelf {
			return
		}
		onset[k] = byte(r)
	}
	if !isOnset(onset[:n-1]) {
		return
	}
	last.id = vowelI + 1
	rs[n-1] = last.rune()
}

// asciiIY is canonicalIY for a lowercase ASCII (or folded) syllable.
func asciiIY(b []byte) {
	if iyApplies(b) {
		b[len(b)-1] = 'i'
	}
}

// isOnset reports whether b (lowercase, đ written d) is a Vietnamese
// consonant onset, "qu" included.
func isOnset(b []byte) bool {
	switch string(b) {
	case "b", "c", "ch", "d", "g", "gh", "h", "k", "kh", "l", "m", "n", "ng",
		"ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x":
		return true
	}
	return false
}

// isConsonant reports whether r is a consonant letter a Vietnamese onset can
// hold: an ASCII letter that is not a vowel, or đ/Đ.
func isConsonant(r rune) bool {
	if r == 'đ' || r == 'Đ' {
		return true
	}
	l := lowerASCII(r)
	return l >= 'a' && l <= 'z' && asciiVowel[l].id == 0
}

// lowerASCII lowercases ASCII letters and returns other runes unchanged.
func lowerASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}
