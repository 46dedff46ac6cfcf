package directive

import (
	"strconv"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// plenums maps a term (khóa) and a plenum (hội nghị Trung ương lần thứ N)
// to the document "Nghị quyết Trung ương N khóa X" means. Only plenums
// known by one document are listed; "Nghị quyết Trung ương 6 khóa XII"
// (four resolutions) is left unresolved.
var plenums = map[[2]int]string{
	{11, 4}: "12-NQ/TW@2012",
	{11, 9}: "33-NQ/TW",
	{12, 4}: "04-NQ/TW",
	{13, 4}: "21-KL/TW",
}

// centralCommittee names the Central Committee in a plenum.
var centralCommittee = words.NewDict(map[string]bool{
	"Trung ương": true, "TW": true, "T.Ư": true, "T.W": true, "BCH Trung ương": true, "BCH TW": true,
	"Ban Chấp hành Trung ương": true, "Ban Chấp hành Trung ương Đảng": true, "Trung ương Đảng": true,
})

// ordinals are the plenum numbers written as words: "lần thứ tư".
var ordinals = words.NewDict(map[string]int{
	"nhất": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8,
	"chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "mười ba": 13, "mười bốn": 14, "mười lăm": 15,
})

// plenum reads a plenum after the kind at words i..j-1 ("Trung ương 4
// khóa XII", "TW4 (khóa XI, XII, XIII)", "Hội nghị lần thứ tư Ban Chấp
// hành Trung ương khóa XII") and emits its documents. It returns the index
// after the plenum, or j when there is none.
func (s *scanner) plenum(i, j int, k kind) int {
	num, p := glued(s.t.W[i].Fold, "nqtw", "kltw"), j
	if num == 0 {
		if s.t.Is(p, "hoi") && s.t.Is(p+1, "nghi") {
			p += 2
		}
		num, p = s.plenumNumber(p)
	}
	if num == 0 {
		return j
	}
	end, terms := s.terms(p)
	if len(terms) == 0 && s.query {
		for t := range 20 {
			if _, ok := plenums[[2]int{t, num}]; ok {
				terms = append(terms, t)
			}
		}
	}
	for _, t := range terms {
		if id, ok := plenums[[2]int{t, num}]; ok {
			s.emit(i, end, []string{id})
		}
	}
	return end
}

// plenumNumber reads "Trung ương 4", "TW4", "Trung ương lần thứ 4" or
// "lần thứ tư Ban Chấp hành Trung ương" at word p.
func (s *scanner) plenumNumber(p int) (num, end int) {
	if p >= len(s.t.W) {
		return 0, p
	}
	if n := glued(s.t.W[p].Fold, "tw"); n > 0 {
		return n, p + 1
	}
	if _, n := centralCommittee.Match(s.t, p); n > 0 {
		num, end := s.ordinal(p + n)
		return num, end
	}
	num, end = s.ordinal(p)
	if num == 0 {
		return 0, p
	}
	if _, n := centralCommittee.Match(s.t, end); n > 0 {
		return num, end + n
	}
	return 0, p
}

// ordinal reads "4", "lần thứ 4" or "lần thứ tư" at word p.
func (s *scanner) ordinal(p int) (num, end int) {
	q := p
	if s.t.Is(q, "lan") && s.t.Is(q+1, "thu") {
		q += 2
		if v, n := ordinals.Match(s.t, q); n > 0 {
			return v, q + n
		}
	}
	if q < len(s.t.W) && s.t.W[q].Digits {
		if v, err := strconv.Atoi(s.t.W[q].Fold); err == nil && v > 0 && v < 20 {
			return v, q + 1
		}
	}
	return 0, p
}

// glued reads a plenum number glued to a prefix: "tw4", "nqtw4" → 4.
func glued(fold string, prefixes ...string) int {
	for _, pre := range prefixes {
		if rest, ok := strings.CutPrefix(fold, pre); ok && len(rest) > 0 && len(rest) <= 2 {
			if v, err := strconv.Atoi(rest); err == nil && v > 0 && v < 20 {
				return v
			}
		}
	}
	return 0
}

// terms reads "khóa XII", "(khóa XI, khóa XII, XIII)", "khóa XI và XII"
// at word p. It returns the index after them and the terms.
func (s *scanner) terms(p int) (int, []int) {
	if !s.t.Is(p, "khoa") || s.clauseBreak(p) {
		return p, nil
	}
	var terms []int
	end := p
	for q := p + 1; q < len(s.t.W); {
		t, ok := s.romanAt(q)
		if !ok {
			break
		}
		terms = append(terms, t)
		end = q + 1
		q = s.nextTerm(q)
	}
	return end, terms
}

// nextTerm skips the separator after the term at word q: ", ", " và ",
// " - ", ", khóa ".
func (s *scanner) nextTerm(q int) int {
	g := s.t.Gap(q)
	next := q + 1
	switch {
	case g == "" && s.t.Is(next, "va"):
		next++
	case g == "," || g == ";" || g == "-" || g == "/":
	default:
		return len(s.t.W)
	}
	if s.t.Is(next, "khoa") {
		next++
	}
	return next
}

// romanAt reads a term written as a Roman numeral (upper case in a text).
func (s *scanner) romanAt(q int) (int, bool) {
	if q >= len(s.t.W) || (!s.t.W[q].Upper && !s.query) {
		return 0, false
	}
	orig := strings.ToLower(s.t.Orig(q, q+1))
	if strings.Trim(orig, "ivx") != "" {
		return 0, false // the folded word may differ: "XY" folds to "xi"
	}
	return roman(orig)
}
