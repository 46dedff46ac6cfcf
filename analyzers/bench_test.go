package analyzers_test

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
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

// corpusSample reads the bodies of the first perFile articles of each
// corpus file, skipping when the corpus is absent.
func corpusSample(b *testing.B, perFile int) [][]byte {
	b.Helper()
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "*.jsonl.gz"))
	if len(files) == 0 {
		b.Skip("no corpus in ../../shared/corpus")
	}
	var bodies [][]byte
	for _, f := range files {
		got, err := readBodies(f, perFile)
		if err != nil {
			b.Fatal(err)
		}
		bodies = append(bodies, got...)
	}
	return bodies
}

// readBodies returns the bodies of the first n articles of a gzip JSONL file.
func readBodies(path string, n int) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open corpus: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", path, err)
	}
	var bodies [][]byte
	dec := json.NewDecoder(gz)
	for len(bodies) < n {
		var a struct{ Body string }
		if err := dec.Decode(&a); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("decode corpus %s: %w", path, err)
		}
		bodies = append(bodies, []byte(a.Body))
	}
	return bodies, nil
}

func BenchmarkAnalyzers(b *testing.B) {
	benchAnalyzers(b, [][]byte{seedText(b)})
}

// BenchmarkCorpusAnalyzers runs the analyzers over 2,000 articles of each
// corpus file (about 13 MB).
func BenchmarkCorpusAnalyzers(b *testing.B) {
	benchAnalyzers(b, corpusSample(b, 2000))
}

// benchAnalyzers reports the throughput of vi, vi_folded and bleve's
// standard analyzer over texts.
func benchAnalyzers(b *testing.B, texts [][]byte) {
	size := 0
	for _, t := range texts {
		size += len(t)
	}
	m := mapping.NewIndexMapping()
	for _, name := range []string{analyzers.Name, analyzers.FoldedName, standard.Name} {
		a := m.AnalyzerNamed(name)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = 0
				for _, t := range texts {
					n += len(a.Analyze(t))
				}
			}
			b.ReportMetric(float64(n), "tokens")
		})
	}
}
