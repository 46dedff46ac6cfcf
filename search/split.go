package search

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"runtime"
	"slices"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// splitMin is the size of index from which a search alone on the server
// runs on both halves of the index's documents at once. A bleve search
// reads its postings on one goroutine; the long ones (common words, at
// hundreds of thousands of matches) are that goroutine scoring every
// match while the other core idles. Each half pays the fixed costs of a
// search (its searchers, the ids of its best hits): on the 63k corpus that
// was more than the halving saved, at a million articles the tail of the
// one-client latency fell by a fifth to a half (BENCHMARKS.md, "Session 10").
var splitMin uint64 = 200000 // a variable for the tests

// splitAt is the first document number of a split search's second half,
// for an index of docs articles: the middle (a variable for the tests).
var splitAt = func(docs uint64) uint64 { return docs / 2 }

// searchDocs runs sr on two halves of the documents at once, one
// goroutine each, when the index holds splitMin articles or more, no other
// search is in flight, there are two cores and sr asks for its hits up to
// maxSplitHits without bleve's facets, highlighting or search-after; else
// as bleve does. Both halves read one index snapshot and score as the
// whole would (the statistics are the index's), so the merged page is the
// page of the unsplit search, ties in document order as bleve leaves them.
// The index's size is the one its statistics (bm25Context) counted.
func (ix *Index) searchDocs(ctx context.Context, sr *bleve.SearchRequest) (*bleve.SearchResult, error) {
	st, _ := ctx.Value(bsearch.BM25StatsKey).(*bsearch.BM25Stats)
	if st == nil || uint64(st.DocCount) < splitMin || len(sr.Facets) > 0 || sr.From+sr.Size > maxSplitHits ||
		sr.SearchAfter != nil || sr.SearchBefore != nil || sr.Highlight != nil ||
		ix.searching.Load() > 1 || runtime.GOMAXPROCS(0) < 2 {
		return ix.bleve.SearchInContext(ctx, sr)
	}
	s := newSplitSearch(splitAt(uint64(st.DocCount)))
	var res [2]*bleve.SearchResult
	var errs [2]error
	var wg sync.WaitGroup
	for h := range res {
		wg.Go(func() {
			half := *sr
			half.Query = docRange{sr.Query}
			half.From, half.Size, half.Fields = 0, sr.From+sr.Size, nil // the page's fields are loaded once merged
			if sr.Sort != nil {
				half.Sort = sr.Sort.Copy() // sort fields keep per-search state
			}
			res[h], errs[h] = ix.bleve.SearchInContext(context.WithValue(ctx, halfKey{}, &splitHalf{s, h}), &half)
		})
	}
	wg.Wait()
	if err := errors.Join(errs[:]...); err != nil {
		return nil, err
	}
	if !s.joinRecorders() {
		// A write came between the halves: they read two snapshots,
		// whose document numbers differ. Search once.
		return ix.bleve.SearchInContext(ctx, sr)
	}
	out := res[0]
	out.Merge(res[1])
	// Ties fall to the hit number, each half's own count: the document
	// number is the whole's order.
	for _, dm := range out.Hits {
		dm.HitNumber, _ = docNumber(dm.IndexInternalID)
	}
	scoring, desc := sr.Sort.CacheIsScore(), sr.Sort.CacheDescending()
	slices.SortFunc(out.Hits, func(a, b *bsearch.DocumentMatch) int {
		return sr.Sort.Compare(scoring, desc, a, b)
	})
	out.Hits = out.Hits[min(sr.From, len(out.Hits)):min(sr.From+sr.Size, len(out.Hits))]
	if err := ix.loadFields(ctx, out.Hits, sr.Fields); err != nil {
		return nil, err
	}
	out.Took = max(res[0].Took, res[1].Took)
	out.Request = sr
	return out, nil
}

// maxSplitHits bounds the hits a split search ranks (its page and those
// before it): each half ranks them all, and a deep page is not worth it.
const maxSplitHits = rescoreWindow

// loadFields loads the stored fields of hits (none when fields is empty).
func (ix *Index) loadFields(ctx context.Context, hits []*bsearch.DocumentMatch, fields []string) error {
	if len(fields) == 0 || len(hits) == 0 {
		return nil
	}
	load := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(hitIDs(hits)), len(hits), 0, false)
	load.Fields = fields
	loaded, err := ix.bleve.SearchInContext(ctx, load)
	if err != nil {
		return err
	}
	byID := make(map[string]*bsearch.DocumentMatch, len(loaded.Hits))
	for _, h := range loaded.Hits {
		byID[h.ID] = h
	}
	for _, h := range hits {
		if l, ok := byID[h.ID]; ok {
			h.Fields = l.Fields
		}
	}
	return nil
}

