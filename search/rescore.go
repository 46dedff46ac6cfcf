package search

import (
	"context"
	"encoding/binary"
	"math"
	"reflect"
	"slices"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2/mapping"
	bsearch "github.com/blevesearch/bleve/v2/search"
	bq "github.com/blevesearch/bleve/v2/search/query"
	bindex "github.com/blevesearch/bleve_index_api"
)

// The second pass of a rescored search (Index.run) ranks the window with
// the whole query: the must clauses again, and the bonus. Scoring a
// common syllable costs reading its postings' frequencies up to each
// document scored, and a window spread over the index reads nearly all
// of them, as the first pass did. So the first pass records what the
// must clauses scored for each match, and the second pass replays those
// scores for the window instead of reading the postings again: the same
// ranking, the bonus clauses and the title read as before.
//
// bleve multiplies every term score of a search by one query norm, which
// depends on all the clauses of the query, so the first pass keeps the
// scores divided by its norm and the second pass multiplies them by its
// own; the replayed clause weighs what the must clauses weigh, so the
// norm stays the same.

// replayMust turns the replay on; tests compare with it off.
var replayMust = true

// replays counts the second passes that replayed the must scores since the
// process started; tests assert that the replay ran.
var replays atomic.Int64

// mustScores are the scores the must clauses of a query gave the
// documents they matched, divided by the query norm, by internal
// document number in the order of the search (ascending).
type mustScores struct {
	docs   []uint64
	scores []float64
	weight float64 // what the must clauses weigh in the query norm
	ok     bool    // false when a score could not be recorded: replay nothing
	// reader is the index snapshot the scores were recorded on: document
	// numbers name the same documents only there.
	reader bindex.IndexReader

	halves [2]*mustScores // each half's, during a split search (see searchDocs)
}

// score returns the score recorded for the internal id iid.
func (m *mustScores) score(iid bindex.IndexInternalID) (float64, bool) {
	n, ok := docNumber(iid)
	if !ok {
		return 0, false
	}
	i, found := slices.BinarySearch(m.docs, n)
	if !found {
		return 0, false
	}
	return m.scores[i], true
}

// docNumber reads an internal id as the 8-byte number scorch makes it.
func docNumber(iid bindex.IndexInternalID) (uint64, bool) {
	if len(iid) != 8 {
		return 0, false
	}
	return binary.BigEndian.Uint64(iid), true
}

// recorded is a query whose matches' scores are recorded into rec.
type recorded struct {
	bq.Query
	rec *mustScores
}

// Searcher implements bq.Query.
func (q recorded) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s, err := q.Query.Searcher(ctx, i, m, options)
	if err != nil {
		return nil, err
	}
	rec, h := q.rec, halfOf(ctx)
	if h != nil {
		rec = &mustScores{ok: true}
		q.rec.halves[h.h] = rec
		h.record(q.rec)
	}
	rec.weight = s.Weight()
	rec.reader = i
	r := &recordingSearcher{Searcher: restrict(h, s), rec: rec}
	return &observingSearcher{Searcher: r, see: r.record}, nil
}

// join implements splitRecorder.
func (m *mustScores) join(keep bool) {
	for _, part := range m.halves {
		if part == nil || !keep {
			continue
		}
		m.weight, m.reader = part.weight, part.reader
		m.ok = m.ok && part.ok
		m.docs = append(m.docs, part.docs...)
		m.scores = append(m.scores, part.scores...)
	}
	m.halves = [2]*mustScores{}
}

// observingSearcher tells see of every match its searcher returns (nil at
// the end).
type observingSearcher struct {
	bsearch.Searcher
	see func(*bsearch.DocumentMatch)
}

// Next implements bsearch.Searcher.
func (s *observingSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Next(ctx)
	s.see(dm)
	return dm, err
}

// Advance implements bsearch.Searcher.
func (s *observingSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	dm, err := s.Searcher.Advance(ctx, id)
	s.see(dm)
	return dm, err
}

// recordingSearcher records the scores of the matches of its searcher
// (observed by an observingSearcher) divided by the query norm it is set.
type recordingSearcher struct {
	bsearch.Searcher
	rec  *mustScores
	norm float64
}

// SetQueryNorm implements bsearch.Searcher.
func (s *recordingSearcher) SetQueryNorm(norm float64) {
	s.norm = norm
	s.Searcher.SetQueryNorm(norm)
}

