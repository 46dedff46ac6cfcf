package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/filter"
	"github.com/vnsearch/vnsearch/search/query"
	"github.com/vnsearch/vnsearch/search/synonym"
)

// Ranking weights. A term typed with diacritics matches the vi field
// (exact) and the folded field; exact matches score exactAccentBoost times
// more. Consecutive words found adjacent earn adjacencyBoost on top, and
// words found in the title titleBoost.
const (
	titleBoost     = 1.0
	expansionBoost = 0.5

	// minQuoteWords is the length from which a run of words is looked
	// for as a quote.
	minQuoteWords    = 5
	exactAccentBoost = 4.0
	// A phrase typed with diacritics scores its folded pairs' score
	// times exactPhraseBoost in an article holding it as typed and
	// otherPhraseBoost in one holding another spelling: the ratio the
	// exact pairs field gave (the exact pairs at exactAccentBoost, about
	// as many as the folded, beside the folded twice, against half the
	// folded alone).
	exactPhraseBoost = 2 + exactAccentBoost
	otherPhraseBoost = 0.5
	adjacencyBoost   = 16.0
	// proximityBoost weighs the query's pairs an article holds, in the
	// second pass of a run of words: how much of it stands in order.
	proximityBoost = 1.0
)

// compiled is a request turned into a bleve query.
type compiled struct {
	query bq.Query // the whole query
	// base is the query without the adjacency bonus, whose phrase checks
	// cost the most: the first pass of a rescored search (see Index.run).
	base    *bq.BooleanQuery
	phrases []bq.Query // the adjacency bonus clauses
	// quotes match runs of minQuoteWords words or more as phrases: a pasted quote.
	// The rescoring pass adds the best documents holding one to its window,
	// however low the first pass ranked them.
	quotes []bq.Query
	// typed are the forms typed of the clauses that also match as
	// vocabulary equivalents: the rescoring pass ranks the documents
	// holding all of them above the others.
	typed   []bq.Query
	hasText bool // some clause must match text: rank by relevance
	clauses map[string]bool
	// show is what the results highlight and the suggestion rewrites,
	// derived from the parsed query apart from the bleve query: set by
	// Index.prepare with markings.
	show marking
	// near are the quoted phrases looked for with edits when no article
	// holds them as written, relax the runs of words relaxed when the
	// articles holding all their words do not hold them nearly in order,
	// and loosen the clauses either replaces (see fallback).
	near, relax []nearPhrase
	loosen      []loosening
}

// compile turns a parsed query and the request's filters into one bleve
// query: text clauses score, filters only restrict. Forms of the
// vocabulary in positive words and phrases also match their equivalents,
// scoring expansionBoost as much as the form typed.
func compile(q *query.Query, f Filters, vocab *synonym.Vocabulary) (*compiled, error) {
	root := bleve.NewBooleanQuery()
	c := &compiled{}
	var run []string // consecutive positive single words
	flush := func() {
		if len(run) > 0 {
			c.addRun(root, run, vocab)
			run = nil
		}
	}
	for _, clause := range q.Clauses {
		if !clause.Not && len(clause.Alts) == 1 && !clause.Alts[0].Phrase {
			run = append(run, clause.Alts[0].Text)
			continue
		}
		flush()
		if !clause.Not && len(clause.Alts) == 1 && c.seen(`"`+clause.Alts[0].Text+`"`) {
			continue
		}
		alts := make([]bq.Query, 0, len(clause.Alts))
		for _, t := range clause.Alts {
			tq := termQuery(t.Text, clause.Not)
			if tq != nil && !clause.Not {
				if alts := phraseExpansions(t.Text, vocab); t.Phrase && len(alts) > 0 {
					if len(clause.Alts) == 1 {
						c.typed = append(c.typed, tq)
					}
					tq = withExpansions(tq, nil, alts)
				}
			}
			if tq != nil {
				alts = append(alts, tq)
			}
		}
		if len(alts) == 0 {
			continue
		}
		var cq bq.Query = alts[0]
		if len(alts) > 1 {
			cq = bleve.NewDisjunctionQuery(alts...)
		}
		if clause.Not {
			root.AddMustNot(cq)
			continue
		}
		root.AddMust(cq)
		c.hasText = true
		if len(clause.Alts) == 1 && clause.Alts[0].Phrase {
			if p, ok := newNearPhrase(clause.Alts[0].Text); ok {
				c.near = append(c.near, p)
				c.loosen = append(c.loosen, loosening{strict: []bq.Query{cq}, near: p.candidates()})
			}
		}
		if len(clause.Alts) == 1 {
			root.AddShould(titleQuery(clause.Alts[0].Text))
		}
	}
	flush()
	fq, err := filterQuery(q.Filters, f)
	if err != nil {
		return nil, err
	}
	if fq != nil {
		root.AddFilter(fq)
	}
	if root.Must == nil && root.Filter == nil {
		root.AddMust(bleve.NewMatchAllQuery())
	}
	guardShould(root)
	c.base = root
	c.query = c.withPhrases(nil)
	return c, nil
}

