package directive

import (
	"sync"

	"github.com/vnsearch/vnsearch/analyzers/directive/words"
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
