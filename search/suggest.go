package search

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Suggest completes the last word of a prefix typed in the search box,
// returning at most n queries, the most frequent first. After one or more
// words it completes from the text that follows those words in the index
// (restoring their diacritics); a lone word completes from the term
// dictionary.
func (ix *Index) Suggest(ctx context.Context, prefix string, n int) ([]string, error) {
	words := strings.Fields(prefix)
	if len(words) == 0 || n <= 0 || len(prefix) > MaxQueryBytes || strings.HasSuffix(prefix, " ") {
		return []string{}, nil
	}
	head, last := strings.Join(words[:len(words)-1], " "), words[len(words)-1]
	key := analyzers.Fold(last)
	if key == "" {
		return []string{}, nil
	}
	if head != "" {
		out, err := ix.completePhrase(ctx, head, key, n)
		if err != nil || len(out) > 0 {
			return out, err
		}
		head += " "
	}
	terms, err := ix.terms.get(ctx, ix.bleve)
	if err != nil {
		return nil, err
	}
	cands := terms.withPrefix(key)
	out := []string{}
	for _, c := range cands[:min(n, len(cands))] {
		out = append(out, head+c.term)
	}
	return out, nil
}

// completeHits is how many documents a phrase completion reads.
const completeHits = 100

// completePhrase finds head as a folded phrase and completes it with the
// word that follows it in the text when that word starts with key.
func (ix *Index) completePhrase(ctx context.Context, head, key string, n int) ([]string, error) {
	want := foldedTerms(head)
	if len(want) == 0 {
		return nil, nil
	}
	res, err := ix.foldedPhrase(ctx, head, completeHits)
	if err != nil {
		return nil, err
	}
	texts, err := analyzedHits{}.texts(ctx, res.Hits)
	if err != nil {
		return nil, err
	}
	counts := map[string]int{}
	for _, t := range texts {
		for _, m := range t.all(want) {
			next := nextWord(t.text[m.end:])
			if next != "" && strings.HasPrefix(analyzers.Fold(next), key) {
				counts[analyzers.Normalize(t.text[m.start:m.end]+" "+next)]++
			}
		}
	}
	out := make([]string, 0, len(counts))
	for s := range counts {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool {
		if counts[out[i]] != counts[out[j]] {
			return counts[out[i]] > counts[out[j]]
		}
		return out[i] < out[j]
	})
	return out[:min(n, len(out))], nil
}

// nextWord returns the word right after a single space at the start of s.
func nextWord(s string) string {
	if !strings.HasPrefix(s, " ") {
		return ""
	}
	s = s[1:]
	end := strings.IndexFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
	})
	if end < 0 {
		end = len(s)
	}
	return s[:end]
}

// suggestion proposes a better query: the words with their diacritics
// restored from the hits that matched them, or a correction of words the
// index does not know. It returns "" when it has nothing better, or
// when ctx is done.
func (ix *Index) suggestion(ctx context.Context, c *compiled, res *bleve.SearchResult, cache analyzedHits) string {
	if len(c.show.textRuns) == 0 || ctx.Err() != nil {
		return ""
	}
	terms, err := ix.terms.get(ctx, ix.bleve)
	if err != nil {
		return ""
	}
	var texts analyzedTexts
	for _, run := range c.show.textRuns {
		if !analyzers.HasDiacritics(run) {
			if texts, err = cache.texts(ctx, res.Hits); err != nil {
				return ""
			}
			break
		}
	}
	var parts []string
	changed := false
	for _, run := range c.show.textRuns {
		s := run
		if !analyzers.HasDiacritics(run) {
			s = restore(run, terms, texts)
		}
		if res.Total == 0 {
			s = terms.correct(s)
		}
		if s != run {
			changed = true
		}
		parts = append(parts, s)
	}
	if !changed {
		return ""
	}
	return strings.Join(parts, " ")
}

// maxRestoreWords bounds the runs restored phrase by phrase; longer runs
// past the whole-run try are restored word by word.
const maxRestoreWords = 16

