package search

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"

	"github.com/vnsearch/vnsearch/search/filter"
	"github.com/vnsearch/vnsearch/search/query"
)

// hitFields are loaded for every hit: the display fields and the text the
// snippets are cut from.
var hitFields = []string{
	fieldTitle, fieldLead, fieldBody, fieldURL, fieldSource, fieldPublished,
	fieldUnits, fieldDirectives, fieldExample, fieldModels, fieldGroup,
}

// Search runs one request. Errors caused by the request wrap ErrBadQuery.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	start := time.Now()
	ix.searching.Add(1)
	defer ix.searching.Add(-1)
	ctx, c, err := ix.prepare(ctx, &req)
	if err != nil {
		return nil, err
	}
	if req.GroupSyndicated {
		return ix.searchGrouped(ctx, req, c, start)
	}
	res, err := ix.run(ctx, req, c)
	if err != nil {
		return nil, searchError(err)
	}
	cache := analyzedHits{} // the hits' texts, for the fallback, the snippets and the suggestion
	res, match, err := ix.fallback(ctx, req, c, res, cache)
	if err != nil {
		return nil, searchError(err)
	}
	out := &Result{
		Query:  req.Query,
		Match:  match,
		Total:  res.Total,
		Page:   req.Page,
		Size:   req.Size,
		Facets: facets(res.Facets),
	}
	workers := 1 // other searches in flight hold the other cores
	if ix.searching.Load() == 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	out.Hits, err = toHits(ctx, res.Hits, newHighlighter(c.show.marks, c.show.altMarks...), cache, workers)
	if err != nil {
		return nil, searchError(err)
	}
	out.Suggestion = ix.suggestion(ctx, c, res, cache)
	if err := ctx.Err(); err != nil {
		return nil, searchError(err)
	}
	withTimeline(req, res.Facets, out)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// prepare validates and clamps req, compiles its query and readies ctx
// with the BM25 statistics.
func (ix *Index) prepare(ctx context.Context, req *Request) (context.Context, *compiled, error) {
	if err := clamp(req); err != nil {
		return ctx, nil, err
	}
	pq, err := query.Parse(req.Query)
	if err != nil {
		return ctx, nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
	}
	vocab := ix.political.Load()
	c, err := compile(pq, req.Filters, vocab)
	if err != nil {
		return ctx, nil, err
	}
	c.show = markings(pq, vocab)
	ctx, err = ix.bm25Context(ctx)
	return ctx, c, err
}

// clamp validates req and brings its numbers into range.
func clamp(req *Request) error {
	if !utf8.ValidString(req.Query) {
		return fmt.Errorf("%w: query is not valid UTF-8", ErrBadQuery)
	}
	if len(req.Query) > MaxQueryBytes {
		return fmt.Errorf("%w: query of %d bytes is longer than %d", ErrBadQuery, len(req.Query), MaxQueryBytes)
	}
	switch req.Sort {
	case "":
		req.Sort = SortRelevance
	case SortRelevance, SortNewest, SortOldest:
	default:
		return fmt.Errorf("%w: sort %q: want relevance, newest or oldest", ErrBadQuery, req.Sort)
	}
	if err := checkInterval(req.Interval); err != nil {
		return err
	}
	if req.Size <= 0 {
		req.Size = DefaultSize
	}
	req.Size = min(req.Size, MaxSize)
	req.Page = min(max(req.Page, 1), MaxPage)
	return nil
}

// rescoreWindow is how many of the best matches of the first pass the
// second pass ranks with the adjacency bonus.
const rescoreWindow = 200

// typedTier is the score the second pass adds to the documents holding
// every form typed of a query with vocabulary equivalents: more than any
// BM25 score, so an article writing "Ủy ban kiểm tra" as typed ranks above
// one writing only "UBKT", however rare the abbreviation.
const typedTier = 1000

