package model

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// corpusFile is the shared corpus of real articles, for measurement only.
const corpusFile = "../../../shared/corpus/crawls.jsonl.gz"

// corpusArticles is how many corpus articles BenchmarkClassifyCorpus reads.
const corpusArticles = 3000

// BenchmarkClassifySeed classifies the real seed article (title, then
// body; it has no lead).
func BenchmarkClassifySeed(b *testing.B) {
	paths, _ := filepath.Glob("../../../shared/seed/*.txt")
	if len(paths) == 0 {
		b.Skip("no seed article")
	}
	data, err := os.ReadFile(paths[0])
	if err != nil {
		b.Fatal(err)
	}
	title, body, _ := strings.Cut(string(data), "\n")
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Classify(title, "", body)
	}
}

// BenchmarkClassifyDemo classifies every labeled demo article.
func BenchmarkClassifyDemo(b *testing.B) {
	set := demoLabeled(b)
	if len(set) == 0 {
		b.Skip("no demo corpus")
	}
	n := 0
	for _, l := range set {
		n += len(l.Title) + len(l.Lead) + len(l.Body)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range set {
			Classify(l.Title, l.Lead, l.Body)
		}
	}
}

// BenchmarkClassifyCorpus classifies the first corpusArticles articles of
// the shared corpus and reports the share classified as examples.
func BenchmarkClassifyCorpus(b *testing.B) {
	set := readCorpus(b)
	n := 0
	for _, l := range set {
		n += len(l.Title) + len(l.Lead) + len(l.Body)
	}
	b.SetBytes(int64(n))
	examples := 0
	for b.Loop() {
		examples = 0
		for _, l := range set {
			if ex, _ := Classify(l.Title, l.Lead, l.Body); ex {
				examples++
			}
		}
	}
	b.ReportMetric(float64(examples)/float64(len(set)), "examples/article")
}

func readCorpus(b *testing.B) []labeled {
	f, err := os.Open(corpusFile)
	if err != nil {
		b.Skip("no corpus")
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatalf("read %s: %v", corpusFile, err)
	}
	var set []labeled
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for len(set) < corpusArticles && sc.Scan() {
		var l labeled
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			b.Fatalf("%s: %v", corpusFile, err)
		}
		set = append(set, l)
	}
	return set
}
