package search

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// TestIndexedToTheCap: a body of exactly MaxIndexedText bytes is
// searchable to its last word; of a longer one, the words past the cap
// are stored but not found.
func TestIndexedToTheCap(t *testing.T) {
	ix, err := Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	fill := func(n int, last string) string {
		body := strings.Repeat("nông thôn mới ", (n-len(last))/len("nông thôn mới ")+1)
		return body[:n-len(last)] + last
	}
	exact := fill(MaxIndexedText, " cuoicungmot")
	over := fill(MaxIndexedText+100, " cuoicunghai")
	if len(exact) != MaxIndexedText || !Truncated(&Article{Body: over}) || Truncated(&Article{Body: exact}) {
		t.Fatalf("fixture sizes %d, %d", len(exact), len(over))
	}
	ctx := context.Background()
	if err := ix.Index(ctx, Article{ID: "exact", Title: "Một", Body: exact}, Article{ID: "over", Title: "Hai", Body: over}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]uint64{"cuoicungmot": 1, "cuoicunghai": 0} {
		res, err := ix.Search(ctx, Request{Query: q})
		if err != nil || res.Total != want {
			t.Errorf("%s: %v, %v; want %d", q, res, err, want)
		}
	}
	a, err := ix.Article(ctx, "over")
	if err != nil || a.Body != over {
		t.Errorf("stored body of the long article: %d bytes, %v", len(a.Body), err)
	}
}

func TestIndexedText(t *testing.T) {
	s := strings.Repeat("a", MaxIndexedText-1) + "ộ" // the rune straddles the cap
	if got := IndexedText(s); len(got) != MaxIndexedText-1 {
		t.Errorf("cut at %d bytes, want %d", len(got), MaxIndexedText-1)
	}
	if got := IndexedText("ngắn"); got != "ngắn" {
		t.Errorf("short text: %q", got)
	}
}
