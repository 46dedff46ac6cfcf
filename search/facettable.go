package search

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/vnsearch/vnsearch/search/filter"
)

// Facets from a table in memory. bleve counts a search's facets by reading
// the doc values of every match, field by field: each chunk of doc values
// is decompressed again for every search, which cost a third of the first
// pass of a search matching a thousand articles. The facet table holds the
// same values, read once per index snapshot, by internal document number;
// a search records the numbers of its matches and counts their values in
// the table. The table is built in the background on the first search
// after the index changed; until it is ready, searches count their facets
// with bleve as before.

// facetTable is the facet fields' values of every document of one index
// snapshot.
type facetTable struct {
	snapshot bindex.IndexReader // the snapshot read: compared, never used
	fields   []string           // index fields
	terms    [][]string         // per field, the values by number
	offs     [][]uint32         // per field and document number, where its values start in vals
	vals     [][]uint32         // per field, the values of each document in turn
}

// facetFields are the fields the table holds: every faceted filter's and
// the month of the timeline.
func facetFields() []string {
	var out []string
	for _, d := range filter.Faceted() {
		if !slices.Contains(out, d.FacetField) {
			out = append(out, d.FacetField)
		}
	}
	return append(out, fieldMonth)
}

// readFacetTable reads the facet fields of every document of r, until
// ctx is done.
func readFacetTable(ctx context.Context, r bindex.IndexReader) (*facetTable, error) {
	fields := facetFields()
	t := &facetTable{
		snapshot: r, fields: fields,
		terms: make([][]string, len(fields)), offs: make([][]uint32, len(fields)), vals: make([][]uint32, len(fields)),
	}
	numbers := make([]map[string]uint32, len(fields))
	at := make(map[string]int, len(fields))
	for i, f := range fields {
		numbers[i] = map[string]uint32{}
		at[f] = i
	}
	docs, err := r.DocIDReaderAll()
	if err != nil {
		return nil, fmt.Errorf("read facet table: %w", err)
	}
	defer docs.Close()
	dvr, err := r.DocValueReader(fields)
	if err != nil {
		return nil, fmt.Errorf("read facet table: %w", err)
	}
	for k := 0; ; k++ {
		if k%4096 == 0 && ctx.Err() != nil {
			return nil, fmt.Errorf("read facet table: %w", ctx.Err())
		}
		iid, err := docs.Next()
		if err != nil {
			return nil, fmt.Errorf("read facet table: %w", err)
		}
		if iid == nil {
			break
		}
		n, ok := docNumber(iid)
		if !ok || n >= 1<<32 {
			return nil, errors.New("read facet table: internal ids are not document numbers")
		}
		for i := range fields {
			for uint64(len(t.offs[i])) <= n {
				t.offs[i] = append(t.offs[i], uint32(len(t.vals[i])))
			}
		}
		err = dvr.VisitDocValues(iid, func(field string, term []byte) {
			i, ok := at[field]
			if !ok {
				return
			}
			v, ok := numbers[i][string(term)]
			if !ok {
				v = uint32(len(t.terms[i]))
				numbers[i][string(term)] = v
				t.terms[i] = append(t.terms[i], string(term))
			}
			t.vals[i] = append(t.vals[i], v)
		})
		if err != nil {
			return nil, fmt.Errorf("read facet table: %w", err)
		}
	}
	for i := range fields {
		t.offs[i] = append(t.offs[i], uint32(len(t.vals[i])))
	}
	return t, nil
}

// count returns the facets reqs (by name) of the documents docs, as bleve
// counts them; false when a request names a field the table lacks or a
// document is not in the table.
func (t *facetTable) count(reqs bleve.FacetsRequest, docs []uint64) (bsearch.FacetResults, bool) {
	out := make(bsearch.FacetResults, len(reqs))
	for name, fr := range reqs {
		i := slices.Index(t.fields, fr.Field)
		if i < 0 || fr.TermPrefix != "" || fr.TermPattern != "" || len(fr.NumericRanges) > 0 || len(fr.DateTimeRanges) > 0 {
			return nil, false
		}
		counts := make([]int, len(t.terms[i]))
		res := &bsearch.FacetResult{Field: fr.Field, Terms: &bsearch.TermFacets{}}
		offs, vals := t.offs[i], t.vals[i]
		for _, n := range docs {
			if n+1 >= uint64(len(offs)) {
				return nil, false
			}
			vs := vals[offs[n]:offs[n+1]]
			if len(vs) == 0 {
				res.Missing++
			}
			for _, v := range vs {
				counts[v]++
			}
			res.Total += len(vs)
		}
		var terms []*bsearch.TermFacet
		for v, c := range counts {
			if c > 0 {
				terms = append(terms, &bsearch.TermFacet{Term: t.terms[i][v], Count: c})
			}
		}
		slices.SortFunc(terms, func(a, b *bsearch.TermFacet) int { // bleve's order
			if a.Count != b.Count {
				return b.Count - a.Count
			}
			if a.Term < b.Term {
				return -1
			}
			return 1
		})
		res.Terms.Add(terms[:min(fr.Size, len(terms))]...)
		res.Other = res.Total
		for _, tf := range res.Terms.Terms() {
			res.Other -= tf.Count
		}
		out[name] = res
	}
	return out, true
}

