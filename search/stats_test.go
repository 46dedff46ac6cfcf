package search

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"
)

func TestSampleIDs(t *testing.T) {
	var batches [][]Article
	for b := range 4 { // one segment per batch
		var batch []Article
		for i := range 25 {
			id := fmt.Sprintf("a%03d", b*25+i)
			batch = append(batch, Article{ID: id, Title: "Tin số " + id, Body: "Nội dung bài " + id})
		}
		batches = append(batches, batch)
	}
	ix := newTestIndex(t)
	for _, b := range batches {
		if err := ix.Index(context.Background(), b...); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()

	all, err := ix.sampleIDs(ctx, 500)
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 100 {
		t.Fatalf("a sample larger than the index has %d ids, want all 100", len(all))
	}

	got, err := ix.sampleIDs(ctx, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 10 {
		t.Fatalf("sample of 10 has %d ids: %v", len(got), got)
	}
	slices.Sort(got)
	if len(slices.Compact(slices.Clone(got))) != 10 {
		t.Fatalf("sample repeats ids: %v", got)
	}
	// Evenly spread: every batch (segment) is represented.
	for b := range batches {
		if !slices.ContainsFunc(got, func(id string) bool {
			return slices.ContainsFunc(batches[b], func(a Article) bool { return a.ID == id })
		}) {
			t.Errorf("no id of batch %d in the sample %v", b, got)
		}
	}

	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := ix.sampleIDs(cancelled, 10); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled sample: err %v, want context.Canceled", err)
	}
}
