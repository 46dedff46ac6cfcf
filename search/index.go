package search

import (
	"context"
	"errors"
)

// Index is a Vietnamese news index on disk. It is safe for concurrent use.
type Index struct{}

var errTODO = errors.New("search: not implemented yet")

// Open opens the index in dir, creating it when dir holds none.
func Open(dir string) (*Index, error) { return nil, errTODO }

// Close releases the index.
func (ix *Index) Close() error { return nil }

// Index adds or replaces articles by id.
func (ix *Index) Index(ctx context.Context, articles ...Article) error { return errTODO }

// Search runs one request.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) { return nil, errTODO }

// Article returns the stored article with id, or ErrNotFound.
func (ix *Index) Article(ctx context.Context, id string) (*Article, error) { return nil, errTODO }

// Suggest completes a prefix typed in the search box to at most n queries.
func (ix *Index) Suggest(ctx context.Context, prefix string, n int) ([]string, error) {
	return nil, errTODO
}

// Count returns the number of articles indexed.
func (ix *Index) Count() (uint64, error) { return 0, errTODO }

// Directives lists the directive catalog with article counts.
func (ix *Index) Directives(ctx context.Context) ([]Directive, error) { return nil, errTODO }
