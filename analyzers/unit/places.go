package unit

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/analyzers/words"
)

// maxPlaceWords bounds a place name: "Bà Rịa - Vũng Tàu" has four.
const maxPlaceWords = 4

// placeAt reads a level and its place at word i: "xã Chi Lăng", "TP.HCM",
// "phường 5". name is "" for a level written without a place ("UBND
// tỉnh"); end is i when there is no level.
func (s *scanner) placeAt(i int, titled bool) (lv level, name string, end int) {
	if _, n := hcmForms.Match(s.t, i); n > 0 {
		return thanhPho, hcm, i + n
	}
	lv, n := levelWords.Match(s.t, i)
	if n == 0 {
		return noLevel, "", i
	}
	name, end = s.placeName(i+n, lv, titled)
	if lv == thanhPho && (strings.EqualFold(analyzers.Fold(name), "ho chi minh") || strings.EqualFold(name, "hcm")) {
		name = hcm
	}
	return lv, name, end
}

// placeName reads the name of a place at word j (after a level or a
// committee): capitalised words, a number, or Ho Chi Minh City. end is j
// when there is none. titled is set when a person's title precedes the
// unit, so the words after it may be the person's name.
func (s *scanner) placeName(j int, lv level, titled bool) (string, int) {
	if j >= len(s.t.W) {
		return "", j
	}
	if g := s.t.Gap(j - 1); g != "" && (g != "." || !s.t.W[j-1].Upper) {
		return "", j // "TP.Hà Nội", but not "Thị ủy. Qua đó"
	}
	if _, n := hcmForms.Match(s.t, j); n > 0 && (lv == thanhPho) {
		return hcm, j + n
	}
	k := j
	if s.t.Is(k, "so") && k+1 < len(s.t.W) && s.t.W[k+1].Digits {
		k++
	}
	if w := s.t.W[k]; w.Digits {
		return w.Fold, k + 1
	}
	if s.t.W[j].Upper && s.t.W[j-1].Upper && len(s.t.W[j-1].Fold) > 1 {
		return s.capsName(j)
	}
	return s.casedName(j, titled)
}

// maxRun bounds the capitalised words read after a level: a place and a
// person's name.
const maxRun = 8

// casedName reads capitalised words: "Quế Võ", "Bà Rịa - Vũng Tàu". A
// personal name run on after the place ("Bí thư Tỉnh ủy Bắc Ninh Đỗ Minh
// Tuấn") is cut off; when titled, the whole run may be the name ("Chủ tịch
// UBND tỉnh Nguyễn Văn A") and there is no place.
func (s *scanner) casedName(j int, titled bool) (string, int) {
	run := s.capsRun(j)
	if titled && s.personName(j, len(run)) && !s.provinceAt(j, len(run)) {
		return "", j
	}
	cut := len(run)
	for k := 1; k+1 < len(run); k++ {
		if s.personName(j+k, len(run)-k) {
			cut = k
			break
		}
	}
	cut = min(cut, maxPlaceWords, s.hyphenCut(j, run[:cut]))
	var sb strings.Builder
	for k, p := range run[:cut] {
		sb.WriteString(p.sep)
		sb.WriteString(titleCase(s.t.S[s.t.W[j+k].Start:p.end]))
	}
	return sb.String(), j + cut
}

// part is one word of a capitalised run: the separator before it (""
// for the first, " " or " - ") and where the word ends.
type part struct {
	sep string
	end int
}

// capsRun returns the capitalised words from j. A word with digits glued
// on ("Cai11": a footnote) ends the run after its letters.
func (s *scanner) capsRun(j int) []part {
	var run []part
	for k := j; k < len(s.t.W) && k < j+maxRun; k++ {
		w := s.t.W[k]
		if (!w.Cap && !s.query) || w.Digits {
			break
		}
		if h, n := heads.Match(s.t, k); n > 0 && (k > j || !h.capital) {
			// The next unit's keyword, not a place: "Tỉnh ủy Tỉnh ủy Bắc
			// Ninh". A keyword that is a unit only when capitalised may
			// start a place: "phường Đoàn Kết".
			break
		}
		sep := ""
		if k > j {
			switch s.t.Gap(k - 1) {
			case "":
				sep = " "
			case "-":
				sep = " - "
			default:
				return run
			}
		}
		if d := strings.IndexAny(s.t.S[w.Start:w.End], "0123456789"); d > 0 {
			return append(run, part{sep: sep, end: w.Start + d})
		}
		run = append(run, part{sep: sep, end: w.End})
	}
	return run
}

// hyphenCut returns how many words of a run to keep when it has a dash:
// all of a name written with one ("Bà Rịa - Vũng Tàu"), else the words
// before it ("Cần Giờ - TPHCM" ends a byline).
func (s *scanner) hyphenCut(j int, run []part) int {
	for k, p := range run {
		if p.sep == " - " {
			if provinces[words.Joined(s.t.W, j, j+len(run))] {
				return len(run)
			}
			return k
		}
	}
	return len(run)
}

// personName reports whether the n words at k can be a personal name:
// three or four plain words after a surname ("Nguyễn Văn An"), or two
// ("Võ Hải").
func (s *scanner) personName(k, n int) bool {
	return n >= 2 && n <= 4 && surnames[s.t.W[k].Fold] && s.plain(k, k+n)
}

// provinceAt reports whether the n words at k start with a province name
// ("Hà Tĩnh Võ Hải" is a place and a person).
func (s *scanner) provinceAt(k, n int) bool {
	for m := 2; m <= 4 && m <= n; m++ {
		if provinces[words.Joined(s.t.W, k, k+m)] {
			return true
		}
	}
	return false
}

// plain reports whether words i..j-1 are separated by spaces only, as the
// words of a personal name are.
func (s *scanner) plain(i, j int) bool {
	for k := i; k+1 < j; k++ {
		if s.t.Gap(k) != "" {
			return false
		}
	}
	return true
}

// capsName reads a place in a text written in capitals, where case does
// not show where the name ends: two words, or a longer known name.
func (s *scanner) capsName(j int) (string, int) {
	_, n := threeSyllablePlaces.Match(s.t, j)
	if n == 0 {
		n = 2
		if j+1 >= len(s.t.W) || !s.t.W[j+1].Upper || s.t.Gap(j) != "" {
			n = 1
		}
	}
	parts := make([]string, n)
	for k := range n {
		parts[k] = titleCase(s.t.Orig(j+k, j+k+1))
	}
	return strings.Join(parts, " "), j + n
}

// titleCase writes a word of a name with a capital and the rest lower
// case, NFC and new tone placement: "QUẾ" → "Quế", "Thuỷ" → "Thủy".
func titleCase(w string) string {
	w = strings.ToLower(analyzers.NormalizeCase(w))
	r, size := utf8.DecodeRuneInString(w)
	return string(unicode.ToUpper(r)) + w[size:]
}
