package search

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/standard"
	"github.com/blevesearch/bleve/v2/mapping"
	bleveindex "github.com/blevesearch/bleve_index_api"
	zap "github.com/blevesearch/zapx/v17"

	"github.com/vnsearch/vnsearch/search/synonym"
)

var benchDocs = flag.Int("benchdocs", 0, "articles of ../shared/corpus to benchmark on (0 = all)")

// benchCorpus loads the articles to benchmark on: ../shared/corpus when it
// is there, the demo corpus otherwise.
func benchCorpus(b *testing.B) (name string, articles []Article) {
	b.Helper()
	files, _ := filepath.Glob("../../shared/corpus/*.jsonl.gz")
	if len(files) == 0 {
		return "demo", loadDemo(b)
	}
	for _, path := range files {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		dec, err := NewDecoder(f)
		if err != nil {
			b.Fatal(err)
		}
		for *benchDocs == 0 || len(articles) < *benchDocs {
			a, err := dec.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				b.Fatalf("%s: %v", path, err)
			}
			a.Year = a.Published.Year()
			if a.Published.IsZero() {
				a.Year = 0
			}
			articles = append(articles, a)
		}
		f.Close()
	}
	return "shared/corpus", articles
}

// BenchmarkIndex indexes the corpus with vnsearch's mapping and, as the
// baseline, with the same document shape under bleve's standard analyzer
// (one text field, no folded twin), reporting docs/s and index MB.
//
//	go test ./search -run NONE -bench Index -benchtime 1x -timeout 60m
func BenchmarkIndex(b *testing.B) {
	name, articles := benchCorpus(b)
	b.Logf("%s: %d articles", name, len(articles))
	for _, m := range []struct {
		name    string
		mapping func() mapping.IndexMapping
	}{
		{"vnsearch", func() mapping.IndexMapping { return newMapping() }},
		{"standard", standardMapping},
	} {
		b.Run(m.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				dir := filepath.Join(b.TempDir(), "index")
				start := time.Now()
				idx, err := bleve.New(dir, m.mapping())
				if err != nil {
					b.Fatal(err)
				}
				for j := 0; j < len(articles); j += 500 {
					batch := idx.NewBatch()
					for k := j; k < min(j+500, len(articles)); k++ {
						if err := batch.Index(articles[k].ID, toDoc(&articles[k])); err != nil {
							b.Fatal(err)
						}
					}
					if err := idx.Batch(batch); err != nil {
						b.Fatal(err)
					}
				}
				if err := idx.Close(); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(len(articles))/time.Since(start).Seconds(), "docs/s")
				b.ReportMetric(float64(DiskSize(dir))/1e6, "index-MB")
			}
		})
	}
}