// restore puts diacritics back on a run typed without them: as the texts
// of the hits of the search write it, when they hold it as a phrase (the
// adjacency bonus ranks such hits first, so no other document needs
// reading); else, from left to right, the longest parts of it the hits
// hold as phrases, and word by word from the term dictionary where they
// hold none.
func restore(run string, terms *terms, texts analyzedTexts) string {
	if s, ok := texts.find(foldedTerms(run)); ok {
		return analyzers.NormalizeCase(s)
	}
	words := strings.Fields(run)
	var out []string
	for i := 0; i < len(words); {
		j := min(len(words), i+maxRestoreWords)
		for ; j > i+1; j-- {
			if s, ok := texts.find(foldedTerms(strings.Join(words[i:j], " "))); ok {
				out = append(out, analyzers.NormalizeCase(s))
				break
			}
		}
		if j == i+1 {
			out = append(out, restoreWord(words, i, terms, texts))
		}
		i = j
	}
	return strings.Join(out, " ")
}

// restoreWord restores the diacritics of words[i], which no span of
// the run around it matched: from the hits' texts when they hold it one
// word away from its neighbour's neighbour (the word between is the one
// remembered wrong: "de muoi lan" restores "de" from "Dễ trăm lần"), else
// as the index's commonest form.
func restoreWord(words []string, i int, terms *terms, texts analyzedTexts) string {
	w := foldedTerms(words[i])
	if len(w) == 1 {
		if i+2 < len(words) {
			if next := foldedTerms(words[i+2]); len(next) > 0 {
				if s, ok := texts.wordIn([]string{w[0], "", next[0]}, 0); ok {
					return analyzers.NormalizeCase(s)
				}
			}
		}
		if i >= 2 {
			if prev := foldedTerms(words[i-2]); len(prev) > 0 {
				if s, ok := texts.wordIn([]string{prev[len(prev)-1], "", w[0]}, 2); ok {
					return analyzers.NormalizeCase(s)
				}
			}
		}
	}
	if e, ok := terms.best[analyzers.Fold(words[i])]; ok {
		return e.term
	}
	return words[i]
}

// wordIn returns the commonest form the texts give the k-th word of the
// folded phrase want, where "" stands for any word.
func (ts analyzedTexts) wordIn(want []string, k int) (string, bool) {
	var c commonest
	for _, t := range ts {
		for i := 0; i+len(want) <= len(t.toks); i++ {
			j := 0
			for j < len(want) && (want[j] == "" || t.toks[i+j].Term == want[j]) {
				j++
			}
			if j < len(want) {
				continue
			}
			tok := t.toks[i+k]
			c.add(t.text[tok.Start:tok.End])
		}
	}
	return c.get()
}

// analyzedText is a stored text with its folded tokens, one per position.
type analyzedText struct {
	text string
	toks []analyzers.Token
}

// analyzedTexts are the texts of some hits, analyzed once for many
// phrase look-ups.
type analyzedTexts []analyzedText

// analyzedHits are the analyzed texts of the hits of one request, each
// text of a hit analyzed once however often it is aligned, read for a
// suggestion or highlighted.
type analyzedHits map[string]*hitTexts

// hitTexts are the stored title, lead and body of a hit, each analyzed
// when first read: its folded tokens one per position (texts), and every
// token, a document number's whole beside its first part (tokens, what
// highlighting marks).
type hitTexts struct {
	segs   []segment
	texts  [3]*analyzedText
	tokens [3][]analyzers.Token
}

// hit returns the texts of the hit id whose stored title, lead and body
// these are.
func (a analyzedHits) hit(id, title, lead, body string) *hitTexts {
	if t, ok := a[id]; ok {
		return t
	}
	t := &hitTexts{segs: segments(title, lead, body)}
	a[id] = t
	return t
}

// segment returns the i-th text of the hit (0 title, 1 lead, 2 body): the
// first maxScanBytes of it, analyzed.
func (t *hitTexts) segment(i int) *analyzedText {
	if t.texts[i] == nil {
		text := scanned(t.segs[i].text)
		all := analyzers.AnalyzeFolded(text)
		t.texts[i], t.tokens[i] = &analyzedText{text, firstAtPosition(all)}, all
	}
	return t.texts[i]
}

