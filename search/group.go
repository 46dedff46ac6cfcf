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
	res, err := ix.bleve.SearchInContext(ctx, ix.request(req, c.query, c.hasText, window, 0))
	if err != nil {
		return nil, searchError(err)
	}
	var hits []Hit
	hl := newHighlighter(c.marks, c.altMarks...)
	seen := map[string]bool{}
	for _, h := range res.Hits {
		g, _ := h.Fields[fieldGroup].(string)
		if g != "" && seen[g] {
			continue
		}
		seen[g] = g != ""
		hits = append(hits, toHit(h, hl))
	}
	from := min((req.Page-1)*req.Size, len(hits))
	page := hits[from:min(from+req.Size, len(hits))]
	for i := range page {
		if page[i].Group != "" {
			ix.originalOf(ctx, c, hl, &page[i])
		}
	}
	out := &Result{
		Query:  req.Query,
		Total:  res.Total,
		Page:   req.Page,
		Size:   req.Size,
		Hits:   append([]Hit{}, page...),
		Facets: facets(res.Facets),
	}
	out.Suggestion = ix.suggestion(c, res)
	out.TookMS = float64(time.Since(start).Microseconds()) / 1000
	return out, nil
}

// originalOf replaces h by the earliest-published copy of its group that
// matches the query, and counts the group's other copies.
func (ix *Index) originalOf(ctx context.Context, c *compiled, hl *highlighter, h *Hit) {
	group := bleve.NewTermQuery(h.Group)
	group.SetField(fieldGroup)
	sr := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(c.query, group), 1, 0, false)
	sr.Fields = hitFields
	sr.SortByCustom(bsearch.SortOrder{&bsearch.SortField{Field: fieldPublished, Missing: bsearch.SortFieldMissingLast}})
	res, err := ix.bleve.SearchInContext(ctx, sr)
	if err != nil || len(res.Hits) == 0 {
		return
	}
	score := h.Score
	*h = toHit(res.Hits[0], hl)
	h.Score = score
	h.Copies = ix.groupSize(ctx, group) - 1
}

// groupSize counts the articles of a syndication group.
func (ix *Index) groupSize(ctx context.Context, group bq.Query) int {
	res, err := ix.bleve.SearchInContext(ctx, bleve.NewSearchRequestOptions(group, 0, 0, false))
	if err != nil {
		return 1
	}
	return int(res.Total)
}
