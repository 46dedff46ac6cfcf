package search

import (
	"context"
	"fmt"

	bsearch "github.com/blevesearch/bleve/v2/search"

	"github.com/vnsearch/vnsearch/analyzers"
)

// statsSample is how many articles are read to estimate average field
// lengths.
const statsSample = 500

// lengthStats are the average lengths, in tokens, of the text fields.
type lengthStats struct {
	docs uint64             // index size when measured
	avg  map[string]float64 // field → average tokens per article
}

// bm25Context returns ctx carrying true BM25 statistics for the search.
//
// bleve estimates a field's average length as its number of distinct terms
// divided by the number of documents: tens of tokens for news bodies of
// hundreds, so BM25's length normalization crushes every long article.
// vnsearch measures the average length on a sample of articles instead
// (re-measured when the index has grown or shrunk by a tenth) and hands
// bleve the totals it derives the average from.
func (ix *Index) bm25Context(ctx context.Context) (context.Context, error) {
	n, err := ix.Count()
	if err != nil || n == 0 {
		return ctx, err
	}
	st, err := ix.lengthStats(ctx, n)
	if err != nil {
		return ctx, err
	}
	card := make(map[string]int, len(st.avg)+len(exactFields)+2)
	for field, avg := range st.avg {
		card[field] = int(avg*float64(n)) + 1
	}
	// bleve asks for a statistic of every field a query touches, the
	// pseudo-fields of match-all and id queries included; one-term fields
	// hold one term per article.
	for _, f := range append([]string{"_id", "*"}, exactFields...) {
		card[f] = int(n)
	}
	return context.WithValue(ctx, bsearch.BM25StatsKey, &bsearch.BM25Stats{DocCount: float64(n), FieldCardinality: card}), nil
}

// statsScanBytes bounds the text of one sampled article analyzed to count
// its tokens; the rest is estimated from the analyzed part's bytes per
// token.
const statsScanBytes = 256 << 10

// estimateTokens counts the tokens of text, analyzing at most its first
// statsScanBytes.
func estimateTokens(text string) float64 {
	head := prefix(text, statsScanBytes)
	n := float64(len(analyzers.Analyze(head)))
	if len(head) == len(text) || len(head) == 0 {
		return n
	}
	return n * float64(len(text)) / float64(len(head))
}

// lengthStats returns the average field lengths, measuring them when the
// index size n has moved by more than a tenth since the last measure.
func (ix *Index) lengthStats(ctx context.Context, n uint64) (*lengthStats, error) {
	ix.mu.Lock()
	st := ix.lengths
	ix.mu.Unlock()
	if st != nil && n*10 >= st.docs*9 && n*10 <= st.docs*11 {
		return st, nil
	}
	ids, err := ix.sampleIDs(ctx, statsSample)
	if err != nil {
		return nil, fmt.Errorf("sample field lengths: %w", err)
	}
	sample, err := ix.load(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("sample field lengths: %w", err)
	}
	st = &lengthStats{docs: n, avg: map[string]float64{}}
	for _, a := range sample {
		text := joined(a.Title, a.Lead, a.Body)
		for field, s := range map[string]string{fieldTitle: a.Title, fieldText: text} {
			toks := estimateTokens(s)
			st.avg[field] += toks
			st.avg[field+foldedSuffix] += toks
		}
	}
	for f := range st.avg {
		st.avg[f] = max(st.avg[f]/float64(max(len(sample), 1)), 1)
	}
	// a text of n syllables holds about n pairs
	st.avg[fieldFoldedPairs] = st.avg[fieldText]
	ix.mu.Lock()
	ix.lengths = st
	ix.mu.Unlock()
	return st, nil
}

// sampleIDs returns the ids of about n articles spread evenly over the
// index's internal order (all of them in a smaller index). Only the
// sampled articles' stored documents are read: sorting every article by
// id, as the sample once was drawn, read each one's id from its stored
// document, which at a million articles took two seconds and left the
// whole stored section of the index in the server's memory.
func (ix *Index) sampleIDs(ctx context.Context, n int) ([]string, error) {
	adv, err := ix.bleve.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	total, err := r.DocCount()
	if err != nil {
		return nil, err
	}
	stride := max(total/uint64(n), 1)
	docs, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer docs.Close()
	ids := make([]string, 0, n)
	for k := uint64(0); len(ids) < n; k++ {
		if k%4096 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		iid, err := docs.Next()
		if err != nil {
			return nil, err
		}
		if iid == nil {
			break
		}
		if k%stride != 0 {
			continue
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}
