package search

import (
	"context"
	"reflect"
	"slices"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/bleve/v2/search/searcher"
	bindex "github.com/blevesearch/bleve_index_api"
)

// bleve's boolean searcher (v2.6.3) loses a should match when it is
// advanced: it reads its should clauses one match ahead of its must
// clauses, and on Advance it advances them again even when that match is
// already at or past the target, so the match it held is dropped and the
// document scores without its title and adjacency bonus. Its must-not
// clauses are guarded against the same (bleve #1035); the should clauses
// are not. A search advances its query when a conjunction leapfrogs (the
// second pass of a rescored search, the copies of a group) and when it
// runs on half of the documents (split.go). So every should clause of a
// query runs behind heldShould, which answers an Advance at or before its
// last match with that match again.

// heldShould is the should clauses of a boolean query, run by a
// heldSearcher.
type heldShould struct {
	*bq.DisjunctionQuery
}

// guardShould puts the should clauses of b behind heldShould.
func guardShould(b *bq.BooleanQuery) {
	if d, ok := b.Should.(*bq.DisjunctionQuery); ok {
		b.Should = heldShould{d}
	}
}

// Searcher implements bq.Query.
func (q heldShould) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.DisjunctionQuery.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	if _, none := s.(*searcher.MatchNoneSearcher); none {
		return s, nil // the boolean searcher drops a should that matches nothing
	}
	return &heldSearcher{Searcher: s}, nil
}

// heldSearcher keeps a copy of the last match its searcher returned and
// returns it again when advanced to it or before it.
type heldSearcher struct {
	bsearch.Searcher
	held  bsearch.DocumentMatch // a copy of the last match, when valid
	valid bool
}

var reflectStaticSizeHeldSearcher = int(reflect.TypeOf(heldSearcher{}).Size())

// Next implements bsearch.Searcher.
func (s *heldSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.hold(dm)
	return dm, err
}

// Advance implements bsearch.Searcher.
func (s *heldSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	if s.valid && s.held.IndexInternalID.Compare(id) >= 0 {
		return s.again(ctx), nil
	}
	dm, err := s.Searcher.Advance(ctx, id)
	s.hold(dm)
	return dm, err
}

// hold copies what a parent reads of dm (its id, score, explanation and
// term locations): the parent returns dm to the pool, which reuses it.
func (s *heldSearcher) hold(dm *bsearch.DocumentMatch) {
	s.valid = dm != nil
	if dm == nil {
		return
	}
	s.held.IndexInternalID = append(s.held.IndexInternalID[:0], dm.IndexInternalID...)
	s.held.Score, s.held.Expl = dm.Score, dm.Expl
	s.held.FieldTermLocations = copyLocations(s.held.FieldTermLocations[:0], dm.FieldTermLocations)
}

// again returns a copy of the held match, taken from the pool.
func (s *heldSearcher) again(ctx *bsearch.SearchContext) *bsearch.DocumentMatch {
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID, s.held.IndexInternalID...)
	dm.Score, dm.Expl = s.held.Score, s.held.Expl
	dm.FieldTermLocations = copyLocations(dm.FieldTermLocations, s.held.FieldTermLocations)
	return dm
}

// copyLocations appends the locations of from to to, their array
// positions copied.
func copyLocations(to, from []bsearch.FieldTermLocation) []bsearch.FieldTermLocation {
	for _, l := range from {
		l.Location.ArrayPositions = slices.Clone(l.Location.ArrayPositions)
		to = append(to, l)
	}
	return to
}

// Size implements bsearch.Searcher.
func (s *heldSearcher) Size() int {
	return reflectStaticSizeHeldSearcher + s.Searcher.Size() + len(s.held.IndexInternalID)
}
