package search

import (
	"context"
	"fmt"
	"sync"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// A run of words typed without diacritics (a title retyped, a sentence)
// is a conjunction of folded syllables, most of them very common. Scoring
// a term reads the frequency of every posting it steps over, so the first
// pass of such a query walks the whole postings of its common syllables;
// matched unscored, a term skips through them (scorch's bitmaps). A common
// syllable weighs little in BM25 anyway: its score is idf² times a
// saturating tf, and idf is small.
//
// So the words of a run typed without diacritics that the index holds in
// at least commonShare of its documents match unscored, as long as a
// rarer word of the same run scores: the rarest always does, so a run of
// common words alone still ranks. The typed words of a vocabulary form in
// the run are a run of their own (the form keeps its rarest word scored
// beside its equivalents). The match set is the same conjunction;
// an unscored word keeps its weight in the query norm, so every other
// clause scores as before and only the common words' own term scores are
// left out.

// commonShare is the share of the index's documents from which a word of
// a run matches unscored (idf ≤ 2.5: idf² at most a third of that of a
// word in 1% of the documents).
const commonShare = 0.08

// scoreCommon turns the unscored matching of common words off; tests
// compare with it off.
var scoreCommon = false

// runWord is a word of a run typed without diacritics: a term on the
// folded text, unscored when common (see commonShare).
type runWord struct {
	term *bq.TermQuery
	run  *runWords
}

// Searcher implements bq.Query.
func (q *runWord) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if options.Score != "none" && !options.Explain {
		common, err := q.run.common(ctx, i)
		if err != nil {
			return nil, err
		}
		if common[q] {
			options.Score = "none"
		}
	}
	return q.term.Searcher(ctx, i, m, options)
}

// runWords are the words of one run (or of one vocabulary form in it)
// typed without diacritics, and which of them are common on the index
// snapshot last searched.
type runWords struct {
	words []*runWord

	mu     sync.Mutex // guards the fields below
	reader bindex.IndexReader
	found  map[*runWord]bool
}

// word returns q, or, when q is a term on the folded text (a word typed
// without diacritics), q as a word of the run.
func (r *runWords) word(q bq.Query) bq.Query {
	t, ok := q.(*bq.TermQuery)
	if !ok || t.FieldVal != fieldText+foldedSuffix {
		return q
	}
	w := &runWord{term: t, run: r}
	r.words = append(r.words, w)
	return w
}

// common returns the words of the run that match unscored on i: those in
// at least commonShare of its documents, the rarest word of the run apart.
func (r *runWords) common(ctx context.Context, i bindex.IndexReader) (map[*runWord]bool, error) {
	if scoreCommon || len(r.words) < 2 {
		return nil, nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.reader == i && r.found != nil {
		return r.found, nil
	}
	n, err := i.DocCount()
	if err != nil {
		return nil, fmt.Errorf("count documents: %w", err)
	}
	found := map[*runWord]bool{}
	var rarest *runWord
	rarestDocs := uint64(0)
	for _, w := range r.words {
		tfr, err := i.TermFieldReader(ctx, []byte(w.term.Term), w.term.FieldVal, false, false, false)
		if err != nil {
			return nil, fmt.Errorf("read term %q: %w", w.term.Term, err)
		}
		docs := tfr.Count()
		if err := tfr.Close(); err != nil {
			return nil, fmt.Errorf("close term %q: %w", w.term.Term, err)
		}
		if float64(docs) >= commonShare*float64(n) {
			found[w] = true
		}
		if rarest == nil || docs < rarestDocs {
			rarest, rarestDocs = w, docs
		}
	}
	delete(found, rarest)
	r.reader, r.found = i, found
	return found, nil
}

// scored returns the query a clause made by the run scores as, with
// every word scored: the loose disjunction of a relaxed run ranks by all
// the words a document holds.
func scored(q bq.Query) bq.Query {
	if w, ok := q.(*runWord); ok {
		return w.term
	}
	return q
}
