package search

import (
	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Near matching: where a document holds a quote remembered with a word
// wrong. A journalist rarely has the exact words, so a quoted phrase that no
// article holds verbatim is looked for with a few edits — a syllable
// different, missing, added, or two neighbours swapped — or split in two
// parts that the article writes apart (two sentences, a clause between).

// Bounds of near matching.
const (
	// minNearWords is the shortest phrase looked for with edits: below
	// it, one edit leaves too little of the phrase to recognize it.
	minNearWords = 4
	// nearWordsPerEdit is how many syllables of a phrase earn one more
	// edit beyond the first: a phrase of 4–9 syllables may have one, of
	// 10–15 two, and so on.
	nearWordsPerEdit = 6
	// maxSplitGap is the most syllables a split quote may have between
	// its two parts.
	maxSplitGap = 40
	// minSplitPart is the shortest part of a split quote.
	minSplitPart = 3
	// pairsPerEdit is how many of a phrase's pairs one edit may break: a
	// syllable swapped with its neighbour breaks three.
	pairsPerEdit = 3
)

// maxEdits is how many edits a phrase of n syllables may have and still be
// the phrase remembered.
func maxEdits(n int) int {
	if n < minNearWords {
		return 0
	}
	return 1 + (n-minNearWords)/nearWordsPerEdit
}

// nearMatch is where a document holds a phrase approximately, in syllable
// indexes [start, end) of the document.
type nearMatch struct {
	start, end int
	edits      int  // syllables different, missing, added, or neighbours swapped
	split      bool // the phrase stands in two parts with other words between
}

// better reports whether m is a closer match than o: fewer edits, and an
// unsplit phrase before a split one.
func (m nearMatch) better(o nearMatch) bool {
	if m.split != o.split {
		return !m.split
	}
	return m.edits < o.edits
}

// alignNear finds where doc holds q with at most limit edits, or split in
// two exact parts; doc and q are syllables in one form (both folded, or
// both exact). Only the neighbourhoods of the query's syllable pairs are
// aligned, so the work follows the number of pair occurrences, not the
// length of doc.
func alignNear(q, doc []string, limit int) (nearMatch, bool) {
	m := len(q)
	if m < minNearWords || len(doc) == 0 {
		return nearMatch{}, false
	}
	anchors := pairAnchors(q, doc)
	var best nearMatch
	found := false
	for _, r := range regions(anchors, len(doc), m+limit) {
		if nm, ok := alignRegion(q, doc[r.start:r.end], limit); ok {
			nm.start += r.start
			nm.end += r.start
			if !found || nm.better(best) {
				best, found = nm, true
			}
		}
	}
	if found && best.edits == 0 {
		return best, true
	}
	if sm, ok := splitMatch(q, doc, anchors); ok && (!found || sm.better(best)) {
		return sm, true
	}
	return best, found
}

// pairAnchors returns the indexes i of doc where doc[i], doc[i+1] is a pair
// of consecutive syllables of q.
func pairAnchors(q, doc []string) []int {
	pairs := make(map[[2]string]bool, len(q))
	for i := 0; i+1 < len(q); i++ {
		pairs[[2]string{q[i], q[i+1]}] = true
	}
	var out []int
	for i := 0; i+1 < len(doc); i++ {
		if pairs[[2]string{doc[i], doc[i+1]}] {
			out = append(out, i)
		}
	}
	return out
}

// regions merges the windows of radius around each anchor into disjoint
// ranges of [0, n).
func regions(anchors []int, n, radius int) []window {
	var out []window
	for _, a := range anchors {
		w := window{max(0, a-radius), min(n, a+radius+2)}
		if k := len(out) - 1; k >= 0 && w.start <= out[k].end {
			out[k].end = max(out[k].end, w.end)
			continue
		}
		out = append(out, w)
	}
	return out
}

// alignRegion is a semi-global alignment of q against doc: the fewest edits
// (optimal string alignment: substitution, deletion, insertion, transposing
// neighbours) turning q into some run of doc, when at most limit.
func alignRegion(q, doc []string, limit int) (nearMatch, bool) {
	m, n := len(q), len(doc)
	// Rows j-2, j-1 and j of the edit table, with where each alignment
	// starts in doc.
	rows := [3][]int{make([]int, n+1), make([]int, n+1), make([]int, n+1)}
	starts := [3][]int{make([]int, n+1), make([]int, n+1), make([]int, n+1)}
	for i := range n + 1 {
		rows[0][i], starts[0][i] = 0, i // the empty phrase matches anywhere
	}
	for j := 1; j <= m; j++ {
		cur, prev, prev2 := rows[j%3], rows[(j-1)%3], rows[(j+1)%3]
		cs, ps, ps2 := starts[j%3], starts[(j-1)%3], starts[(j+1)%3]
		cur[0], cs[0] = j, 0
		for i := 1; i <= n; i++ {
			cost := 1
			if q[j-1] == doc[i-1] {
				cost = 0
			}
			d, s := prev[i-1]+cost, ps[i-1]
			if v := prev[i] + 1; v < d { // q's syllable missing from doc
				d, s = v, ps[i]
			}
			if v := cur[i-1] + 1; v < d { // a syllable added in doc
				d, s = v, cs[i-1]
			}
			if j > 1 && i > 1 && q[j-1] == doc[i-2] && q[j-2] == doc[i-1] && q[j-1] != q[j-2] {
				if v := prev2[i-2] + 1; v < d { // neighbours swapped
					d, s = v, ps2[i-2]
				}
			}
			cur[i], cs[i] = d, s
		}
	}
	last, ls := rows[m%3], starts[m%3]
	best := nearMatch{edits: limit + 1}
	for i := 1; i <= n; i++ {
		// Prefer the fewest edits, then the shortest run.
		if last[i] < best.edits || (last[i] == best.edits && i-ls[i] < best.end-best.start) {
			best = nearMatch{start: ls[i], end: i, edits: last[i]}
		}
	}
	return best, best.edits <= limit
}

// splitMatch finds q written in two exact parts, each of minSplitPart
// syllables or more, the second beginning at most maxSplitGap syllables
// after the first ends.
func splitMatch(q, doc []string, anchors []int) (nearMatch, bool) {
	var best nearMatch
	found := false
	for cut := minSplitPart; cut+minSplitPart <= len(q); cut++ {
		head, tail := q[:cut], q[cut:]
		for _, a := range anchors {
			if a+len(head) > len(doc) || !equalRun(doc[a:a+len(head)], head) {
				continue
			}
			from := a + len(head)
			for b := from; b <= min(from+maxSplitGap, len(doc)-len(tail)); b++ {
				if equalRun(doc[b:b+len(tail)], tail) {
					nm := nearMatch{start: a, end: b + len(tail), edits: 1, split: true}
					if !found || nm.end-nm.start < best.end-best.start {
						best, found = nm, true
					}
					break
				}
			}
		}
	}
	return best, found
}

func equalRun(a, b []string) bool {
	for i := range b {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// nearPhrase is a phrase looked for with edits: its syllables folded and
// as typed, and the edits it may have.
type nearPhrase struct {
	text          string
	folded, exact []string
	limit         int
}

// newNearPhrase prepares text for near matching; false when it is too
// short to be recognized with an edit.
func newNearPhrase(text string) (nearPhrase, bool) {
	p := nearPhrase{text: text, folded: foldedTerms(text)}
	p.limit = maxEdits(len(p.folded))
	if p.limit == 0 {
		return nearPhrase{}, false
	}
	if analyzers.HasDiacritics(text) {
		p.exact = exactTerms(text)
		if len(p.exact) != len(p.folded) {
			p.exact = nil
		}
	}
	return p, true
}

// exactTerms returns the terms of text with their diacritics, one per
// position.
func exactTerms(text string) []string {
	toks := firstAtPosition(analyzers.Analyze(text))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// pairs scores the documents by the phrase's folded pairs they hold:
// how much of the phrase stands in order in them, a term score. min of
// them must match (0: any).
func (p nearPhrase) pairs(boost float64, min int) bq.Query {
	seen := map[string]bool{}
	var qs []bq.Query
	for i := 0; i+1 < len(p.folded); i++ {
		term := p.folded[i] + pairSep + p.folded[i+1]
		if !seen[term] {
			seen[term] = true
			qs = append(qs, fieldTerm(term, fieldFoldedPairs, boost))
		}
	}
	d := bleve.NewDisjunctionQuery(qs...)
	if min > 0 {
		d.SetMin(float64(max(1, min)))
	}
	return d
}

// candidates matches the documents holding enough of the phrase's pairs
// to hold it with its edits: each edit breaks pairsPerEdit pairs at most.
func (p nearPhrase) candidates() bq.Query {
	return p.pairs(1, max(1, len(p.folded)-1-pairsPerEdit*p.limit))
}

// nearRank orders the documents holding phrases approximately: unsplit
// before split, then by edits on the folded syllables, then by edits on
// the syllables as typed.
type nearRank struct {
	split             bool
	edits, exactEdits int
}

func (r nearRank) less(o nearRank) bool {
	if r.split != o.split {
		return !r.split
	}
	if r.edits != o.edits {
		return r.edits < o.edits
	}
	return r.exactEdits < o.exactEdits
}

// alignHit finds every phrase of ps approximately in the stored title,
// lead or body of h, and ranks the hit by the sum of their edits.
func alignHit(h *bsearch.DocumentMatch, ps []nearPhrase, cache analyzedHits) (nearRank, bool) {
	texts := cache.of(h)
	var total nearRank
	for _, p := range ps {
		r, ok := alignTexts(p, texts)
		if !ok {
			return nearRank{}, false
		}
		total.split = total.split || r.split
		total.edits += r.edits
		total.exactEdits += r.exactEdits
	}
	return total, true
}

// alignTexts returns the best near match of p in any of texts.
func alignTexts(p nearPhrase, texts []analyzedText) (nearRank, bool) {
	var best nearRank
	found := false
	for _, t := range texts {
		syll := make([]string, len(t.toks))
		for i, tok := range t.toks {
			syll[i] = tok.Term
		}
		m, ok := alignNear(p.folded, syll, p.limit)
		if !ok {
			continue
		}
		r := nearRank{split: m.split, edits: m.edits}
		if p.exact != nil && m.end > m.start {
			run := exactTerms(t.text[t.toks[m.start].Start:t.toks[m.end-1].End])
			r.exactEdits = editsBetween(p.exact, run)
		}
		if !found || r.less(best) {
			best, found = r, true
		}
	}
	return best, found
}

// editsBetween is the optimal-string-alignment distance between two runs
// of syllables: the fewest substitutions, deletions, insertions and
// swaps of neighbours turning a into b.
func editsBetween(a, b []string) int {
	rows := [3][]int{make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)}
	for i := range rows[0] {
		rows[0][i] = i
	}
	for j := 1; j <= len(a); j++ {
		cur, prev, prev2 := rows[j%3], rows[(j-1)%3], rows[(j+1)%3]
		cur[0] = j
		for i := 1; i <= len(b); i++ {
			cost := 1
			if a[j-1] == b[i-1] {
				cost = 0
			}
			d := min(prev[i-1]+cost, prev[i]+1, cur[i-1]+1)
			if j > 1 && i > 1 && a[j-1] == b[i-2] && a[j-2] == b[i-1] {
				d = min(d, prev2[i-2]+1)
			}
			cur[i] = d
		}
	}
	return rows[len(a)%3][len(b)]
}
