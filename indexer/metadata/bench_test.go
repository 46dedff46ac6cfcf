package metadata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

// BenchmarkEnrich runs every recognizer on the seed article.
func BenchmarkEnrich(b *testing.B) {
	data, err := os.ReadFile(filepath.Join(seedDir, "000_b6162edb66d1b8a4.txt"))
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		a := search.Article{Title: title, Body: body, Published: time.Date(2023, 5, 19, 0, 0, 0, 0, time.UTC)}
		Enrich(&a)
	}
}
