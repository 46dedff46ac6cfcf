package search

import (
	"strings"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/query"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// marking is what a query shows rather than matches: the words and
// phrases its snippets highlight and the text its suggestion rewrites.
// It is derived from the parsed query apart from the bleve query compile
// builds, as bleve keeps search/highlight apart from search/query.
type marking struct {
	marks    []string // positive words, runs and phrases, to highlight
	altMarks []string // their vocabulary equivalents, highlighted only as whole phrases
	textRuns []string // positive text, for suggestions
}

// markings walks q's positive clauses in order: consecutive single words
// make one run, marked with its vocabulary rewordings; a quoted phrase or
// a word among alternatives is marked as typed, a phrase with its
// rewordings too. A phrase repeated in q counts once.
func markings(q *query.Query, vocab *synonym.Vocabulary) marking {
	var m marking
	var run []string
	flush := func() {
		if len(run) == 0 {
			return
		}
		text := strings.Join(run, " ")
		m.textRuns = append(m.textRuns, text)
		m.marks = append(m.marks, text)
		m.altMarks = append(m.altMarks, substitutions(run, vocab.Find(wordKeys(run)))...)
		run = nil
	}
	phrases := map[string]bool{}
	for _, clause := range q.Clauses {
		if clause.Not {
			flush()
			continue
		}
		if len(clause.Alts) == 1 && !clause.Alts[0].Phrase {
			run = append(run, clause.Alts[0].Text)
			continue
		}
		flush()
		if len(clause.Alts) == 1 {
			key := analyzers.Normalize(clause.Alts[0].Text)
			if phrases[key] {
				continue
			}
			phrases[key] = true
		}
		marked := false
		for _, t := range clause.Alts {
			if termQuery(t.Text, false) == nil {
				continue
			}
			marked = true
			m.marks = append(m.marks, t.Text)
			if t.Phrase {
				m.altMarks = append(m.altMarks, phraseExpansions(t.Text, vocab)...)
			}
		}
		if marked && len(clause.Alts) == 1 {
			m.textRuns = append(m.textRuns, clause.Alts[0].Text)
		}
	}
	flush()
	return m
}
