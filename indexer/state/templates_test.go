package state

import (
	"path/filepath"
	"slices"
	"testing"

	bolt "go.etcd.io/bbolt"
)

func TestTemplates(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "state.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, page := range []string{"a", "b", "b", "c", "d"} {
		if _, err := db.ObserveBlocks("www.Bao.vn", page, []uint64{1, 2}, 3); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.Blocks("bao.vn", []uint64{1, 3})
	if err != nil {
		t.Fatal(err)
	}
	if s := got[1]; s.Pages != 4 || !slices.Equal(s.First, []string{"a", "b", "c"}) {
		t.Errorf("block 1 = %+v, want 4 pages, first a b c", s)
	}
	if _, ok := got[3]; ok {
		t.Error("unseen block known")
	}
	if other, _ := db.Blocks("khac.vn", []uint64{1}); len(other) != 0 {
		t.Errorf("another host knows the block: %+v", other)
	}

	// Past the cap the blocks seen least recently go; the template
	// blocks 1 and 2, seen on every page, stay.
	for i := range uint64(MaxTemplateBlocks/1000 + 2) {
		blocks := []uint64{1, 2}
		for j := range uint64(1000) {
			blocks = append(blocks, 1000+i*1000+j)
		}
		if _, err := db.ObserveBlocks("bao.vn", "p", blocks, 3); err != nil {
			t.Fatal(err)
		}
	}
	got, _ = db.Blocks("bao.vn", []uint64{1, 2, 1000})
	if got[1].Pages < 5 || got[2].Pages < 5 {
		t.Errorf("template blocks forgotten: %+v", got)
	}
	if _, ok := got[1000]; ok {
		t.Error("the oldest block is still remembered past the cap")
	}
	err = db.bolt.View(func(tx *bolt.Tx) error {
		if n := counter(tx.Bucket(bucketTemplates).Bucket(hostKey("bao.vn")), keyCount); n > MaxTemplateBlocks {
			t.Errorf("%d blocks remembered, cap %d", n, MaxTemplateBlocks)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
