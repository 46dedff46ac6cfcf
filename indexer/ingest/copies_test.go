package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/internal/corpustest"
	"github.com/vnsearch/vnsearch/search"
)

// TestImportGroupsCopies imports a story, an unrelated article and two
// copies of the story, the earliest publication last and in another
// batch: all three copies end in the group of the earliest.
func TestImportGroupsCopies(t *testing.T) {
	story := strings.Repeat("Sáng nay, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số 05-CT/TW, biểu dương các điển hình tiêu biểu trong học tập và làm theo Bác. ", 4)
	other := strings.Repeat("Mưa lớn kéo dài khiến nhiều tuyến đường ở huyện miền núi bị sạt lở, chính quyền đã di dời hàng trăm hộ dân đến nơi an toàn trong đêm qua. ", 4)
	lines := []map[string]string{
		{"id": "a", "title": "Sơ kết Chỉ thị 05", "published": "2024-03-02", "body": story},
		{"id": "b", "title": "Sạt lở", "published": "2024-03-01", "body": other},
		{"id": "c", "title": "Bắc Ninh sơ kết Chỉ thị 05", "published": "2024-03-03", "body": "Theo báo tỉnh: " + story},
		{"id": "d", "title": "Hội nghị sơ kết", "published": "2024-03-01", "body": story + " Tin: PV."},
	}
	var b strings.Builder
	for _, l := range lines {
		j, _ := json.Marshal(l)
		b.Write(append(j, '\n'))
	}
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := Load(context.Background(), ix, strings.NewReader(b.String()), Config{BatchArticles: 2})
	if err != nil || st.Grouped != 3 {
		t.Fatalf("load: %+v, %v", st, err)
	}
	want := map[string]string{"a": "d", "b": "", "c": "d", "d": "d"}
	for id, group := range want {
		a, err := ix.Article(context.Background(), id)
		if err != nil || a.Group != group {
			t.Errorf("%s: group %q, want %q (%v)", id, a.Group, group, err)
		}
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "so ket chi thi", GroupSyndicated: true})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "d" || res.Hits[0].Copies != 2 {
		t.Errorf("grouped search: %+v, %v", res, err)
	}
}

// TestRegroupBounded: seven copies of a story are written, then the
// earliest publication arrives and moves them all to its group. They are
// rewritten with their new group in writes of at most the batch size, not
// all in one (an import of a million articles moved so many that one write
// ran out of memory).
func TestRegroupBounded(t *testing.T) {
	story := strings.Repeat("Sáng nay, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số 05-CT/TW, biểu dương các điển hình tiêu biểu trong học tập và làm theo Bác. ", 4)
	var b strings.Builder
	for i := range 8 {
		day := 10 - i // the last line is the earliest
		if i == 7 {
			day = 1
		}
		j, _ := json.Marshal(map[string]string{"id": fmt.Sprint("c", i), "title": "Sơ kết", "published": fmt.Sprintf("2024-03-%02d", day), "body": story})
		b.Write(append(j, '\n'))
	}
	ix := newRecorder()
	const size = 3
	st, err := Load(context.Background(), ix, strings.NewReader(b.String()), Config{BatchArticles: size})
	if err != nil || st.Grouped != 8 || st.Indexed != 8 {
		t.Fatalf("load: %+v, %v", st, err)
	}
	for id, a := range ix.stored {
		if a.Group != "c7" {
			t.Errorf("%s in group %q, want c7", id, a.Group)
		}
	}
	for i, batch := range ix.batches {
		if len(batch) > size {
			t.Errorf("write %d holds %d articles, more than %d", i, len(batch), size)
		}
	}
}

