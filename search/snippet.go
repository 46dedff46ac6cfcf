package search

import (
	"html"
	"sort"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers"
)

// Snippet shape.
const (
	snippetBytes    = 320 // window of text around matches (≈ 2 lines)
	maxSnippets     = 2
	fallbackSnippet = 240
)

// maxScanBytes bounds the text of each stored segment (lead, body) of a
// hit that snippets, highlighting and suggestions analyze: matches are
// looked for in its first maxScanBytes, so a 15 MB article costs what a
// long ordinary one does.
const maxScanBytes = 64 << 10

// scannedBytes counts the bytes of hit text analyzed since the process
// started; tests assert the bound on it.
var scannedBytes atomic.Int64

// scanned returns the part of a stored text that per-hit work analyzes
// (its first maxScanBytes, cut on a rune boundary) and counts it.
func scanned(text string) string {
	text = prefix(text, maxScanBytes)
	scannedBytes.Add(int64(len(text)))
	return text
}

// prefix returns the first n bytes of text at most, cut on a rune
// boundary.
func prefix(text string, n int) string {
	if len(text) <= n {
		return text
	}
	return text[:runeStart(text, n)]
}

// span is a match in a text, in byte offsets.
type span struct {
	start, end int
	pos, last  int    // token positions of the first and last term covered
	key        string // the folded term: spans with one key are one term
	exact      bool   // the text has the diacritics the query word was typed with
}

// snippets cuts up to maxSnippets fragments of the lead and body around the
// matches, HTML-escaped with the matches in <mark>. Where a run of query
// words occurs as a phrase, only the phrase is marked, not every occurrence
// of its words. An article whose text did not match shows the start of its
// lead or body. Only the first maxScanBytes of each text are read.
func snippets(a *Article, hl *highlighter, texts *hitTexts) []string {
	segs := texts.segs[1:]
	spans := make([][]span, len(segs))
	for i, seg := range segs {
		if len(hl.folded) > 0 && seg.text != "" {
			t := texts.segment(i + 1)
			spans[i] = hl.spans(t.text, texts.tokens[i+1])
		}
	}
	hl.preferPhrases(segs, spans)
	var out []string
	for i, seg := range segs {
		spans := spans[i]
		for _, w := range bestWindows(seg.text, spans, maxSnippets-len(out)) {
			out = append(out, render(seg.text, w, spans))
		}
		if len(out) == maxSnippets {
			break
		}
	}
	if len(out) == 0 {
		text := a.Lead
		if text == "" {
			text = a.Body
		}
		if text != "" {
			out = append(out, render(text, window{0, cutAtSpace(text, fallbackSnippet)}, nil))
		}
	}
	if out == nil {
		out = []string{}
	}
	return out
}

// highlighter finds the query's words in the text of a hit by analyzing
// it again: cheaper than term locations for every matching document, and
// the same analyzers, so the same matches.
type highlighter struct {
	folded map[string]bool   // folded terms of the query words and equivalents
	typed  map[string]bool   // folded terms of the words typed
	exact  map[string]string // folded term → vi term, for words typed with diacritics
	runs   [][]string        // folded terms of each multi-word run or phrase, and of each equivalent
	alts   int               // runs[:alts] are equivalents
}

// newHighlighter prepares the highlighting of texts, each a word, a run
// of words or a phrase of the query, and of their vocabulary equivalents
// alts, which are marked only where they stand whole.
func newHighlighter(texts []string, alts ...string) *highlighter {
	hl := &highlighter{folded: map[string]bool{}, typed: map[string]bool{}, exact: map[string]string{}}
	for _, alt := range alts {
		run := foldedTerms(alt)
		for _, t := range run {
			hl.folded[t] = true
		}
		if len(run) > 0 {
			hl.runs = append(hl.runs, run)
		}
	}
	hl.alts = len(hl.runs)
	for _, text := range texts {
		vi := firstAtPosition(analyzers.Analyze(text))
		folded := firstAtPosition(analyzers.AnalyzeFolded(text))
		var run []string
		for i, t := range folded {
			hl.folded[t.Term] = true
			hl.typed[t.Term] = true
			run = append(run, t.Term)
			if len(vi) == len(folded) && analyzers.HasDiacritics(text[t.Start:t.End]) {
				hl.exact[t.Term] = vi[i].Term
			}
		}
		if len(run) > 1 {
			hl.runs = append(hl.runs, run)
		}
	}
	return hl
}

// spans returns the matches of the query words in text, whose folded
// tokens are folded: a word typed with diacritics marks its exact form
// when the text holds it, every folded form otherwise.
//
// A word typed with diacritics is checked where it matches, by normalizing
// that word of the text alone (the vi analyzer's filter on the same token),
// not by analyzing the whole text a second time.
func (hl *highlighter) spans(text string, folded []analyzers.Token) []span {
	var spans []span
	hasExact := map[string]bool{}
	for _, t := range folded {
		if !hl.folded[t.Term] {
			continue
		}
		spans = append(spans, span{start: t.Start, end: t.End, pos: t.Position, last: t.Position, key: t.Term})
		if want, ok := hl.exact[t.Term]; ok && analyzers.Normalize(text[t.Start:t.End]) == want {
			hasExact[t.Term] = true
			spans[len(spans)-1].exact = true
		}
	}
	kept := spans[:0]
	for _, s := range spans {
		if !hasExact[s.key] || s.exact {
			kept = append(kept, s)
		}
	}
	return mergeSpans(kept)
}