// run searches for one page. The adjacency bonus is a phrase over pairs,
// cheap, but still checks positions in every candidate holding all the
// pairs; so a relevance search first ranks every match without it
// (counting facets on the way), then ranks its best rescoreWindow matches
// again with it, together with the best matches holding a quote (a run of
// minQuoteWords words or more), the holders of the typed forms first. A page past the
// window is searched in one pass with the bonus; a search sorted by date
// never needs it.
func (ix *Index) run(ctx context.Context, req Request, c *compiled) (*bleve.SearchResult, error) {
	from := (req.Page - 1) * req.Size
	switch {
	case req.Sort != SortRelevance:
		return ix.searchFaceted(ctx, ix.request(req, c.base, c.hasText, req.Size, from))
	case len(c.phrases) == 0 && len(c.typed) == 0 || from+req.Size > rescoreWindow:
		return ix.searchFaceted(ctx, ix.request(req, c.query, c.hasText, req.Size, from))
	}
	rec := &mustScores{ok: true}
	first := ix.request(req, c.recordedBase(rec), c.hasText, rescoreWindow, 0)
	first.Fields = nil
	res, err := ix.searchFaceted(ctx, first)
	if err != nil || len(res.Hits) == 0 {
		return res, err
	}
	ids := make([]string, len(res.Hits))
	scores := map[string]float64{} // the window's must scores, when all were recorded
	weight := rec.weight
	for i, h := range res.Hits {
		ids[i] = h.ID
		scores = withScore(scores, rec, h)
	}
	if res.Total > uint64(len(ids)) && len(c.quotes) > 0 {
		// The first pass scored every match: its must scores are replayed
		// instead of reading the postings of the words again.
		into := &mustScores{ok: true}
		quoted, err := ix.holders(ctx, bleve.NewConjunctionQuery(c.replayedBase(rec, into), bleve.NewDisjunctionQuery(c.quotes...)))
		if err != nil {
			return nil, err
		}
		for _, h := range quoted {
			ids = append(ids, h.ID)
			scores = withScore(scores, into, h)
		}
		if into.weight != weight { // not the same must clauses: replay nothing
			scores = nil
		}
	}
	// A conjunction leapfrogs to the window's documents, so the phrase
	// checks run on them only (a filter would run them on every match).
	// The id query adds the same small score to each.
	in := bleve.NewDocIDQuery(ids)
	in.SetBoost(1e-6)
	var tier bq.Query
	if len(c.typed) > 0 {
		// Which of the window's documents hold the forms, not how well:
		// unscored, the words' postings are skipped through, not read.
		holders := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(append([]bq.Query{in}, c.typed...)...), len(ids), 0, false)
		holders.Score = "none"
		found, err := ix.bleve.SearchInContext(ctx, holders)
		if err != nil {
			return nil, err
		}
		typed := found.Hits
		if len(typed) > 0 {
			t := bleve.NewDocIDQuery(hitIDs(typed))
			t.SetBoost(typedTier)
			tier = t
		}
	}
	second := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(in, c.replaying(c.withPhrases(in, tier), replayed{scores, weight})), req.Size, from, false)
	second.Fields = hitFields
	page, err := ix.bleve.SearchInContext(ctx, second)
	if err != nil {
		return nil, err
	}
	page.Total, page.Facets = res.Total, res.Facets
	return page, nil
}

// holders returns the best rescoreWindow matches of q: the holders of a
// quote. The query is selective, so the phrase checks stay cheap.
func (ix *Index) holders(ctx context.Context, q bq.Query) (bsearch.DocumentMatchCollection, error) {
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, rescoreWindow, 0, false))
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// hitIDs returns the ids of hits.
func hitIDs(hits bsearch.DocumentMatchCollection) []string {
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids
}

