package directive

import (
	"sync"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// Window of words around a mention compared with catalog titles.
const (
	subjectBefore = 12
	subjectAfter  = 30
)

// generic words make no bigram of a title on their own: "về các", "của
// Đảng" says nothing about which resolution is meant.
var generic = map[string]bool{
	"ve": true, "va": true, "cua": true, "cac": true, "trong": true, "mot": true, "so": true,
	"nhung": true, "den": true, "nam": true, "voi": true, "doi": true, "moi": true, "dang": true,
	"tinh": true, "hinh": true, "tiep": true, "tuc": true, "giai": true, "doan": true,
}

var titleBigrams = sync.OnceValue(func() map[string]map[string]bool {
	m := make(map[string]map[string]bool, len(cat.docs))
	for _, d := range cat.docs {
		m[d.ID] = bigrams(words.New(d.Title), 0, -1)
	}
	return m
})

// bigrams returns the folded word pairs of t.W[from:to] (to < 0: to the
// end), leaving out pairs of generic words and pairs across punctuation.
func bigrams(t *words.Text, from, to int) map[string]bool {
	if to < 0 || to > len(t.W) {
		to = len(t.W)
	}
	from = max(from, 0)
	set := make(map[string]bool)
	for k := from; k+1 < to; k++ {
		a, b := t.W[k].Fold, t.W[k+1].Fold
		if t.Gap(k) != "" || generic[a] && generic[b] {
			continue
		}
		set[a+" "+b] = true
	}
	return set
}

// bySubject picks the document whose title shares the most word pairs
// with the text around the mention at words i..j-1, if one leads.
func (s *scanner) bySubject(docs []Doc, i, j int) (Doc, bool) {
	around := bigrams(s.t, i-subjectBefore, j+subjectAfter)
	best, bestScore, tie := Doc{}, 0, false
	for _, d := range docs {
		score := 0
		for bg := range titleBigrams()[d.ID] {
			if around[bg] {
				score++
			}
		}
		switch {
		case score > bestScore:
			best, bestScore, tie = d, score, false
		case score == bestScore:
			tie = true
		}
	}
	return best, bestScore > 0 && !tie
}

// partyWords show that a text is about the party: a bare "Chỉ thị 21" in
// a text without any is a ministry's or a city's.
var partyWords = words.NewDict(map[string]bool{
	"Đảng": true, "đảng viên": true, "cấp ủy": true, "chi bộ": true, "đảng bộ": true, "Bộ Chính trị": true,
	"Ban Bí thư": true, "Trung ương": true, "Tỉnh ủy": true, "Thành ủy": true, "Huyện ủy": true,
	"Thị ủy": true, "Quận ủy": true, "Đảng ủy": true,
})

// subjectWords is how many words after "về" name a document's subject.
const subjectWords = 12

// plausible reports whether a bare kind + number ending before word j can
// be the catalog document sym: the text is about the party (or a central
// issuer follows the number), and the subject written after the number
// ("Chỉ thị 01 về chấn chỉnh hoạt động vận tải", "Nghị quyết 41 của Bộ
// Chính trị về định hướng chiến lược phát triển ngành dầu khí") does not
// contradict the document's title.
func (s *scanner) plausible(sym symbol, j int, central bool) bool {
	if !central && !s.partyText() {
		return false
	}
	about := s.aboutAfter(j)
	if len(about) < 2 {
		return true
	}
	for _, d := range cat.bySymbol[sym.String()] {
		for bg := range titleBigrams()[d.ID] {
			if about[bg] {
				return true
			}
		}
	}
	return false
}

// partyText reports whether the text names the party anywhere; computed
// once per text.
func (s *scanner) partyText() bool {
	if s.party == 0 {
		s.party = -1
		for k := range s.t.W {
			if _, n := partyWords.Match(s.t, k); n > 0 {
				s.party = 1
				break
			}
		}
	}
	return s.party > 0
}

// aboutAfter returns the word pairs of the subject written after the
// number ending before word j: "về" within a few words of it, in the same
// clause.
func (s *scanner) aboutAfter(j int) map[string]bool {
	for k := j; k < j+8 && k < len(s.t.W); k++ {
		if k > j && (s.clauseBreak(k) || s.mentionAt(k)) {
			return nil
		}
		if s.t.W[k].Fold == "ve" {
			return bigrams(s.t, k+1, k+1+subjectWords)
		}
	}
	return nil
}