// withPhrases returns the base query with the adjacency bonus added, each
// bonus clause restricted to the documents in (all documents when in is
// nil), and the extra should clauses more. The restriction matters: a
// phrase clause moves to its next match at or after each candidate,
// checking positions all the way, unless a conjunction with a short id
// list keeps it on the candidates.
func (c *compiled) withPhrases(in bq.Query, more ...bq.Query) bq.Query {
	more = slices.DeleteFunc(more, func(q bq.Query) bool { return q == nil })
	if len(c.phrases) == 0 && len(more) == 0 {
		return c.base
	}
	full := *c.base
	full.Should = nil
	if s, ok := c.base.Should.(heldShould); ok { // compile guards the base's
		full.AddShould(s.Disjuncts...)
	}
	for _, p := range c.phrases {
		if in != nil {
			p = bleve.NewConjunctionQuery(in, p)
		}
		full.AddShould(p)
	}
	full.AddShould(more...)
	guardShould(&full)
	return &full
}

// recordedBase is the base query with the scores of its must clauses
// recorded into rec (see rescore.go).
func (c *compiled) recordedBase(rec *mustScores) bq.Query {
	if c.base.Must == nil {
		rec.ok = false
		return c.base
	}
	b := *c.base
	b.Must = recorded{c.base.Must, rec}
	return &b
}

// replayedBase is the base query with the must scores recorded in from
// replayed, on the snapshot they were recorded on, and the must scores of
// its matches in into (see replayedMust).
func (c *compiled) replayedBase(from, into *mustScores) bq.Query {
	if c.base.Must == nil {
		into.ok = false
		return c.base
	}
	b := *c.base
	b.Must = replayedMust{c.base.Must, from, into}
	return &b
}

// replaying returns q, the base query with more clauses, with its must
// clauses replaced by their recorded scores, or q itself when none were
// recorded.
func (c *compiled) replaying(q bq.Query, must replayed) bq.Query {
	b, ok := q.(*bq.BooleanQuery)
	if must.scores == nil || !ok || c.base.Must == nil || !replayMust {
		return q
	}
	replays.Add(1)
	r := *b
	r.Must = must
	return &r
}

// addRun adds consecutive positive words: each must match, a vocabulary
// form among them may match as any of its equivalents, and the words (or
// an equivalent wording) found adjacent earn the phrase bonus.
func (c *compiled) addRun(root *bq.BooleanQuery, words []string, vocab *synonym.Vocabulary) {
	text := strings.Join(words, " ")
	matches := vocab.Find(wordKeys(words))
	next := 0
	var musts []bq.Query
	run := &runWords{}
	for _, m := range matches {
		for _, w := range words[next:m.Start] {
			musts = appendQuery(musts, c.addWord(root, w, run))
		}
		var typed []bq.Query
		typedWords := &runWords{} // the form's words: its rarest scores
		for _, w := range words[m.Start:m.End] {
			if tq := termQuery(w, false); tq != nil {
				typed = append(typed, typedWords.word(tq))
			}
		}
		if len(typed) > 0 {
			form := bleve.NewConjunctionQuery(typed...)
			c.typed = append(c.typed, form)
			must := withExpansions(form, setQuery(m.Key), m.Uncovered)
			root.AddMust(must)
			musts = append(musts, must)
			c.hasText = true
		}
		next = m.End
	}
	for _, w := range words[next:] {
		musts = appendQuery(musts, c.addWord(root, w, run))
	}
	c.addProximity(root, text, musts)
	subs := substitutions(words, matches)
	root.AddShould(titleQuery(text))
	if len(words) >= minQuoteWords {
		c.quotes = appendQuery(c.quotes, phraseQuery(text, 1))
	}
	if len(words) > 1 {
		c.phrases = appendQuery(c.phrases, phraseQuery(text, adjacencyBoost))
		for _, alt := range subs {
			c.phrases = appendQuery(c.phrases, phraseQuery(alt, adjacencyBoost*expansionBoost))
		}
	}
}