func (s *recordingSearcher) record(dm *bsearch.DocumentMatch) {
	if dm == nil || !s.rec.ok {
		return
	}
	n, ok := docNumber(dm.IndexInternalID)
	raw := dm.Score / s.norm
	if k := len(s.rec.docs); !ok || math.IsNaN(raw) || math.IsInf(raw, 0) || (k > 0 && s.rec.docs[k-1] >= n) {
		s.rec.ok = false
		return
	}
	s.rec.docs = append(s.rec.docs, n)
	s.rec.scores = append(s.rec.scores, raw)
}

// replayedMust matches what must matches, with the scores from recorded
// for it on the same snapshot (every match of must is there: a search
// returns no document its must clauses did not), or, on another snapshot,
// reading the postings as recorded does, into into. Either way into holds
// the must scores of the matches afterwards.
type replayedMust struct {
	must       bq.Query
	from, into *mustScores
}

// Searcher implements bq.Query.
func (q replayedMust) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	if !replayMust || !q.from.ok || q.from.reader != i {
		return recorded{q.must, q.into}.Searcher(ctx, i, m, options)
	}
	replays.Add(1)
	*q.into = *q.from
	s := &replayingSearcher{weight: q.from.weight, norm: 1, docs: make([]replayedDoc, len(q.from.docs))}
	iids := make([]byte, 8*len(q.from.docs))
	for k, n := range q.from.docs {
		iid := iids[8*k : 8*k+8 : 8*k+8]
		binary.BigEndian.PutUint64(iid, n)
		s.docs[k] = replayedDoc{iid, q.from.scores[k]}
	}
	return s, nil
}

// replayed matches the documents of scores (external id → score divided
// by the query norm) with those scores, weighing weight in the query norm
// (what the clauses whose scores were recorded weigh).
type replayed struct {
	scores map[string]float64
	weight float64
}

// Searcher implements bq.Query.
func (q replayed) Searcher(ctx context.Context, i bindex.IndexReader, m mapping.IndexMapping, options bsearch.SearcherOptions) (bsearch.Searcher, error) {
	s := &replayingSearcher{weight: q.weight, norm: 1}
	for id, score := range q.scores {
		iid, err := i.InternalID(id)
		if err != nil {
			return nil, err
		}
		if iid == nil {
			continue // deleted since
		}
		s.docs = append(s.docs, replayedDoc{iid, score})
	}
	slices.SortFunc(s.docs, func(a, b replayedDoc) int { return a.iid.Compare(b.iid) })
	return s, nil
}

type replayedDoc struct {
	iid   bindex.IndexInternalID
	score float64
}

// replayingSearcher returns its documents in order with their scores
// times the query norm.
type replayingSearcher struct {
	docs         []replayedDoc
	next         int
	weight, norm float64
}

var reflectStaticSizeReplaying = int(reflect.TypeOf(replayingSearcher{}).Size())

func (s *replayingSearcher) match(ctx *bsearch.SearchContext) *bsearch.DocumentMatch {
	if s.next >= len(s.docs) {
		return nil
	}
	d := s.docs[s.next]
	s.next++
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = append(dm.IndexInternalID[:0], d.iid...)
	dm.Score = d.score * s.norm
	return dm
}

// Next implements bsearch.Searcher.
func (s *replayingSearcher) Next(ctx *bsearch.SearchContext) (*bsearch.DocumentMatch, error) {
	return s.match(ctx), nil
}

// Advance implements bsearch.Searcher.
func (s *replayingSearcher) Advance(ctx *bsearch.SearchContext, id bindex.IndexInternalID) (*bsearch.DocumentMatch, error) {
	for s.next < len(s.docs) && s.docs[s.next].iid.Compare(id) < 0 {
		s.next++
	}
	return s.match(ctx), nil
}

// Close implements bsearch.Searcher.
func (s *replayingSearcher) Close() error { return nil }

// Weight implements bsearch.Searcher.
func (s *replayingSearcher) Weight() float64 { return s.weight }

// SetQueryNorm implements bsearch.Searcher.
func (s *replayingSearcher) SetQueryNorm(norm float64) { s.norm = norm }

// Count implements bsearch.Searcher.
func (s *replayingSearcher) Count() uint64 { return uint64(len(s.docs)) }

// Min implements bsearch.Searcher.
func (s *replayingSearcher) Min() int { return 0 }

// Size implements bsearch.Searcher.
func (s *replayingSearcher) Size() int {
	return reflectStaticSizeReplaying + len(s.docs)*(8+24+8)
}

// DocumentMatchPoolSize implements bsearch.Searcher.
func (s *replayingSearcher) DocumentMatchPoolSize() int { return 1 }
