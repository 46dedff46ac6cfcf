package search

import (
	"context"

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
// newest first, up to limit (at most MaxExport), without lead and body. It
// reads in steps with search-after, so the cost per article stays flat
// however deep the export goes. An error from fn stops it and is returned.
func (ix *Index) Export(ctx context.Context, req Request, limit int, fn func(*Article) error) error {
	ctx, c, err := ix.prepare(ctx, &req)
	if err != nil {
		return err
	}
	limit = min(max(limit, 0), MaxExport)
	var after []string
	for done := 0; done < limit; {
		sr := bleve.NewSearchRequestOptions(c.base, min(exportBatch, limit-done), 0, false)
		sr.Fields = exportFields
		sr.SortByCustom(bsearch.SortOrder{
			&bsearch.SortField{Field: fieldPublished, Desc: true, Missing: bsearch.SortFieldMissingLast},
			&bsearch.SortDocID{},
		})
		sr.SearchAfter = after
		res, err := ix.bleve.SearchInContext(ctx, sr)
		if err != nil {
			return searchError(err)
		}
		for _, h := range res.Hits {
			if err := fn(fromFields(h.ID, h.Fields)); err != nil {
				return err
			}
		}
		done += len(res.Hits)
		if len(res.Hits) < exportBatch {
			return nil
		}
		after = res.Hits[len(res.Hits)-1].Sort
	}
	return nil
}
