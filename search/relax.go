package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// Match kinds of a Result: how its hits match the query.
const (
	// MatchExact: every hit holds every word, and every quoted phrase as
	// written.
	MatchExact = "exact"
	// MatchNear: no article holds a quoted phrase as written; the hits
	// hold it with a syllable different, missing, added or swapped with
	// its neighbour, or split in two parts.
	MatchNear = "near"
	// MatchRelaxed: few or no articles hold every word of a long
	// unquoted query near one another; the hits may miss some of its
	// words and rank by how much of the query stands in order in them.
	MatchRelaxed = "relaxed"
)

// Bounds of the fallbacks.
const (
	// nearCandidates is how many of the best candidates of a fallback
	// are aligned with the query: the candidates rank by the query's
	// pairs they hold, so the holders of the phrase come first.
	nearCandidates = 50
	// minRelaxWords is the shortest unquoted run of words relaxed when
	// the documents holding all its words do not hold them in order.
	minRelaxWords = 5
)

// loosening is must clauses of the query (strict) and the clauses that
// replace them when the query is relaxed: near matches the documents
// holding enough of the phrase's pairs to hold it with its edits, loose
// (a run of words only) the documents holding all of its words but a
// few.
type loosening struct {
	strict      []bq.Query
	near, loose bq.Query
	run         bool // of a run of words, not of a quoted phrase
}

// Ways of loosening a query (looseQuery).
const (
	nearPhrases = iota // quoted phrases by their near candidates, runs strict
	nearRuns           // runs by their near candidates
	looseRuns          // runs by most of their words
)

// looseQuery is the base query with the loosenings of one way applied.
func (c *compiled) looseQuery(way int) *bq.BooleanQuery {
	full := *c.base
	var must []bq.Query
	if conj, ok := c.base.Must.(*bq.ConjunctionQuery); ok {
		must = conj.Conjuncts
	}
	for _, l := range c.loosen {
		if l.run == (way == nearPhrases) {
			continue
		}
		must = slices.DeleteFunc(slices.Clone(must), func(q bq.Query) bool { return slices.Contains(l.strict, q) })
		if way == looseRuns {
			must = append(must, l.loose)
		} else {
			must = append(must, l.near)
		}
	}
	full.Must = bleve.NewConjunctionQuery(must...)
	return &full
}

// fallback replaces res, the strict answer to a relevance search, when a
// quoted phrase matched nothing (near matches) or a long run of words
// matched nothing or only articles not holding it nearly in order
// (relaxed). It returns the answer and its match kind; the hits it
// analyzes stay in cache for the suggestion.
func (ix *Index) fallback(ctx context.Context, req Request, c *compiled, res *bleve.SearchResult, cache analyzedHits) (*bleve.SearchResult, string, error) {
	if req.Sort != SortRelevance || len(c.loosen) == 0 {
		return res, MatchExact, nil
	}
	switch {
	case len(c.near) > 0:
		if res.Total > 0 {
			return res, MatchExact, nil
		}
		return ix.nearMatches(ctx, req, c, cache)
	case res.Total == 0:
		return ix.relaxed(ctx, req, c, res, cache)
	case req.Page == 1:
		if !nearlyFirst(res.Hits, c.relax, cache) {
			return ix.relaxed(ctx, req, c, res, cache)
		}
	}
	return res, MatchExact, nil
}

// nearlyFirst reports whether a hit of the page holds every run of ps
// nearly in order, and puts the closest holders first: the page is
// ranked by term scores, where a longer article repeating the words or a
// rewrite of the passage can outscore the one holding it with one edit.
// A top hit holding the runs unsplit ends it at once: the pairs it holds
// already ranked it first.
func nearlyFirst(hits bsearch.DocumentMatchCollection, ps []nearPhrase, cache analyzedHits) bool {
	ranks := make([]ranked, len(hits))
	for i, h := range hits {
		r, ok := alignHit(h, ps, cache)
		if i == 0 && ok && !r.split {
			return true
		}
		ranks[i] = ranked{h, r, ok}
	}
	sortRanked(ranks)
	for i, r := range ranks {
		hits[i] = r.hit
	}
	return len(ranks) > 0 && ranks[0].aligned
}

