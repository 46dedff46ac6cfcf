package search

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"
)

func TestExportAllMatchesNewestFirst(t *testing.T) {
	var arts []Article
	base := day("2020-01-01")
	for i := range 1234 {
		a := Article{ID: fmt.Sprintf("e%04d", i), Title: "Tin nông thôn mới", Body: "Xây dựng nông thôn mới ở xã."}
		if i%10 != 0 { // every tenth is undated
			a.Published = base.Add(time.Duration(i%300) * time.Hour)
		}
		arts = append(arts, a)
	}
	arts = append(arts, Article{ID: "other", Title: "Khác", Body: "Không liên quan."})
	ix := newTestIndex(t, arts...)
	var got []*Article
	err := ix.Export(context.Background(), Request{Query: "nong thon"}, MaxExport, func(a *Article) error {
		got = append(got, a)
		return nil
	})
	if err != nil || len(got) != 1234 {
		t.Fatalf("export: %d articles, %v", len(got), err)
	}
	seen := map[string]bool{}
	for i, a := range got {
		if seen[a.ID] {
			t.Fatalf("%s exported twice", a.ID)
		}
		seen[a.ID] = true
		if a.Body != "" {
			t.Fatalf("export loads the body")
		}
		if i > 0 && !got[i-1].Published.IsZero() && a.Published.After(got[i-1].Published) {
			t.Fatalf("not newest first at %d", i)
		}
		if i > 0 && got[i-1].Published.IsZero() && !a.Published.IsZero() {
			t.Fatalf("an undated article before a dated one at %d", i)
		}
	}
	n := 0
	stop := errors.New("stop")
	err = ix.Export(context.Background(), Request{Query: "nong thon"}, 700, func(*Article) error {
		if n++; n == 600 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 600 {
		t.Errorf("stop: %v after %d", err, n)
	}
	n = 0
	ix.Export(context.Background(), Request{Query: "nong thon"}, 700, func(*Article) error { n++; return nil })
	if n != 700 {
		t.Errorf("limit 700: %d", n)
	}
	if err := ix.Export(context.Background(), Request{Query: "foo:bar"}, 10, nil); !errors.Is(err, ErrBadQuery) {
		t.Errorf("bad query: %v", err)
	}
}