// of returns the stored title, lead and body of h that are not empty (the
// first maxScanBytes of each), analyzed.
func (a analyzedHits) of(h *bsearch.DocumentMatch) []analyzedText {
	t := a.hit(h.ID, str(h.Fields[fieldTitle]), str(h.Fields[fieldLead]), str(h.Fields[fieldBody]))
	var texts []analyzedText
	for i, seg := range t.segs {
		if seg.text != "" {
			texts = append(texts, *t.segment(i))
		}
	}
	return texts
}

// texts returns the analyzed texts of hits, stopping with ctx's error
// when it is done.
func (a analyzedHits) texts(ctx context.Context, hits bsearch.DocumentMatchCollection) (analyzedTexts, error) {
	var out analyzedTexts
	for _, h := range hits {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		out = append(out, a.of(h)...)
	}
	return out, nil
}

// find returns how the texts most often write the folded terms want as
// a phrase: writings are counted by their canonical lowercase form, and
// the first writing of the most counted form is returned.
func (ts analyzedTexts) find(want []string) (string, bool) {
	var c commonest
	for _, t := range ts {
		for _, m := range t.all(want) {
			c.add(t.text[m.start:m.end])
		}
	}
	return c.get()
}

// commonest counts the forms of a text by their canonical form and keeps
// the first spelling of each.
type commonest struct {
	counts map[string]int
	first  map[string]string
	best   string
}

// add counts one occurrence of s.
func (c *commonest) add(s string) {
	if c.counts == nil {
		c.counts, c.first = map[string]int{}, map[string]string{}
	}
	key := analyzers.Normalize(s)
	if _, ok := c.first[key]; !ok {
		c.first[key] = s
	}
	c.counts[key]++
	if c.counts[key] > c.counts[c.best] {
		c.best = key
	}
}

// get returns the first spelling of the commonest form, false when none
// was added.
func (c *commonest) get() (string, bool) {
	return c.first[c.best], c.best != ""
}

// all returns every occurrence of the folded terms want as a phrase.
func (t analyzedText) all(want []string) []window {
	if len(want) == 0 {
		return nil
	}
	var out []window
	for i := 0; i+len(want) <= len(t.toks); i++ {
		j := 0
		for j < len(want) && t.toks[i+j].Term == want[j] {
			j++
		}
		if j == len(want) {
			out = append(out, window{t.toks[i].Start, t.toks[i+j-1].End})
		}
	}
	return out
}

// foldedTerms returns the folded terms of text, one per position.
func foldedTerms(text string) []string {
	toks := firstAtPosition(analyzers.AnalyzeFolded(text))
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// foldedPhrase searches the folded text fields for a phrase, loading the
// text of the best size documents.
func (ix *Index) foldedPhrase(ctx context.Context, phrase string, size int) (*bleve.SearchResult, error) {
	var q bq.Query
	if p := foldedPairPhrase(phrase, 1); p != nil {
		q = p
	} else {
		toks := analyzers.AnalyzeFolded(phrase)
		if len(toks) == 0 {
			return &bleve.SearchResult{}, nil
		}
		q = fieldTerm(toks[0].Term, fieldText+foldedSuffix, 1)
	}
	sr := bleve.NewSearchRequestOptions(q, size, 0, false)
	sr.Fields = []string{fieldTitle, fieldLead, fieldBody}
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil {
		return nil, fmt.Errorf("search phrase %q: %w", phrase, err)
	}
	return res, nil
}

// firstAtPosition drops the extra tokens stacked on one position (a
// document number's whole beside its first part).
func firstAtPosition(toks []analyzers.Token) []analyzers.Token {
	stacked := 0
	for i := 1; i < len(toks); i++ {
		if toks[i].Position == toks[i-1].Position {
			stacked++
		}
	}
	if stacked == 0 {
		return toks // the common case: shared, never written
	}
	out := make([]analyzers.Token, 0, len(toks)-stacked)
	for i, t := range toks {
		if i == 0 || t.Position != toks[i-1].Position {
			out = append(out, t)
		}
	}
	return out
}

// editDistance is the Levenshtein distance of two ASCII strings, or
// limit+1 once it exceeds limit.
func editDistance(a, b string, limit int) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
