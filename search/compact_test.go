package search

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch"
)

// rootSegments counts the segments a search of ix reads.
func rootSegments(t *testing.T, ix *Index) uint64 {
	t.Helper()
	adv, err := ix.bleve.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	m := adv.(*scorch.Scorch).StatsMap()
	return m["num_root_memorysegments"].(uint64) + m["num_root_filesegments"].(uint64)
}

// TestCompact: a large segment and batches written one by one, more than
// scorch merges in one task; after Compact one segment is left, and
// searches answer as before.
func TestCompact(t *testing.T) {
	noMerges := func(config map[string]any) { // each write persisted as its own segment, none merged
		config["scorchPersisterOptions"] = map[string]any{"MemoryPressurePauseThreshold": 0}
		config["scorchMergePlanOptions"] = map[string]any{"MaxSegmentsPerTier": 100, "SegmentsPerMergeTask": 100, "FloorSegmentSize": 1}
	}
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, noMerges)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	article := func(i int) Article {
		return Article{ID: fmt.Sprintf("a%d", i), Title: "Hội nghị lần " + fmt.Sprint(i), Body: "Hội nghị bàn công tác xây dựng nông thôn mới."}
	}
	// One large segment first, as the merges during a bulk load leave:
	// scorch's scoring of a merge would rather leave it out.
	var first []Article
	for i := range 400 {
		first = append(first, article(i))
	}
	if err := ix.Index(ctx, first...); err != nil {
		t.Fatal(err)
	}
	articles := len(first)
	for range 29 {
		if err := ix.Index(ctx, article(articles)); err != nil {
			t.Fatal(err)
		}
		articles++
	}
	if n := rootSegments(t, ix); n <= 10 {
		t.Skipf("the writes left %d segments, not more than scorch merges in one task", n)
	}
	before, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rootSegments(t, ix); n != 1 {
		t.Errorf("%d segments after Compact, want 1", n)
	}
	// The merged segments' files are gone when Compact returns.
	zaps, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(zaps) != 1 {
		t.Errorf("%d segment files after Compact (%v), want 1", len(zaps), err)
	}
	after, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil || after.Total != before.Total || after.Total != uint64(articles) {
		t.Fatalf("after Compact: %v, %v; before %d matches", after, err, before.Total)
	}
}

// TestBulkLoadIsNotRecorded: an index created for a bulk load is opened
// later with the default merge plan; bleve records the config an index is
// created with, so the bulk plan must not be in it.
func TestBulkLoadIsNotRecorded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, BulkLoad())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 3 {
		if err := ix.Index(ctx, Article{ID: fmt.Sprintf("a%d", i), Title: "Hội nghị", Body: "Bàn công tác xây dựng nông thôn mới."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(meta), "scorchMergePlanOptions") {
		t.Errorf("index_meta.json records the bulk merge plan: %s", meta)
	}
	if ix, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil || res.Total != 3 {
		t.Fatalf("after the bulk load: %+v, %v", res, err)
	}
}