// splitSearch is one search run on two halves of the documents: half 0
// holds the document numbers below mid, half 1 the others.
type splitSearch struct {
	lo, hi [2]bindex.IndexInternalID // each half's first internal id and the next half's (nil: no end)

	mu        sync.Mutex // guards the fields below
	readers   [2]bindex.IndexReader
	recorders []splitRecorder
}

// newSplitSearch returns the split of the documents at mid.
func newSplitSearch(mid uint64) *splitSearch {
	at := make(bindex.IndexInternalID, 8)
	binary.BigEndian.PutUint64(at, mid)
	return &splitSearch{lo: [2]bindex.IndexInternalID{make(bindex.IndexInternalID, 8), at}, hi: [2]bindex.IndexInternalID{at, nil}}
}

// splitHalf is the half of a split search a search runs on, the value of
// halfKey in its context.
type splitHalf struct {
	split *splitSearch
	h     int
}

type halfKey struct{}

// halfOf returns the half of a split search ctx's search runs on, or nil.
func halfOf(ctx context.Context) *splitHalf {
	h, _ := ctx.Value(halfKey{}).(*splitHalf)
	return h
}

// splitRecorder is a recorder of matches (the facet table's documents, the
// must scores) that records each half apart and, at the end of a split
// search, joins the halves in document order (keep) or drops them (the
// search runs again, unsplit).
type splitRecorder interface {
	join(keep bool)
}

// record notes the recorder of a split search's match, to be joined at
// its end.
func (h *splitHalf) record(r splitRecorder) {
	h.split.mu.Lock()
	defer h.split.mu.Unlock()
	if !slices.Contains(h.split.recorders, r) {
		h.split.recorders = append(h.split.recorders, r)
	}
}

// joinRecorders joins the recorders' halves when both halves read the
// same snapshot, and drops them when not; it reports which.
func (s *splitSearch) joinRecorders() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	same := s.readers[0] == s.readers[1]
	for _, r := range s.recorders {
		r.join(same)
	}
	return same
}

// docRange is a query whose matches are those of its query in the half of
// the documents its search's context names (all of them outside a split
// search).
type docRange struct {
	bq.Query
}

// Searcher implements bq.Query.
func (q docRange) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.Query.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	h := halfOf(ctx)
	if h == nil {
		return s, nil
	}
	h.split.mu.Lock()
	h.split.readers[h.h] = i
	h.split.mu.Unlock()
	return restrict(h, s), nil
}

// restrict returns s limited to the documents of half h (s when h is nil).
func restrict(h *splitHalf, s bsearch.Searcher) bsearch.Searcher {
	if h == nil {
		return s
	}
	return &rangeSearcher{Searcher: s, lo: h.split.lo[h.h], hi: h.split.hi[h.h]}
}

// rangeSearcher returns the matches of its searcher from lo up to hi
// (excluded; nil: no end).
type rangeSearcher struct {
	bsearch.Searcher
	lo, hi  bindex.IndexInternalID
	started bool
}

// Next implements bsearch.Searcher.
func (s *rangeSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	if !s.started {
		return s.Advance(ctx, s.lo)
	}
	dm, err := s.Searcher.Next(ctx)
	return s.within(ctx, dm, err)
}

// Advance implements bsearch.Searcher.
func (s *rangeSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	s.started = true
	if bytes.Compare(id, s.lo) < 0 {
		id = s.lo
	}
	if s.hi != nil && bytes.Compare(id, s.hi) >= 0 {
		return nil, nil
	}
	dm, err := s.Searcher.Advance(ctx, id)
	return s.within(ctx, dm, err)
}

// within ends the matches at hi.
func (s *rangeSearcher) within(ctx *bsearch.SearchContext, dm *bsearch.DocumentMatch, err error) (*bsearch.DocumentMatch, error) {
	if err != nil || dm == nil || s.hi == nil || bytes.Compare(dm.IndexInternalID, s.hi) < 0 {
		return dm, err
	}
	ctx.DocumentMatchPool.Put(dm)
	return nil, nil
}