// facetState is the facet table of one index, the background read of a
// newer one, and whether the index is closing (no read starts then).
type facetState struct {
	table atomic.Pointer[facetTable]

	mu     sync.Mutex // guards closed and stop
	closed bool
	stop   context.CancelFunc // cancels the read in progress; nil: none
	done   sync.WaitGroup     // the read in progress
}

// startRead reads a new facet table of adv in the background unless one
// is being read or the index is closing.
func (s *facetState) startRead(adv bindex.Index) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stop != nil || s.closed {
		return
	}
	ctx, stop := context.WithCancel(context.Background())
	s.stop = stop
	s.done.Go(func() {
		defer func() {
			stop()
			s.mu.Lock()
			s.stop = nil
			s.mu.Unlock()
		}()
		r, err := adv.Reader()
		if err != nil {
			return
		}
		defer r.Close()
		t, err := readFacetTable(ctx, r)
		if err != nil {
			if ctx.Err() == nil {
				slog.Warn("facets are counted by bleve", "err", err)
			}
			return
		}
		s.table.Store(t)
	})
}

// close stops the read in progress and waits for it; no read starts
// afterwards.
func (s *facetState) close() {
	s.mu.Lock()
	s.closed = true
	if s.stop != nil {
		s.stop()
	}
	s.mu.Unlock()
	s.done.Wait()
}

// currentFacetTable returns the facet table of the index as it is now, or
// nil, starting to read one, when the table is missing or older.
func (ix *Index) currentFacetTable() *facetTable {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil
	}
	r, err := adv.Reader()
	if err != nil {
		return nil
	}
	defer r.Close()
	if t := ix.facets.table.Load(); t != nil && t.snapshot == r {
		return t
	}
	ix.facets.startRead(adv)
	return nil
}

// searchFaceted runs sr, counting its facets in the facet table when it
// is current, with bleve otherwise.
func (ix *Index) searchFaceted(ctx context.Context, sr *bleve.SearchRequest) (*bleve.SearchResult, error) {
	if len(sr.Facets) == 0 {
		return ix.searchDocs(ctx, sr)
	}
	t := ix.currentFacetTable()
	if t == nil {
		return ix.bleve.SearchInContext(ctx, sr)
	}
	reqs := sr.Facets
	rec := &matchedDocs{}
	counted := *sr
	counted.Facets = nil
	counted.Query = recordedMatches{sr.Query, rec}
	res, err := ix.searchDocs(ctx, &counted)
	if err != nil {
		return nil, err
	}
	if rec.reader == t.snapshot && !rec.broken && uint64(len(rec.docs)) == res.Total {
		if fr, ok := t.count(reqs, rec.docs); ok {
			res.Facets = fr
			res.Request = sr
			return res, nil
		}
	}
	// The index changed during the search: count with bleve.
	again := *sr
	again.Size, again.From, again.Fields = 0, 0, nil
	facets, err := ix.bleve.SearchInContext(ctx, &again)
	if err != nil {
		return nil, err
	}
	res.Facets = facets.Facets
	res.Request = sr
	return res, nil
}

// matchedDocs are the document numbers a search matched, in order, and
// the snapshot it read.
type matchedDocs struct {
	reader bindex.IndexReader
	docs   []uint64
	broken bool // a match had no document number

	halves [2]*matchedDocs // each half's, during a split search (see searchDocs)
}

// recordedMatches is a query whose matches are recorded into rec.
type recordedMatches struct {
	bq.Query
	rec *matchedDocs
}

// Searcher implements bq.Query.
func (q recordedMatches) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.Query.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	rec, h := q.rec, halfOf(ctx)
	if h != nil {
		rec = &matchedDocs{}
		q.rec.halves[h.h] = rec
		h.record(q.rec)
	}
	rec.reader = i
	return &observingSearcher{Searcher: restrict(h, s), see: rec.record}, nil
}

// join implements splitRecorder.
func (rec *matchedDocs) join(keep bool) {
	for _, part := range rec.halves {
		if part == nil || !keep {
			continue
		}
		rec.reader = part.reader
		rec.broken = rec.broken || part.broken
		rec.docs = append(rec.docs, part.docs...)
	}
	rec.halves = [2]*matchedDocs{}
}

// record adds the document number of a match.
func (rec *matchedDocs) record(dm *bsearch.DocumentMatch) {
	if dm == nil {
		return
	}
	n, ok := docNumber(dm.IndexInternalID)
	if !ok {
		rec.broken = true
		return
	}
	rec.docs = append(rec.docs, n)
}