// ranked is a candidate of a fallback with its alignment.
type ranked struct {
	hit     *bsearch.DocumentMatch
	rank    nearRank
	aligned bool
}

// align searches q's best nearCandidates and aligns each with ps, the
// aligned ones first (fewest edits first), then the others, each by
// score.
func (ix *Index) align(ctx context.Context, req Request, q bq.Query, ps []nearPhrase, facets bool, cache analyzedHits) ([]ranked, *bleve.SearchResult, error) {
	sr := ix.request(req, q, true, nearCandidates, 0)
	if !facets {
		sr.Facets = nil
	}
	res, err := ix.searchFaceted(ctx, sr)
	if err != nil {
		return nil, nil, err
	}
	out := make([]ranked, 0, len(res.Hits))
	for _, h := range res.Hits {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		r, ok := alignHit(h, ps, cache)
		out = append(out, ranked{h, r, ok})
	}
	sortRanked(out)
	return out, res, nil
}

// sortRanked puts the aligned candidates first, by rank, keeping the
// order of equals.
func sortRanked(out []ranked) {
	slices.SortStableFunc(out, func(a, b ranked) int {
		switch {
		case a.aligned != b.aligned:
			if a.aligned {
				return -1
			}
			return 1
		case a.aligned && a.rank.less(b.rank):
			return -1
		case a.aligned && b.rank.less(a.rank):
			return 1
		}
		return 0
	})
}

// nearMatches answers a query whose quoted phrases no article holds as
// written with the articles holding them with a few edits.
func (ix *Index) nearMatches(ctx context.Context, req Request, c *compiled, cache analyzedHits) (*bleve.SearchResult, string, error) {
	loose := c.looseQuery(nearPhrases)
	cands, _, err := ix.align(ctx, req, loose, c.near, false, cache)
	if err != nil {
		return nil, "", err
	}
	n := slices.IndexFunc(cands, func(r ranked) bool { return !r.aligned })
	if n < 0 {
		n = len(cands)
	}
	cands = cands[:n]
	ids := make([]string, n)
	for i, r := range cands {
		ids[i] = r.hit.ID
	}
	matched := bq.NewBooleanQuery([]bq.Query{bleve.NewDocIDQuery(ids)}, nil, nil)
	if len(ids) == 0 {
		matched = bq.NewBooleanQuery([]bq.Query{bleve.NewMatchNoneQuery()}, nil, nil)
	}
	counted := ix.request(req, matched, true, 0, 0)
	counted.Fields = nil
	res, err := ix.bleve.SearchInContext(ctx, counted)
	if err != nil {
		return nil, "", err
	}
	res.Hits = page(cands, req)
	return res, MatchNear, nil
}

// relaxed answers a long run of words whose strict answer res is empty
// with the articles holding most of its words, or is weak with those
// holding enough of its pairs; those holding it nearly in order first. It
// keeps res when no relaxed match holds the run nearly in order and res
// is not empty. (Looking for the near holders only by their pairs, rarer
// than words, keeps the second case cheap.)
func (ix *Index) relaxed(ctx context.Context, req Request, c *compiled, res *bleve.SearchResult, cache analyzedHits) (*bleve.SearchResult, string, error) {
	way := nearRuns
	if res.Total == 0 {
		way = looseRuns
	}
	loose := c.looseQuery(way)
	cands, lres, err := ix.align(ctx, req, loose, c.relax, true, cache)
	if err != nil {
		return nil, "", err
	}
	if res.Total > 0 && (len(cands) == 0 || !cands[0].aligned) {
		return res, MatchExact, nil
	}
	lres.Hits = page(cands, req)
	return lres, MatchRelaxed, nil
}

// page returns req's page of the ranked candidates.
func page(cands []ranked, req Request) bsearch.DocumentMatchCollection {
	from := min((req.Page-1)*req.Size, len(cands))
	to := min(from+req.Size, len(cands))
	out := make(bsearch.DocumentMatchCollection, 0, to-from)
	for _, r := range cands[from:to] {
		out = append(out, r.hit)
	}
	return out
}
