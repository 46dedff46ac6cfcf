package search

import (
	"context"
	"errors"
	"testing"
)

// TestWarm: after Warm, the first search finds the field lengths, the
// suggestion dictionary and the facet table read.
func TestWarm(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	if ix.lengths != nil || ix.terms.cur != nil || ix.facets.table.Load() != nil {
		t.Fatal("an index just written has nothing read yet")
	}
	if err := ix.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	ix.facets.done.Wait() // the facet table is read in the background
	if ix.lengths == nil || ix.terms.cur == nil || ix.currentFacetTable() == nil {
		t.Errorf("warmed: lengths %v, dictionary %v, facet table %v", ix.lengths != nil, ix.terms.cur != nil, ix.currentFacetTable() != nil)
	}
	if err := newTestIndex(t).Warm(context.Background()); err != nil {
		t.Errorf("an empty index: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := newTestIndex(t, fixtures...).Warm(ctx); err == nil {
		t.Error("a cancelled warm-up reported no error")
	}
}

// TestTermDictionaryReadStops: a read of the suggestion dictionary whose
// context has ended stops with its error and keeps nothing; the next
// caller reads it.
func TestTermDictionaryReadStops(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.terms.get(ctx, ix.bleve); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled read: %v", err)
	}
	if ix.terms.cur != nil {
		t.Fatal("a cancelled read was kept")
	}
	if tm, err := ix.terms.get(context.Background(), ix.bleve); err != nil || len(tm.keys) == 0 {
		t.Errorf("read after a cancelled one: %v", err)
	}
}