// TestCopiesBoundedPerValue files many unrelated articles under one
// common sketch value (a shingle every article of a source carries): the
// value keeps dedup.MaxPerValue of them, so a new article compares with
// a bounded number, and two copies sharing it are still grouped by their
// other values.
func TestCopiesBoundedPerValue(t *testing.T) {
	sketch := func(base uint64) dedup.Sketch {
		sk := dedup.Sketch{1} // the common value, the smallest of all
		for k := range uint64(dedup.SketchSize - 1) {
			sk = append(sk, base+k+2)
		}
		return sk
	}
	c := newCopies()
	for i := range uint64(5 * dedup.MaxPerValue) {
		c.add(&search.Article{ID: fmt.Sprint("u", i)}, sketch(1000*(i+1)))
	}
	first := &search.Article{ID: "first", Published: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)}
	copied := &search.Article{ID: "copy", Published: time.Date(2024, 3, 2, 0, 0, 0, 0, time.UTC)}
	c.add(first, sketch(1<<40))
	c.add(copied, sketch(1<<40))
	if n := len(c.byValue[1]); n != dedup.MaxPerValue {
		t.Errorf("%d articles filed under the common value, want %d", n, dedup.MaxPerValue)
	}
	if copied.Group != "first" || c.grouped() != 2 {
		t.Errorf("copy grouped under %q, %d articles grouped; want first, 2", copied.Group, c.grouped())
	}
}

// BenchmarkCopies groups the copies among the shared corpus's articles,
// as an import of it does (their sketches made beforehand, untimed). It
// reports the copy groups' articles, which the bound per sketch value
// must leave unchanged. VNSEARCH_BENCH_ARTICLES names other gzipped
// JSONL articles to group in their place (vngen articles: at 250,000
// most sketch values are shared by dedup.MaxPerValue articles).
func BenchmarkCopies(b *testing.B) {
	paths := []string{
		filepath.Join("..", "..", "..", "shared", "corpus", "crawls.jsonl.gz"),
		filepath.Join("..", "..", "..", "shared", "corpus", "datasets.jsonl.gz"),
	}
	if p := os.Getenv("VNSEARCH_BENCH_ARTICLES"); p != "" {
		paths = []string{p}
	}
	var bodies []string
	for _, p := range paths {
		corpustest.Each(b, p, func(a corpustest.Article) {
			bodies = append(bodies, a.Body)
		})
	}
	sketches := make([]dedup.Sketch, len(bodies))
	for i, body := range bodies {
		sketches[i], _ = dedup.Fingerprint(body)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	b.ResetTimer()
	for range b.N {
		c := newCopies()
		for i, sk := range sketches {
			if sk != nil {
				c.add(&search.Article{ID: fmt.Sprint(i)}, sk)
			}
		}
		b.StopTimer()
		runtime.GC()
		runtime.ReadMemStats(&after)
		// What the grouping holds beyond the sketches (held by the caller
		// here, by the members in an import).
		b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "held-MB")
		b.ReportMetric(float64(c.grouped()), "grouped")
		runtime.KeepAlive(c)
		b.StartTimer()
	}
}

// TestCopiesCompareWhatSharesTwoLookups: a filed article is compared with
// a new one only when found under dedup.MinSharedLookups of its lookup
// values. Both pairs below are similar enough for dedup.Same; the first
// shares one of its lookup values only and stays ungrouped.
func TestCopiesCompareWhatSharesTwoLookups(t *testing.T) {
	span := func(from, to uint64) []uint64 {
		var out []uint64
		for v := from; v <= to; v++ {
			out = append(out, v)
		}
		return out
	}
	sketch := func(parts ...[]uint64) dedup.Sketch {
		var sk dedup.Sketch
		for _, p := range parts {
			sk = append(sk, p...)
		}
		return sk
	}
	common := span(100, 147)
	for _, c := range []struct {
		name    string
		a, b    dedup.Sketch
		grouped bool
	}{
		{"one lookup value shared", sketch([]uint64{1}, span(2, 16), common), sketch([]uint64{1}, span(17, 31), common), false},
		{"two lookup values shared", sketch([]uint64{1, 2}, span(3, 16), common), sketch([]uint64{1, 2}, span(17, 30), common), true},
	} {
		if !dedup.Same(c.a, c.b) {
			t.Fatalf("%s: the sketches are not similar enough", c.name)
		}
		cp := newCopies()
		a := search.Article{ID: "a", Published: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
		b := search.Article{ID: "b", Published: time.Date(2024, 1, 2, 0, 0, 0, 0, time.UTC)}
		cp.add(&a, c.a)
		cp.add(&b, c.b)
		if got := b.Group == "a"; got != c.grouped {
			t.Errorf("%s: grouped %v (group %q), want %v", c.name, got, b.Group, c.grouped)
		}
	}
}
