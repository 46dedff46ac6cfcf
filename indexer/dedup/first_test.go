package dedup

import (
	"testing"
	"time"
)

func TestFirst(t *testing.T) {
	day := time.Date(2024, 3, 1, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b Copy
		want int
	}{
		{"published earlier", Copy{ID: "b", Published: day}, Copy{ID: "a", Published: day.Add(time.Hour)}, -1},
		{"dated before undated", Copy{ID: "b", Published: day.AddDate(1, 0, 0)}, Copy{ID: "a"}, -1},
		{"same date: crawled first", Copy{ID: "b", Published: day, Crawled: day.Add(time.Minute)}, Copy{ID: "a", Published: day, Crawled: day.Add(time.Hour)}, -1},
		{"same date: crawl time known before unknown", Copy{ID: "b", Published: day, Crawled: day}, Copy{ID: "a", Published: day}, -1},
		{"same date and crawl: smaller id", Copy{ID: "a", Published: day, Crawled: day}, Copy{ID: "b", Published: day, Crawled: day}, -1},
		{"undated, crawled first", Copy{ID: "b", Crawled: day}, Copy{ID: "a", Crawled: day.Add(time.Second)}, -1},
		{"the same copy", Copy{ID: "a", Published: day}, Copy{ID: "a", Published: day}, 0},
	}
	for _, tt := range tests {
		if got := First(tt.a, tt.b); got != tt.want {
			t.Errorf("%s: First = %d, want %d", tt.name, got, tt.want)
		}
		if got := First(tt.b, tt.a); got != -tt.want {
			t.Errorf("%s: First reversed = %d, want %d", tt.name, got, -tt.want)
		}
	}
}
