package dedup

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"hash/fnv"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpusDir holds the shared real-article corpus (measurement only).
var corpusDir = filepath.Join("..", "..", "..", "shared", "corpus")

type corpusArticle struct {
	ID, Source, Title, Body, Cluster string
	Published                        string
}

func readCorpus(t testing.TB) []corpusArticle {
	t.Helper()
	var out []corpusArticle
	for _, name := range []string{"crawls.jsonl.gz", "datasets.jsonl.gz"} {
		f, err := os.Open(filepath.Join(corpusDir, name))
		if err != nil {
			t.Skipf("corpus absent: %v", err)
		}
		defer f.Close()
		gz, err := gzip.NewReader(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(gz)
		sc.Buffer(make([]byte, 1<<20), 16<<20)
		for sc.Scan() {
			var a corpusArticle
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				t.Fatal(err)
			}
			out = append(out, a)
		}
		if err := sc.Err(); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// BenchmarkCorpusCopies sketches every article of the shared corpus and
// looks up copies the way the crawl state does (the LookupSize smallest
// values, at most 64 articles per value, Same on the articles found under
// MinSharedLookups of them), reporting how many
// pairs are taken for copies and the exact Jaccard similarity of their
// shingle sets. It fails when a pair under 0.3 (two different stories) is
// taken for copies, or two articles of different KTLAB clusters (one
// event each, written by several papers).
//
//	go test -run=NONE -bench=CorpusCopies -benchtime=1x ./indexer/dedup/
func BenchmarkCorpusCopies(b *testing.B) {
	arts := readCorpus(b)
	for range b.N {
		measureCopies(b, arts)
	}
}

// BenchmarkFingerprint sketches the corpus's first 2,000 bodies, and the
// same with the first version of Fingerprint as the baseline.
func BenchmarkFingerprint(b *testing.B) {
	arts := readCorpus(b)[:2000]
	for _, v := range []struct {
		name string
		fp   func(string) (Sketch, bool)
	}{{"now", Fingerprint}, {"first-version", referenceFingerprint}} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				for _, a := range arts {
					v.fp(a.Body)
				}
			}
		})
	}
}

func measureCopies(b *testing.B, arts []corpusArticle) {
	start := time.Now()
	sketches := make([]Sketch, len(arts))
	for i, a := range arts {
		sketches[i], _ = Fingerprint(a.Body)
	}
	elapsed := time.Since(start)
	byValue := map[uint64][]int{}
	pairs, crossCluster, below := 0, 0, 0
	withCopy := map[int]bool{}
	hist := map[int]int{} // exact Jaccard, in tenths
	for i, sk := range sketches {
		found := map[int]int{}
		for _, v := range sk.Lookup() {
			for _, j := range byValue[v] {
				found[j]++
				if found[j] != MinSharedLookups || !Same(sk, sketches[j]) {
					continue
				}
				pairs++
				withCopy[i], withCopy[j] = true, true
				exact := jaccard(arts[i].Body, arts[j].Body)
				hist[int(exact*10)]++
				if exact < 0.3 {
					below++
					b.Logf("different stories taken for copies (J=%.2f): %s | %s", exact, arts[i].Title, arts[j].Title)
				}
				if ci, cj := arts[i].Cluster, arts[j].Cluster; ci != "" && cj != "" && ci != cj {
					crossCluster++
				}
			}
			if len(byValue[v]) < MaxPerValue {
				byValue[v] = append(byValue[v], i)
			}
		}
	}
	b.Logf("%d articles sketched in %v (%.0f µs each); %d copy pairs among %d articles; exact Jaccard of the pairs by tenth: %v",
		len(arts), elapsed.Round(time.Millisecond), float64(elapsed.Microseconds())/float64(len(arts)), pairs, len(withCopy), hist)
	if below+crossCluster != 0 {
		b.Errorf("%d pairs under J=0.3 and %d pairs of different KTLAB clusters taken for copies", below, crossCluster)
	}
}

// jaccard is the exact Jaccard similarity of two texts' shingle sets.
func jaccard(a, b string) float64 {
	sa, sb := shingleSet(a), shingleSet(b)
	both := 0
	for h := range sa {
		if sb[h] {
			both++
		}
	}
	return float64(both) / float64(len(sa)+len(sb)-both)
}

func shingleSet(text string) map[uint64]bool {
	words := foldedWords(text)
	set := map[uint64]bool{}
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+shingleSize], " ")))
		set[h.Sum64()] = true
	}
	return set
}
