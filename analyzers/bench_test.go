package analyzers_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/vnsearch/vnsearch/analyzers"
)

// seedText reads the seed articles shared by the project, skipping when
// they are absent.
func seedText(b *testing.B) []byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "seed", "*.txt"))
	if len(files) == 0 {
		b.Skip("no seed articles in ../../shared/seed")
	}
	var text []byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatalf("read seed %s: %v", f, err)
		}
		text = append(text, data...)
	}
	return text
}

func BenchmarkAnalyzers(b *testing.B) {
	text := seedText(b)
	m := mapping.NewIndexMapping()
	for _, name := range []string{analyzers.Name, analyzers.FoldedName, standard.Name} {
		a := m.AnalyzerNamed(name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = len(a.Analyze(text))
			}
			b.ReportMetric(float64(n), "tokens")
		})
	}
}
