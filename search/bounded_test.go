package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// hugeArticle is an article whose body is about mb megabytes of ordinary
// sentences (the index reads the first MiB of it).
func hugeArticle(id string, mb int) Article {
	var b strings.Builder
	b.WriteString("Người dân phấn khởi.\n")
	for i := 0; b.Len() < mb<<20; i++ {
		fmt.Fprintf(&b, "Đoạn %d: cán bộ và nhân dân cùng bàn việc xây dựng đường làng, ngõ xóm sạch đẹp.\n", i)
	}
	b.WriteString("Cuối cùng, người dân phấn khởi.")
	return Article{ID: id, Source: "Báo X", Title: "Bài rất dài " + id, Body: b.String()}
}

// TestHugeArticlesBoundHitWork indexes articles of 1, 4 and 15 MB beside
// ordinary ones: a search for common words answers, and the snippets,
// highlighting and suggestion read at most maxScanBytes of each text of
// each hit, whatever its size.
func TestHugeArticlesBoundHitWork(t *testing.T) {
	if testing.Short() {
		t.Skip("indexes 20 MB of text")
	}
	articles := append([]Article{}, fixtures...)
	for _, mb := range []int{1, 4, 15} {
		articles = append(articles, hugeArticle(fmt.Sprintf("huge%d", mb), mb))
	}
	ix := newTestIndex(t, articles...)
	for _, q := range []string{"dân", "dan", "người dân", "nguoi dan", `"cán bộ và nhân dân"`, "can bo va nhan dan xay dung"} {
		before := scannedBytes.Load()
		res, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		read := scannedBytes.Load() - before
		// lead and body of each hit, for the snippets and for the suggestion
		limit := int64(len(res.Hits)) * 2 * 2 * maxScanBytes
		if len(res.Hits) < 2 || read > limit {
			t.Errorf("%q: %d hits, %d bytes analyzed, want at least 2 hits and at most %d bytes", q, len(res.Hits), read, limit)
		}
		for _, h := range res.Hits {
			if len(h.Snippets) == 0 || len(h.Snippets[0]) > 4*snippetBytes {
				t.Errorf("%q: %s snippets %q", q, h.ID, h.Snippets)
			}
		}
	}
	before := scannedBytes.Load()
	if _, err := ix.Suggest(context.Background(), "cán bộ và nh", 5); err != nil {
		t.Fatal(err)
	}
	if read := scannedBytes.Load() - before; read > completeHits*2*maxScanBytes {
		t.Errorf("suggest analyzed %d bytes", read)
	}
}

// TestSearchStopsAtTheDeadline asserts that a request whose context is
// done gets an error and no result.
func TestSearchStopsAtTheDeadline(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, grouped := range []bool{false, true} {
		res, err := ix.Search(ctx, Request{Query: "dang uy", GroupSyndicated: grouped})
		if !errors.Is(err, context.Canceled) || res != nil {
			t.Errorf("grouped=%v: %v, %v; want context.Canceled and no result", grouped, res, err)
		}
	}
}
