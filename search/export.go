package search

import (
	"context"
	"slices"

	"github.com/blevesearch/bleve/v2"
	bsearch "github.com/blevesearch/bleve/v2/search"
)

// MaxExport is the most articles one export returns.
const MaxExport = 10000

// exportBatch is how many articles one step of an export reads.
const exportBatch = 500

// exportFields are the fields an export loads (no text).
var exportFields = []string{
	fieldTitle, fieldURL, fieldSource, fieldPublished, fieldUnits, fieldDirectives, fieldDocuments,
	fieldExample, fieldModels, fieldGroup, fieldAuthor, fieldCategory, fieldYear,
}

// Export calls fn with every article matching req's query and filters,
// newest first, up to limit (at most MaxExport), without lead and body.
// One search orders the matches (the id that breaks ties of the date is
// read once per match, not once per step, which at a million articles made
// a deep export take seconds per step); their fields are then loaded
// exportBatch articles at a time. An error from fn stops it and is
// returned.
func (ix *Index) Export(ctx context.Context, req Request, limit int, fn func(*Article) error) error {
	ctx, c, err := ix.prepare(ctx, &req)
	if err != nil {
		return err
	}
	limit = min(max(limit, 0), MaxExport)
	if limit == 0 {
		return nil
	}
	order := bleve.NewSearchRequestOptions(c.base, limit, 0, false)
	order.SortByCustom(bsearch.SortOrder{
		&bsearch.SortField{Field: fieldPublished, Desc: true, Missing: bsearch.SortFieldMissingLast},
		&bsearch.SortDocID{},
	})
	res, err := ix.bleve.SearchInContext(ctx, order)
	if err != nil {
		return searchError(err)
	}
	for step := range slices.Chunk(res.Hits, exportBatch) {
		if err := ix.loadFields(ctx, step, exportFields); err != nil {
			return searchError(err)
		}
		for _, h := range step {
			if h.Fields == nil { // deleted since the ordering search
				continue
			}
			if err := fn(fromFields(h.ID, h.Fields)); err != nil {
				return err
			}
		}
	}
	return nil
}