// appendQuery appends q to qs unless it is nil.
func appendQuery(qs []bq.Query, q bq.Query) []bq.Query {
	if q == nil {
		return qs
	}
	return append(qs, q)
}

// addWord makes w a must clause of run, once however often the query
// repeats it, and returns the clause (nil when it added none). A word
// typed without diacritics is one of run's words, unscored when common.
func (c *compiled) addWord(root *bq.BooleanQuery, w string, run *runWords) bq.Query {
	if c.seen(w) {
		return nil
	}
	tq := run.word(termQuery(w, false))
	if tq == nil {
		return nil
	}
	root.AddMust(tq)
	c.hasText = true
	return tq
}

// addProximity scores a run of words long enough to be recognized with
// an edit by the pairs of it an article holds (its words standing in
// order, a term score), with the adjacency bonus: in the second pass
// only, where the postings of common pairs are read for the window's
// documents, not for every match. From minRelaxWords words it lets a fallback
// relax its must clauses musts to all but the run's edits.
func (c *compiled) addProximity(root *bq.BooleanQuery, run string, musts []bq.Query) {
	p, ok := newNearPhrase(run)
	if !ok {
		return
	}
	c.phrases = append(c.phrases, p.pairs(proximityBoost, 0))
	if len(p.folded) < minRelaxWords || len(musts) < 2 {
		return
	}
	all := make([]bq.Query, len(musts))
	for i, q := range musts {
		all[i] = scored(q)
	}
	loose := bleve.NewDisjunctionQuery(all...)
	loose.SetMin(float64(max(1, len(musts)-p.limit)))
	c.relax = append(c.relax, p)
	c.loosen = append(c.loosen, loosening{strict: musts, near: p.candidates(), loose: loose, run: true})
}

// seen reports whether text (in its canonical form) was already made a
// clause, and records it.
func (c *compiled) seen(text string) bool {
	key := analyzers.Normalize(text)
	if c.clauses[key] {
		return true
	}
	if c.clauses == nil {
		c.clauses = map[string]bool{}
	}
	c.clauses[key] = true
	return false
}

// maxExpansions bounds the equivalent wordings one clause expands to.
const maxExpansions = 8

// setQuery matches the key the index files at every form of a vocabulary
// set: one term, however long the forms.
func setQuery(key string) bq.Query {
	if key == "" {
		return nil
	}
	t := bleve.NewTermQuery(key)
	t.SetField(fieldText + foldedSuffix)
	t.SetBoost(expansionBoost)
	return t
}

