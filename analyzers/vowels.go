package analyzers

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The five Vietnamese tone marks as combining characters, in table order
// (tone 0 is the level tone, no mark).
var toneMarks = [...]rune{0, 0x0300, 0x0301, 0x0309, 0x0303, 0x0323}

// The twelve Vietnamese vowel letters without tone (lowercase), and the ASCII
// letter each one folds to.
const (
	plainVowels = "aăâeêioôơuưy"
	foldVowels  = "aaaeeiooouuy"
)

// Indexes into plainVowels used by the spelling rules.
const (
	vowelA = 0
	vowelE = 3
	vowelI = 5
	vowelO = 6
	vowelU = 9
	vowelY = 11
)

// vowel describes one letter of a syllable: which of the twelve vowels it is
// (id is the index into plainVowels plus one; 0 means not a vowel), its tone
// (0..5) and its case.
type vowel struct {
	id    uint8
	tone  uint8
	upper bool
}

// Dense lookup tables for every precomposed Vietnamese vowel: Latin-1 and
// Latin Extended-A/B hold the a..y vowels with one mark, Latin Extended
// Additional (U+1EA0..U+1EF9) holds the rest.
const (
	lowTableStart = 0xC0
	lowTableEnd   = 0x1B1
	extTableStart = 0x1EA0
	extTableEnd   = 0x1EFA
)

var (
	lowTable [lowTableEnd - lowTableStart]vowel
	extTable [extTableEnd - extTableStart]vowel
	// compose[id-1][tone][upper] is the precomposed letter.
	compose [len(foldVowels)][len(toneMarks)][2]rune
)

func init() {
	plain := []rune(plainVowels)
	for id, p := range plain {
		for tone, mark := range toneMarks {
			for up := 0; up < 2; up++ {
				base := p
				if up == 1 {
					base = unicode.ToUpper(p)
				}
				r := composeRune(base, mark)
				compose[id][tone][up] = r
				setVowel(r, vowel{id: uint8(id + 1), tone: uint8(tone), upper: up == 1})
			}
		}
	}
}

// composeRune returns base with the combining mark applied, as one
// precomposed rune (every Vietnamese vowel has one).
func composeRune(base, mark rune) rune {
	if mark == 0 {
		return base
	}
	r, _ := utf8.DecodeRuneInString(norm.NFC.String(string([]rune{base, mark})))
	return r
}

// setVowel records v as the vowel entry of the precomposed letter r.
func setVowel(r rune, v vowel) {
	switch {
	case r < utf8.RuneSelf:
		// ASCII vowels are handled by asciiVowel.
	case r >= lowTableStart && r < lowTableEnd:
		lowTable[r-lowTableStart] = v
	case r >= extTableStart && r < extTableEnd:
		extTable[r-extTableStart] = v
	}
}

// asciiVowel maps the ASCII vowel letters to their vowel entries.
var asciiVowel = [utf8.RuneSelf]vowel{
	'a': {id: vowelA + 1}, 'e': {id: vowelE + 1}, 'i': {id: vowelI + 1},
	'o': {id: vowelO + 1}, 'u': {id: vowelU + 1}, 'y': {id: vowelY + 1},
	'A': {id: vowelA + 1, upper: true}, 'E': {id: vowelE + 1, upper: true},
	'I': {id: vowelI + 1, upper: true}, 'O': {id: vowelO + 1, upper: true},
	'U': {id: vowelU + 1, upper: true}, 'Y': {id: vowelY + 1, upper: true},
}

// vowelOf reports which Vietnamese vowel r is; id 0 when it is none.
func vowelOf(r rune) vowel {
	switch {
	case r < utf8.RuneSelf:
		return asciiVowel[r]
	case r >= lowTableStart && r < lowTableEnd:
		return lowTable[r-lowTableStart]
	case r >= extTableStart && r < extTableEnd:
		return extTable[r-extTableStart]
	}
	return vowel{}
}

// rune returns the precomposed letter for v.
func (v vowel) rune() rune {
	up := 0
	if v.upper {
		up = 1
	}
	return compose[v.id-1][v.tone][up]
}

// is reports whether v is the plain vowel with the given index.
func (v vowel) is(index int) bool { return int(v.id) == index+1 }