// BenchmarkSegment builds the segment of one import batch (the first 1,000
// articles of the corpus, analyzed once before the timer starts): zapx's
// share of an import, on the goroutine that writes the batch.
//
//	go test ./search -run NONE -bench Segment -benchtime 20x -benchdocs 1000
func BenchmarkSegment(b *testing.B) {
	_, articles := benchCorpus(b)
	ix, err := Open(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var docs []bleveindex.Document
	for i := range articles[:min(1000, len(articles))] {
		d, err := ix.docs.build(&articles[i])
		if err != nil {
			b.Fatal(err)
		}
		d.AddIDField()
		d.VisitFields(func(f bleveindex.Field) { f.Analyze() })
		docs = append(docs, d)
	}
	b.ResetTimer()
	for range b.N {
		if _, _, err := (&zap.ZapPlugin{}).New(docs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(docs))*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// standardMapping indexes the same documents with bleve's standard
// analyzer and its defaults (term vectors kept): the text field once,
// without the folded twin or the pairs.
func standardMapping() mapping.IndexMapping {
	im := newMapping()
	doc := im.DefaultMapping
	for _, name := range analyzedFields {
		fm := doc.Properties[name].Fields[0]
		fm.Analyzer = standard.Name
		fm.IncludeTermVectors = true
		doc.Properties[name].Fields = doc.Properties[name].Fields[:1]
	}
	im.DefaultAnalyzer = standard.Name
	return im
}

var (
	benchIndexOnce sync.Once
	benchIndex     *Index
	benchIndexErr  error
)

// sharedBenchIndex builds one index of the benchmark corpus for all query
// benchmarks of the run, or opens the one $VNSEARCH_BENCH_INDEX names.
func sharedBenchIndex(b *testing.B) *Index {
	benchIndexOnce.Do(func() {
		if dir := os.Getenv("VNSEARCH_BENCH_INDEX"); dir != "" {
			benchIndex, benchIndexErr = Open(dir)
			return
		}
		_, articles := benchCorpus(b)
		dir, err := os.MkdirTemp("", "vnsearch-bench")
		if err != nil {
			benchIndexErr = err
			return
		}
		benchIndex, benchIndexErr = Open(filepath.Join(dir, "index"))
		for i := 0; i < len(articles) && benchIndexErr == nil; i += 500 {
			benchIndexErr = benchIndex.Index(context.Background(), articles[i:min(i+500, len(articles))]...)
		}
	})
	if benchIndexErr != nil {
		b.Fatal(benchIndexErr)
	}
	return benchIndex
}

// benchQueries are the query shapes of the latency benchmark.
var benchQueries = map[string][]string{
	"phrase": {
		`"Dễ trăm lần không dân cũng chịu"`, `"de tram lan khong dan cung chiu"`, `"chuyển đổi số"`,
		`"ngân sách nhà nước"`, `"phòng, chống tham nhũng"`, `"xây dựng nông thôn mới"`,
	},
	"terms": {
		"Đảng ủy", "dang uy", "hòa giải", "hoa giai", "thuy san", "chuyen doi so",
		"phong chong tham nhung", "Quốc hội", "bão lũ miền Trung", "giá xăng dầu",
	},
	"vocabulary": {
		"UBND xã", "Ủy ban nhân dân tỉnh", "XDNTM", "HĐND tỉnh", `"Mặt trận Tổ quốc"`, "Bác Hồ", "CAND",
		"đại biểu Quốc hội", "BCH Đoàn", "kinh tế - xã hội",
	},
	"filtered": {
		"Đảng ủy year:2013", "kinh te year:2005..2006", `"Quốc hội" year:2015..2025`,
		"chinh phu -year:2013", "tham nhũng source:VnExpress", "giáo dục OR y tế year:2016..",
	},
}

// BenchmarkQuery measures query latency (facets, highlights and
// suggestions included) by query shape, with the political vocabulary on
// and off, and reports p50 and p99.
//
//	go test ./search -run NONE -bench Query -benchtime 200x -timeout 60m
func BenchmarkQuery(b *testing.B) {
	ix := sharedBenchIndex(b)
	names := make([]string, 0, len(benchQueries))
	for n := range benchQueries {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		qs := benchQueries[name]
		for _, vocab := range []struct {
			name string
			v    *synonym.Vocabulary
		}{{"vocabulary=on", synonym.Default()}, {"vocabulary=off", nil}} {
			b.Run(name+"/"+vocab.name, func(b *testing.B) {
				ix.SetVocabulary(vocab.v)
				searchInTurn(b, ix, qs)
			})
		}
	}
}

// BenchmarkMix runs the query mix of a file of API query strings (one
// "q=…" a line, as `vngen queries` writes them for vnload) in order, each
// search as the HTTP API runs it (facets, snippets, suggestion and
// timeline), and reports p50 and p99: the in-process half of the scale
// benchmark, for profiles. When VNSEARCH_BENCH_QUERIES names a directory
// (`vngen queries --shapes DIR`), each of its files is a sub-benchmark: one
// query shape. The queries run once before the timing starts, so the
// statistics, dictionary and facet table a fresh index builds on its first
// searches stay out of the percentiles.
//
//	VNSEARCH_BENCH_INDEX=DATA/index VNSEARCH_BENCH_QUERIES=queries.txt \
//	  go test ./search -run NONE -bench Mix -benchtime 482x -cpuprofile cpu.out
//	VNSEARCH_BENCH_INDEX=DATA/index VNSEARCH_BENCH_QUERIES=shapes \
//	  go test ./search -run NONE -bench Mix/titles -benchtime 300x
func BenchmarkMix(b *testing.B) {
	path := os.Getenv("VNSEARCH_BENCH_QUERIES")
	if path == "" {
		b.Skip("VNSEARCH_BENCH_QUERIES names no query file")
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	if !st.IsDir() {
		searchMix(b, path)
		return
	}
	files, err := filepath.Glob(filepath.Join(path, "*.txt"))
	if err != nil {
		b.Fatal(err)
	}
	for _, f := range files {
		b.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(b *testing.B) { searchMix(b, f) })
	}
}

// searchMix runs the queries of the file at path in turn, after one
// untimed pass over them.
func searchMix(b *testing.B, path string) {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	var qs []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		v, err := url.ParseQuery(line)
		if err != nil {
			b.Fatalf("%s: %v", path, err)
		}
		qs = append(qs, v.Get("q"))
	}
	ix := sharedBenchIndex(b)
	for _, q := range qs {
		if _, err := ix.Search(context.Background(), Request{Query: q}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	searchInTurn(b, ix, qs)
}

// searchInTurn runs b.N searches of qs in turn and reports their p50 and
// p99.
func searchInTurn(b *testing.B, ix *Index, qs []string) {
	lat := make([]time.Duration, 0, b.N)
	for i := 0; i < b.N; i++ {
		start := time.Now()
		if _, err := ix.Search(context.Background(), Request{Query: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	reportPercentiles(b, lat)
}

func reportPercentiles(b *testing.B, lat []time.Duration) {
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	at := func(p float64) float64 {
		return float64(lat[min(len(lat)-1, int(p*float64(len(lat))))].Microseconds()) / 1000
	}
	b.ReportMetric(at(0.50), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
}

// ExampleIndex_Search shows a query typed without diacritics finding and
// highlighting accented text.
func ExampleIndex_Search() {
	dir, _ := os.MkdirTemp("", "example")
	defer os.RemoveAll(dir)
	ix, _ := Open(filepath.Join(dir, "index"))
	defer ix.Close()
	ix.Index(context.Background(), Article{
		ID: "a1", Title: "Học tập và làm theo Bác",
		Body: "Nhớ lời Bác dặn “Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”.",
	})
	res, _ := ix.Search(context.Background(), Request{Query: "de tram lan khong dan cung chiu"})
	fmt.Println(res.Total, res.Hits[0].ID)
	fmt.Println(res.Hits[0].Snippets[0])
	fmt.Println(res.Suggestion)
	// Output:
	// 1 a1
	// Nhớ lời Bác dặn “<mark>Dễ trăm lần không dân cũng chịu</mark>, khó vạn lần dân liệu cũng xong”.
	// Dễ trăm lần không dân cũng chịu
}