// withExpansions lets q match as its vocabulary set's key (when the index
// files one) and as any of the equivalent texts alts, at expansionBoost.
func withExpansions(q, set bq.Query, alts []string) bq.Query {
	qs := []bq.Query{q}
	if set != nil {
		qs = append(qs, set)
	}
	for _, alt := range alts[:min(len(alts), maxExpansions)] {
		if tq := termQuery(alt, false); tq != nil {
			d := bleve.NewDisjunctionQuery(tq)
			d.SetBoost(expansionBoost)
			qs = append(qs, d)
		}
	}
	if len(qs) == 1 {
		return q
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// phraseExpansions returns the phrase reworded with each vocabulary
// equivalent of each form it holds.
func phraseExpansions(phrase string, vocab *synonym.Vocabulary) []string {
	words := strings.Fields(phrase)
	return substitutions(words, vocab.Find(wordKeys(words)))
}

// substitutions rewrites words once per equivalent of each match.
func substitutions(words []string, matches []synonym.Match) []string {
	var out []string
	for _, m := range matches {
		for _, alt := range m.Alts {
			if len(out) == maxExpansions {
				return out
			}
			w := append(append(append([]string{}, words[:m.Start]...), alt), words[m.End:]...)
			out = append(out, strings.Join(w, " "))
		}
	}
	return out
}

// wordKeys folds each query word for vocabulary matching, one key per
// word ("" for a word of punctuation only).
func wordKeys(words []string) []string {
	keys := make([]string, len(words))
	for i, w := range words {
		keys[i] = strings.Join(synonym.Words(w), " ")
	}
	return keys
}

// termQuery matches a word or phrase in the text, exact diacritics above
// folded ones. An exclusion typed with diacritics excludes only the exact
// form.
func termQuery(text string, exclusion bool) bq.Query {
	folded := analyzers.AnalyzeFolded(text)
	if len(folded) == 0 {
		return nil
	}
	if len(folded) > 1 {
		if q := phraseMatch(text, 1, exclusion); q != nil {
			return q
		}
	}
	foldedQuery := fieldTerm(folded[0].Term, fieldText+foldedSuffix, 1)
	if !analyzers.HasDiacritics(text) {
		return foldedQuery
	}
	exact := fieldTerm(analyzers.Analyze(text)[0].Term, fieldText, exactAccentBoost)
	if exclusion {
		return exact
	}
	return bleve.NewDisjunctionQuery(exact, foldedQuery)
}

// phraseQuery matches consecutive query words adjacent in the text.
func phraseQuery(text string, boost float64) bq.Query {
	return phraseMatch(text, boost, false)
}

// titleQuery scores the words of a run found in the title.
func titleQuery(run string) bq.Query {
	folded := bleve.NewMatchQuery(run)
	folded.SetField(fieldTitle + foldedSuffix)
	folded.Analyzer = analyzers.FoldedName
	folded.SetBoost(titleBoost)
	if !analyzers.HasDiacritics(run) {
		return folded
	}
	exact := bleve.NewMatchQuery(run)
	exact.SetField(fieldTitle)
	exact.Analyzer = analyzers.Name
	exact.SetBoost(titleBoost * exactAccentBoost)
	return bleve.NewDisjunctionQuery(exact, folded)
}

// filterQuery combines the filters written in the query with the
// request's: AND across fields, OR within one field. Package filter's table
// says which field each one matches.
func filterQuery(inQuery []query.Filter, f Filters) (bq.Query, error) {
	var must, mustNot []bq.Query
	add := func(not bool, q bq.Query) {
		if q == nil {
			return
		}
		if not {
			mustNot = append(mustNot, q)
		} else {
			must = append(must, q)
		}
	}
	for _, qf := range inQuery {
		q, err := queryFilter(qf)
		if err != nil {
			return nil, err
		}
		add(qf.Not, q)
	}
	for _, d := range filter.Table {
		if d.Kind == filter.Keywords {
			add(false, anyTerm(d.Field, canonical(d.Canon, f.Keywords[d.Name])))
		}
	}
	if f.YearFrom != 0 || f.YearTo != 0 {
		add(false, yearRange(f.YearFrom, f.YearTo))
	}
	if !f.From.IsZero() || !f.To.IsZero() {
		dr := bleve.NewDateRangeQuery(f.From, f.To)
		dr.SetField(fieldPublished)
		add(false, dr)
	}
	if f.Example != nil {
		add(false, boolQuery(fieldExample, *f.Example))
	}
	if len(must) == 0 && len(mustNot) == 0 {
		return nil, nil
	}
	return bq.NewBooleanQuery(must, nil, mustNot), nil
}

// queryFilter compiles one filter of the query language.
func queryFilter(f query.Filter) (bq.Query, error) {
	d, ok := filter.Lookup(f.Field)
	if !ok || !d.Language {
		return nil, fmt.Errorf("%w: unknown filter %q", ErrBadQuery, f.Field)
	}
	switch d.Kind {
	case filter.Keywords:
		return anyTerm(d.Field, canonical(d.Canon, []string{f.Value})), nil
	case filter.Years:
		return yearRange(f.YearFrom, f.YearTo), nil
	case filter.Bool:
		return boolQuery(d.Field, f.Value == "true"), nil
	}
	return nil, fmt.Errorf("%w: filter %q is not written in a query", ErrBadQuery, f.Field)
}

// anyTerm matches documents whose keyword field holds any of values.
func anyTerm(field string, values []string) bq.Query {
	if len(values) == 0 {
		return nil
	}
	qs := make([]bq.Query, len(values))
	for i, v := range values {
		t := bleve.NewTermQuery(v)
		t.SetField(field)
		qs[i] = t
	}
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// yearRange matches publication years from..to inclusive (0 = open). Years
// are four-digit keywords, so a term range orders them.
func yearRange(from, to int) bq.Query {
	lo, hi := "", ""
	if from != 0 {
		lo = fmt.Sprintf("%04d", from)
	}
	if to != 0 {
		hi = fmt.Sprintf("%04d", to)
	}
	yes := true
	r := bleve.NewTermRangeInclusiveQuery(lo, hi, &yes, &yes)
	r.SetField(fieldYear)
	return r
}

func boolQuery(field string, v bool) bq.Query {
	b := bleve.NewBoolFieldQuery(v)
	b.SetField(field)
	return b
}
