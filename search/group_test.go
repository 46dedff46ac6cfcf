package search

import (
	"context"
	"testing"
	"time"
)

// TestGroupedShowsTheFirstPrinted asserts that a grouped hit shows the copy
// printed first, and sort=oldest puts it first, ties broken as
// indexer/dedup.First breaks them: by crawl time (unknown last), then by id.
func TestGroupedShowsTheFirstPrinted(t *testing.T) {
	day := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	copyOf := func(id string, published, crawled time.Time) Article {
		return Article{ID: id, Group: "g", Title: "Hội nghị sơ kết", Body: "Tỉnh ủy sơ kết Chỉ thị 05.", Published: published, Crawled: crawled}
	}
	tests := []struct {
		name     string
		articles []Article
		want     string
	}{
		{"published first", []Article{copyOf("a", day.Add(time.Hour), day), copyOf("b", day, day.Add(time.Hour)), copyOf("c", time.Time{}, day)}, "b"},
		{"same date: crawled first", []Article{copyOf("a", day, time.Time{}), copyOf("b", day, day.Add(time.Hour)), copyOf("c", day, day.Add(time.Minute))}, "c"},
		{"same date and crawl: smaller id", []Article{copyOf("c", day, day), copyOf("b", day, day), copyOf("d", day, day)}, "b"},
	}
	for _, tt := range tests {
		ix := newTestIndex(t, tt.articles...)
		r, err := ix.Search(context.Background(), Request{Query: "sơ kết", GroupSyndicated: true})
		if err != nil || len(r.Hits) != 1 || r.Hits[0].ID != tt.want || r.Hits[0].Copies != 2 {
			t.Errorf("%s: %v %+v, want %s with 2 copies", tt.name, err, ids(r), tt.want)
		}
		r, err = ix.Search(context.Background(), Request{Query: "sơ kết", Sort: SortOldest})
		if err != nil || len(r.Hits) != 3 || r.Hits[0].ID != tt.want {
			t.Errorf("%s, sort oldest: %v %+v, want %s first", tt.name, err, ids(r), tt.want)
		}
	}
}
