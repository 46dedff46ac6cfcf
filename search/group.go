package search

import (
	"context"
	"time"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
)

// maxGroupWindow bounds how many ranked hits are read to collapse
// syndicated copies.
const maxGroupWindow = 1000

// searchGrouped answers a request with GroupSyndicated set: copies of one
// story collapse into one hit, which shows the earliest publication that
// matches ("who said it first") and counts the other copies. Total counts
// matches before collapsing.
func (ix *Index) searchGrouped(ctx context.Context, req Request, c *compiled, start time.Time) (*Result, error) {
	window := min(req.Page*req.Size*3, maxGroupWindow)
	res, err := ix.searchFaceted(ctx, ix.request(req, c.query, c.hasText, window, 0))
	if err != nil {
		return nil, searchError(err)
	}
	var firsts bsearch.DocumentMatchCollection // the first hit of each group
	seen := map[string]bool{}
	for _, h := range res.Hits {
		g, _ := h.Fields[fieldGroup].(string)
		if g != "" && seen[g] {
			continue
		}
		seen[g] = g != ""
		firsts = append(firsts, h)
	}
	from := min((req.Page-1)*req.Size, len(firsts))
	hl := newHighlighter(c.show.marks, c.show.altMarks...)
	cache := analyzedHits{} // the hits' texts, for the snippets and the suggestion
	page := make([]Hit, 0, req.Size)
	for _, h := range firsts[from:min(from+req.Size, len(firsts))] {
		if err := ctx.Err(); err != nil { // nothing runs after a 504
			return nil, searchError(err)
		}
		hit := toHit(h, hl, cache)
		if hit.Group != "" {
			ix.originalOf(ctx, c, hl, cache, &hit)
		}
		page = append(page, hit)
	}
	out := &Result{
		Query:  req.Query,
		Match:  MatchExact,
		Total:  res.Total,
		Page:   req.Page,
		Size:   req.Size,
		Hits:   page,
		Facets: facets(res.Facets),
	}
	out.Suggestion = ix.suggestion(ctx, c, res, cache)
	if err := ctx.Err(); err != nil {
		return nil, searchError(err)
	}
	withTimeline(req, res.Facets, out)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// originalOf replaces h by the earliest-published copy of its group that
// matches the query, and counts the group's other copies.
func (ix *Index) originalOf(ctx context.Context, c *compiled, hl *highlighter, cache analyzedHits, h *Hit) {
	group := bleve.NewTermQuery(h.Group)
	group.SetField(fieldGroup)
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(c.query, group), 1, 0, false)
	sr.Fields = hitFields
	sr.SortByCustom(firstPrinted())
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil || len(res.Hits) == 0 {
		return
	}
	score := h.Score
	*h = toHit(res.Hits[0], hl, cache)
	h.Score = score
	h.Copies = ix.groupSize(ctx, group) - 1
}

// firstPrinted sorts the copies of a story the first printed first, as
// the crawler and the import choose a group's id (indexer/dedup.First): by
// publication time (undated last), then crawl time (unknown last), then
// id. A new order each time: bleve's sort fields keep per-search state.
func firstPrinted() bsearch.SortOrder {
	return bsearch.SortOrder{
		&bsearch.SortField{Field: fieldPublished, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortField{Field: fieldCrawled, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	}
}

// groupSize counts the articles of a syndication group.
func (ix *Index) groupSize(ctx context.Context, group bq.Query) int {
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(group, 0, 0, false))
	if err != nil {
		return 1
	}
	return int(res.Total)
}
