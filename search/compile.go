package search

import (
	"fmt"
	"strings"

	"github.com/blevesearch/bleve/v2"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/query"
)

// Ranking weights. A term typed with diacritics matches the vi field
// (exact) and the folded field; exact matches score exactAccentBoost times
// more. Consecutive words found adjacent earn adjacencyBoost on top, and
// words found in the title titleBoost.
const (
	titleBoost       = 1.0
	exactAccentBoost = 4.0
	adjacencyBoost   = 16.0
)

// compiled is a request turned into a bleve query.
type compiled struct {
	query    bq.Query
	hasText  bool     // some clause must match text: rank by relevance
	textRuns []string // positive text, for suggestions
}

// compile turns a parsed query and the request's filters into one bleve
// query: text clauses score, filters only restrict.
func compile(q *query.Query, f Filters) (*compiled, error) {
	root := bleve.NewBooleanQuery()
	c := &compiled{}
	for _, clause := range q.Clauses {
		alts := make([]bq.Query, 0, len(clause.Alts))
		for _, t := range clause.Alts {
			if tq := termQuery(t.Text, clause.Not); tq != nil {
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
	}
	for _, run := range adjacentRuns(q) {
		c.textRuns = append(c.textRuns, run)
		root.AddShould(titleQuery(run))
		if strings.Contains(run, " ") {
			root.AddShould(phraseQuery(run, adjacencyBoost))
		}
	}
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
	c.query = root
	return c, nil
}

// termQuery matches a word or phrase in the text, exact diacritics above
// folded ones. An exclusion typed with diacritics excludes only the exact
// form.
func termQuery(text string, exclusion bool) bq.Query {
	if len(analyzers.Analyze(text)) == 0 {
		return nil
	}
	if !analyzers.HasDiacritics(text) {
		return matchPhrase(text, fieldText+foldedSuffix, analyzers.FoldedName, 1)
	}
	exact := matchPhrase(text, fieldText, analyzers.Name, exactAccentBoost)
	if exclusion {
		return exact
	}
	return bleve.NewDisjunctionQuery(exact, matchPhrase(text, fieldText+foldedSuffix, analyzers.FoldedName, 1))
}

// phraseQuery matches consecutive query words adjacent in the text.
func phraseQuery(text string, boost float64) bq.Query {
	folded := matchPhrase(text, fieldText+foldedSuffix, analyzers.FoldedName, boost)
	if !analyzers.HasDiacritics(text) {
		return folded
	}
	return bleve.NewDisjunctionQuery(matchPhrase(text, fieldText, analyzers.Name, boost*exactAccentBoost), folded)
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

func matchPhrase(text, field, analyzer string, boost float64) bq.Query {
	m := bleve.NewMatchPhraseQuery(text)
	m.SetField(field)
	m.Analyzer = analyzer
	m.SetBoost(boost)
	return m
}

// adjacentRuns returns the runs of consecutive positive single words of
// q joined by spaces, and each positive phrase.
func adjacentRuns(q *query.Query) []string {
	var runs []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			runs = append(runs, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, c := range q.Clauses {
		switch {
		case c.Not || len(c.Alts) > 1:
			flush()
		case c.Alts[0].Phrase:
			flush()
			runs = append(runs, c.Alts[0].Text)
		default:
			cur = append(cur, c.Alts[0].Text)
		}
	}
	flush()
	return runs
}

// filterQuery combines the filters written in the query with the
// request's: AND across fields, OR within one field.
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
	add(false, anyTerm(fieldUnits, canonicalUnits(f.Units)))
	add(false, anyTerm(fieldDirectives, canonicalDirectives(f.Directives)))
	add(false, anyTerm(fieldDocuments, f.Documents))
	add(false, anyTerm(fieldSource, f.Sources))
	add(false, anyTerm(fieldModels, f.Models))
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

// queryFilter compiles one filter written in the query language.
func queryFilter(f query.Filter) (bq.Query, error) {
	switch f.Field {
	case query.FieldUnit:
		return anyTerm(fieldUnits, canonicalUnits([]string{f.Value})), nil
	case query.FieldDirective:
		return anyTerm(fieldDirectives, canonicalDirectives([]string{f.Value})), nil
	case query.FieldDocument:
		return anyTerm(fieldDocuments, []string{f.Value}), nil
	case query.FieldSource:
		return anyTerm(fieldSource, []string{f.Value}), nil
	case query.FieldModel:
		return anyTerm(fieldModels, []string{f.Value}), nil
	case query.FieldYear:
		return yearRange(f.YearFrom, f.YearTo), nil
	case query.FieldExample:
		return boolQuery(fieldExample, f.Value == "true"), nil
	}
	return nil, fmt.Errorf("%w: unknown filter %q", ErrBadQuery, f.Field)
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
