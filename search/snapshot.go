package search

import (
	"context"
	"fmt"
	"os"

	"github.com/blevesearch/bleve/v2"
)

// CopyTo writes a consistent copy of the index, as it stands when CopyTo
// starts, into dir (which must not exist yet), while searches and writes
// go on: scorch keeps the segments of the snapshot on disk until the copy
// ends (bleve's online copy).
func (ix *Index) CopyTo(dir string) error {
	c, ok := ix.bleve.(bleve.IndexCopyable)
	if !ok {
		return fmt.Errorf("copy index: %T cannot copy online", ix.bleve)
	}
	if err := os.Mkdir(dir, 0o755); err != nil {
		return fmt.Errorf("copy index: %w", err)
	}
	if err := c.CopyTo(bleve.FileSystemDirectory(dir)); err != nil {
		return fmt.Errorf("copy index to %s: %w", dir, err)
	}
	return nil
}

// Articles calls fn with every stored article, pages of at most page
// articles, in the order of the index's internal ids; it stops at the first
// error fn returns. Writes during the walk may or may not be seen.
func (ix *Index) Articles(ctx context.Context, page int, fn func([]Article) error) error {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer r.Close()
	ids, err := r.DocIDReaderAll()
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	defer ids.Close()
	batch := make([]string, 0, page)
	for {
		id, err := ids.Next()
		if err != nil {
			return fmt.Errorf("read article ids: %w", err)
		}
		if id != nil {
			ext, err := r.ExternalID(id)
			if err != nil {
				return fmt.Errorf("read article id: %w", err)
			}
			batch = append(batch, ext)
		}
		if len(batch) == page || (id == nil && len(batch) > 0) {
			arts, err := ix.load(ctx, batch)
			if err != nil {
				return err
			}
			if err := fn(arts); err != nil {
				return err
			}
			batch = batch[:0]
		}
		if id == nil {
			return nil
		}
	}
}

// load returns the stored articles of ids.
func (ix *Index) load(ctx context.Context, ids []string) ([]Article, error) {
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = storedFields
	req.SortBy([]string{"_id"})
	res, err := ix.bleve.SearchInContext(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("load %d articles: %w", len(ids), err)
	}
	arts := make([]Article, 0, len(res.Hits))
	for _, h := range res.Hits {
		arts = append(arts, *fromFields(h.ID, h.Fields))
	}
	return arts, nil
}