// withScore adds the must score rec recorded for h to scores, or returns
// nil (replay nothing) when scores is nil or rec has none for h.
func withScore(scores map[string]float64, rec *mustScores, h *bsearch.DocumentMatch) map[string]float64 {
	if scores == nil || !rec.ok {
		return nil
	}
	score, ok := rec.score(h.IndexInternalID)
	if !ok {
		return nil
	}
	scores[h.ID] = score
	return scores
}

// request builds the bleve request for one page.
func (ix *Index) request(req Request, q bq.Query, hasText bool, size, from int) *bleve.SearchRequest {
	sr := bleve.NewSearchRequestOptions(q, size, from, false)
	sr.Fields = hitFields
	switch {
	case req.Sort == SortNewest || (req.Sort == SortRelevance && !hasText):
		sr.SortByCustom(bsearch.SortOrder{
			&bsearch.SortField{Field: fieldPublished, Desc: true, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortScore{Desc: true},
		})
	case req.Sort == SortOldest:
		// The order of "who printed it first", as for copies (dedup.First).
		sr.SortByCustom(firstPrinted())
	}
	for _, d := range filter.Faceted() {
		sr.AddFacet(d.Name, bleve.NewFacetRequest(d.FacetField, d.FacetSize))
	}
	if req.Interval != IntervalNone {
		sr.AddFacet(timelineFacet, monthFacet())
	}
	return sr
}

// searchError wraps an engine error, keeping context errors recognizable.
func searchError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		return fmt.Errorf("search: %w", err)
	}
	return fmt.Errorf("search index: %w", err)
}

// toHits converts the hits of a page, workers at a time: analyzing their
// texts for the snippets is most of what a search does after ranking, the
// hits are independent, and a lone search leaves the other cores idle. It
// stops between hits when ctx is done (nothing runs after a 504).
func toHits(ctx context.Context, hits bsearch.DocumentMatchCollection, hl *highlighter, cache analyzedHits, workers int) ([]Hit, error) {
	for _, h := range hits { // the map is only read while the hits are converted
		cache.hit(h.ID, str(h.Fields[fieldTitle]), str(h.Fields[fieldLead]), str(h.Fields[fieldBody]))
	}
	out := make([]Hit, len(hits))
	var next atomic.Int64
	convert := func() {
		for i := int(next.Add(1)) - 1; i < len(hits) && ctx.Err() == nil; i = int(next.Add(1)) - 1 {
			out[i] = toHit(hits[i], hl, cache)
		}
	}
	var wg sync.WaitGroup
	for range min(workers, len(hits)) - 1 {
		wg.Go(convert)
	}
	convert()
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// toHit converts a bleve hit with its stored fields, highlighting hl's
// words in its texts, analyzed once in cache.
func toHit(h *bsearch.DocumentMatch, hl *highlighter, cache analyzedHits) Hit {
	a := fromFields(h.ID, h.Fields)
	return Hit{
		ID:         h.ID,
		URL:        a.URL,
		Title:      a.Title,
		Source:     a.Source,
		Published:  a.Published,
		Snippets:   snippets(a, hl, cache.hit(a.ID, a.Title, a.Lead, a.Body)),
		Score:      h.Score,
		Units:      nonNil(a.Units),
		Directives: nonNil(a.Directives),
		Example:    a.Example,
		Models:     a.Models,
		Group:      a.Group,
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// facets converts bleve's facet results, labelling directives.
func facets(fr bsearch.FacetResults) map[string][]Facet {
	defs := filter.Faceted()
	out := make(map[string][]Facet, len(defs))
	for _, d := range defs {
		name := d.Name
		vals := []Facet{}
		if r := fr[name]; r != nil && r.Terms != nil {
			for _, t := range r.Terms.Terms() {
				f := Facet{Value: t.Term, Count: t.Count}
				if name == FacetDirective {
					f.Label = directiveLabel(t.Term)
				}
				vals = append(vals, f)
			}
		}
		if name == FacetYear {
			sort.Slice(vals, func(i, j int) bool { return vals[i].Value > vals[j].Value })
		}
		out[name] = vals
	}
	return out
}