// preferPhrases drops the spans of words that belong to a multi-word run
// found as a phrase somewhere in the article, except where they form that
// phrase, and the spans of equivalents' words outside whole equivalents.
func (hl *highlighter) preferPhrases(segs []segment, spans [][]span) {
	phraseWords := map[string]bool{}
	wins := make([][]window, len(segs))
	for r, want := range hl.runs {
		found := false
		for i := range segs {
			m := phraseMatches(spans[i], want)
			wins[i] = append(wins[i], m...)
			found = found || len(m) > 0
		}
		if !found {
			continue
		}
		for _, t := range want {
			phraseWords[t] = true
		}
		if r < hl.alts { // an equivalent stands for the typed runs' words
			for _, typed := range hl.runs[hl.alts:] {
				for _, t := range typed {
					phraseWords[t] = true
				}
			}
		}
	}
	for i := range spans {
		kept := spans[i][:0]
		for _, s := range spans[i] {
			if inside(s, wins[i]) || (hl.typed[s.key] && !phraseWords[s.key]) {
				kept = append(kept, s)
			}
		}
		spans[i] = kept
	}
}

func inside(s span, wins []window) bool {
	for _, w := range wins {
		if s.start >= w.start && s.end <= w.end {
			return true
		}
	}
	return false
}

// phraseMatches finds the runs of spans at consecutive positions whose
// keys spell want, as windows over the text.
func phraseMatches(spans []span, want []string) []window {
	var out []window
	n := len(want)
	for i := 0; i+n <= len(spans); i++ {
		ok := true
		for j := 0; j < n && ok; j++ {
			ok = spans[i+j].key == want[j] && (j == 0 || spans[i+j].pos == spans[i+j-1].last+1)
		}
		if ok {
			out = append(out, window{spans[i].start, spans[i+n-1].end})
		}
	}
	return out
}

// mergeSpans joins overlapping spans (a document number and its parts)
// of a sorted list.
func mergeSpans(spans []span) []span {
	merged := spans[:0]
	for _, s := range spans {
		if n := len(merged); n > 0 && s.start < merged[n-1].end {
			merged[n-1].end = max(merged[n-1].end, s.end)
			merged[n-1].last = max(merged[n-1].last, s.last)
			continue
		}
		merged = append(merged, s)
	}
	return merged
}

// window is a byte range of a text.
type window struct{ start, end int }

// bestWindows picks up to n non-overlapping windows holding the most
// distinct matched terms, then the most matches, earliest first on ties.
func bestWindows(text string, spans []span, n int) []window {
	var out []window
	used := make([]bool, len(spans))
	for len(out) < n {
		best, bestScore := -1, 0
		for i := range spans {
			if used[i] {
				continue
			}
			if sc := windowScore(spans, used, i); sc > bestScore {
				best, bestScore = i, sc
			}
		}
		if best < 0 {
			break
		}
		w := expand(text, spans[best].start, snippetBytes)
		for j := range spans {
			if spans[j].start < w.end && spans[j].end > w.start {
				used[j] = true
			}
		}
		out = append(out, w)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// windowScore scores the window that starts at span i.
func windowScore(spans []span, used []bool, i int) int {
	keys := map[string]bool{}
	count := 0
	for j := i; j < len(spans) && spans[j].end <= spans[i].start+snippetBytes; j++ {
		if !used[j] {
			keys[spans[j].key] = true
			count++
		}
	}
	return len(keys)*100 + count
}

// expand grows a window of about size bytes around a match at start: a
// little context before it, cut on spaces, on rune boundaries.
func expand(text string, start, size int) window {
	from := start - size/5
	if from <= 0 {
		from = 0
	} else if i := strings.LastIndexAny(text[:start], ".!?\n"); i >= from-size/5 && i >= 0 {
		from = i + 1
	} else if i := strings.IndexByte(text[from:start], ' '); i >= 0 {
		from += i + 1
	}
	for from < len(text) && (text[from] == ' ' || text[from] == '\n') {
		from++
	}
	from = runeStart(text, from)
	return window{from, cutAtSpace(text[from:], size) + from}
}

// cutAtSpace returns the byte length of text cut to at most size bytes at
// a space (or a rune boundary when there is none).
func cutAtSpace(text string, size int) int {
	if len(text) <= size {
		return len(text)
	}
	if i := strings.LastIndexByte(text[:size], ' '); i > size/2 {
		return i
	}
	return runeStart(text, size)
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}

// render escapes text[w] and marks the spans inside it.
func render(text string, w window, spans []span) string {
	var b strings.Builder
	if w.start > 0 {
		b.WriteString("… ")
	}
	pos := w.start
	for _, s := range joinAdjacent(text, spans, w) {
		b.WriteString(html.EscapeString(flat(text[pos:s.start])))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(flat(text[s.start:s.end])))
		b.WriteString("</mark>")
		pos = s.end
	}
	b.WriteString(html.EscapeString(flat(text[pos:w.end])))
	if w.end < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// joinAdjacent returns the spans inside w, with spans separated only by
// spaces joined, so a matched phrase is marked as one.
func joinAdjacent(text string, spans []span, w window) []span {
	var out []span
	for _, s := range spans {
		if s.start < w.start || s.end > w.end {
			continue
		}
		if n := len(out); n > 0 && strings.Trim(text[out[n-1].end:s.start], " ") == "" {
			out[n-1].end = s.end
			continue
		}
		out = append(out, s)
	}
	return out
}

// flat turns line breaks into spaces: a snippet is one paragraph.
func flat(s string) string { return strings.ReplaceAll(s, "\n", " ") }
