package search

import (
	"context"
	"fmt"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
)

// rootSegments counts the segments a search of ix reads.
func rootSegments(t *testing.T, ix *Index) uint64 {
	t.Helper()
	adv, err := ix.bleve.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	m := adv.(*scorch.Scorch).StatsMap()
	return m["num_root_memorysegments"].(uint64) + m["num_root_filesegments"].(uint64)
}

// noMerges opens an index whose writes are each persisted as their own
// segment, none merged.
func noMerges(config map[string]any) {
	config["scorchPersisterOptions"] = map[string]any{"MemoryPressurePauseThreshold": 0}
	config["scorchMergePlanOptions"] = map[string]any{"MaxSegmentsPerTier": 100, "SegmentsPerMergeTask": 100, "FloorSegmentSize": 1}
}

// openNoMerges opens a new index with noMerges, closed when t ends.
func openNoMerges(t *testing.T) *Index {
	t.Helper()
	ix, err := Open(filepath.Join(t.TempDir(), "index"), noMerges)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// TestCompact: a large segment and batches written one by one, more than
// scorch merges in one task; after Compact one segment is left, and
// searches answer as before.
func TestCompact(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, noMerges)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	ctx := context.Background()
	article := func(i int) Article {
		return Article{ID: fmt.Sprintf("a%d", i), Title: "Hội nghị lần " + fmt.Sprint(i), Body: "Hội nghị bàn công tác xây dựng nông thôn mới."}
	}
	// One large segment first, as the merges during a bulk load leave:
	// scorch's scoring of a merge would rather leave it out.
	var first []Article
	for i := range 400 {
		first = append(first, article(i))
	}
	if err := ix.Index(ctx, first...); err != nil {
		t.Fatal(err)
	}
	articles := len(first)
	for range 29 {
		if err := ix.Index(ctx, article(articles)); err != nil {
			t.Fatal(err)
		}
		articles++
	}
	if n := rootSegments(t, ix); n <= 10 {
		t.Skipf("the writes left %d segments, not more than scorch merges in one task", n)
	}
	before, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil {
		t.Fatal(err)
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rootSegments(t, ix); n != 1 {
		t.Errorf("%d segments after Compact, want 1", n)
	}
	// The merged segments' files are gone when Compact returns.
	zaps, err := filepath.Glob(filepath.Join(dir, "store", "*.zap"))
	if err != nil || len(zaps) != 1 {
		t.Errorf("%d segment files after Compact (%v), want 1", len(zaps), err)
	}
	after, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil || after.Total != before.Total || after.Total != uint64(articles) {
		t.Fatalf("after Compact: %v, %v; before %d matches", after, err, before.Total)
	}
}

// TestBulkLoadIsNotRecorded: an index created for a bulk load is opened
// later with the default merge plan; bleve records the config an index is
// created with, so the bulk plan must not be in it.
func TestBulkLoadIsNotRecorded(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir, BulkLoad())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 3 {
		if err := ix.Index(ctx, Article{ID: fmt.Sprintf("a%d", i), Title: "Hội nghị", Body: "Bàn công tác xây dựng nông thôn mới."}); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	meta, err := os.ReadFile(filepath.Join(dir, "index_meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(meta), "scorchMergePlanOptions") {
		t.Errorf("index_meta.json records the bulk merge plan: %s", meta)
	}
	if ix, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	res, err := ix.Search(ctx, Request{Query: `"nông thôn mới"`})
	if err != nil || res.Total != 3 {
		t.Fatalf("after the bulk load: %+v, %v", res, err)
	}
}

// TestCompactKeepsSegmentsOfOtherFields: segments written from batches
// holding different optional fields (an article without directives, units
// or models defines fewer fields, and numbers the rest otherwise), one of
// them with an updated article, are merged by Compact into one segment
// that reads back every article, match, facet and term location as before.
// The merge copies such segments' stored documents and postings as bytes,
// rewriting their field numbers (third_party/zapx/VNSEARCH.md).
func TestCompactKeepsSegmentsOfOtherFields(t *testing.T) {
	ix := openNoMerges(t)
	ctx := context.Background()
	published := time.Date(2024, 3, 5, 8, 0, 0, 0, time.UTC)
	plain := func(i int) Article {
		return Article{ID: fmt.Sprintf("p%d", i), Title: fmt.Sprintf("Hội nghị lần %d", i),
			Body: "Hội nghị bàn công tác xây dựng nông thôn mới ở xã.", Published: published, Source: "a.vn"}
	}
	full := func(i int) Article {
		return Article{ID: fmt.Sprintf("f%d", i), Title: fmt.Sprintf("Học tập và làm theo Bác, đợt %d", i),
			Lead: "Đảng bộ tỉnh triển khai Chỉ thị 05-CT/TW.", Author: "Nguyễn Văn An", Category: "Xây dựng Đảng",
			Body:      "Thực hiện Chỉ thị 05-CT/TW, Đảng bộ xây dựng nông thôn mới gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
			Published: published.AddDate(0, i, 0), Source: "b.vn", Units: []string{"Đảng bộ tỉnh Nam Định"},
			Directives: []string{"05-CT/TW"}, Documents: []string{"Chỉ thị 05-CT/TW"}, Example: true,
			Models: []string{"Dân vận khéo"}, Group: "g1"}
	}
	batches := [][]Article{}
	for b := range 6 {
		var batch []Article
		for i := range 5 {
			if b%2 == 0 {
				batch = append(batch, plain(b*5+i))
			} else {
				batch = append(batch, full(b*5+i))
			}
		}
		batches = append(batches, batch)
	}
	// One field only in the middle of the batches: the lead.
	batches = append(batches, []Article{{ID: "l1", Title: "Tin ngắn", Lead: "Xây dựng nông thôn mới", Body: "Nông thôn mới.", Source: "c.vn"}})
	for _, batch := range batches {
		if err := ix.Index(ctx, batch...); err != nil {
			t.Fatal(err)
		}
	}
	updated := full(5)
	updated.Body += " Cập nhật: thêm một câu về nông thôn mới."
	if err := ix.Index(ctx, updated); err != nil { // a deletion in the second segment
		t.Fatal(err)
	}
	if n := rootSegments(t, ix); n < 5 {
		t.Skipf("the writes left %d segments", n)
	}

	type state struct {
		articles  map[string]*Article
		results   map[string][]string
		locations map[string]string
	}
	read := func() state {
		s := state{articles: map[string]*Article{}, results: map[string][]string{}, locations: map[string]string{}}
		for _, batch := range batches {
			for _, a := range batch {
				got, err := ix.Article(ctx, a.ID)
				if err != nil {
					t.Fatalf("article %s: %v", a.ID, err)
				}
				s.articles[a.ID] = got
			}
		}
		for _, q := range []string{`"nông thôn mới"`, `"nong thon moi"`, "chỉ thị 05", `"học tập và làm theo"`, "nguyen van an", "hội nghị lần"} {
			res, err := ix.Search(ctx, Request{Query: q, Size: 50})
			if err != nil {
				t.Fatalf("search %s: %v", q, err)
			}
			var lines []string
			for _, h := range res.Hits {
				lines = append(lines, fmt.Sprintf("%s %v %v %v %s", h.ID, h.Snippets, h.Units, h.Models, h.Group))
			}
			slices.Sort(lines)
			lines = append(lines, fmt.Sprintf("total %d facets %v", res.Total, res.Facets))
			s.results[q] = lines
		}
		for field, term := range map[string]string{fieldText: "nông", fieldTitle: "học"} {
			req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), 100, 0, false)
			tq := bleve.NewTermQuery(term)
			tq.SetField(field)
			req.Query = tq
			req.IncludeLocations = true
			res, err := ix.bleve.SearchInContext(ctx, req)
			if err != nil {
				t.Fatal(err)
			}
			for _, h := range res.Hits {
				var b strings.Builder
				for f, terms := range h.Locations {
					for term, locs := range terms {
						for _, l := range locs {
							fmt.Fprintf(&b, "%s:%s@%d,%d-%d%v ", f, term, l.Pos, l.Start, l.End, l.ArrayPositions)
						}
					}
				}
				s.locations[field+" "+h.ID] = b.String()
			}
		}
		return s
	}
	before := read()
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rootSegments(t, ix); n != 1 {
		t.Fatalf("%d segments after Compact, want 1", n)
	}
	after := read()
	for id, a := range before.articles {
		if !reflect.DeepEqual(a, after.articles[id]) {
			t.Errorf("article %s after Compact:\n%+v\nbefore:\n%+v", id, after.articles[id], a)
		}
	}
	for q, lines := range before.results {
		if !slices.Equal(lines, after.results[q]) {
			t.Errorf("search %s after Compact:\n%s\nbefore:\n%s", q, strings.Join(after.results[q], "\n"), strings.Join(lines, "\n"))
		}
	}
	if len(before.locations) == 0 || !maps.Equal(before.locations, after.locations) {
		t.Errorf("term locations after Compact:\n%v\nbefore:\n%v", after.locations, before.locations)
	}
}

// TestCompactKeepsEveryTerm: segments with thousands of terms per field,
// more than a merge encodes in one block (zapx's merge_postings.go), some
// of them held only by articles rewritten since. After Compact, whether
// its merge encodes on one goroutine or on several, every field's
// dictionary holds the terms of live articles only, and each term's
// postings (article, frequency, norm, locations) are the ones read before.
func TestCompactKeepsEveryTerm(t *testing.T) {
	defer func(f func() int) { compactWorkers = f }(compactWorkers)
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			compactWorkers = func() int { return workers }
			testCompactKeepsEveryTerm(t)
		})
	}
}

func testCompactKeepsEveryTerm(t *testing.T) {
	ix := openNoMerges(t)
	ctx := context.Background()
	const consonants, vowels = "bcdghklmnpqrstv", "aeiou"
	syllable := func(n int) string {
		return string([]byte{consonants[n%15], vowels[n/15%5], consonants[n/75%15]})
	}
	rng := rand.New(rand.NewPCG(13, 7))
	body := func(words int) string {
		var b strings.Builder
		for range words {
			b.WriteString(syllable(rng.IntN(15 * 5 * 15)))
			b.WriteByte(' ')
		}
		return b.String()
	}
	for batch := range 6 {
		var articles []Article
		for i := range 60 {
			articles = append(articles, Article{ID: fmt.Sprintf("a%d-%d", batch, i), Title: body(4),
				Body: body(60), Source: "a.vn", Published: time.Date(2024, 1, 1+i%28, 0, 0, 0, 0, time.UTC)})
		}
		if batch > 0 { // rewrites of the batch before: its old words left only in deleted articles
			for i := range 10 {
				articles = append(articles, Article{ID: fmt.Sprintf("a%d-%d", batch-1, i), Title: "Tin",
					Body: body(20) + fmt.Sprintf("chi%d", batch), Source: "a.vn"})
			}
		}
		if err := ix.Index(ctx, articles...); err != nil {
			t.Fatal(err)
		}
	}
	if n := rootSegments(t, ix); n < 5 {
		t.Skipf("the writes left %d segments", n)
	}

	fields := []string{fieldText, fieldText + foldedSuffix, fieldFoldedPairs, fieldTitle}
	// read returns each term's postings, and the terms of the dictionaries
	// held by no live article.
	read := func() (map[string][]string, []string) {
		adv, err := ix.bleve.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		r, err := adv.Reader()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		postings := map[string][]string{}
		var dead []string
		for _, field := range fields {
			dict, err := r.FieldDict(field)
			if err != nil {
				t.Fatal(err)
			}
			var terms []string
			for e, err := dict.Next(); e != nil || err != nil; e, err = dict.Next() {
				if err != nil {
					t.Fatal(err)
				}
				terms = append(terms, e.Term)
			}
			dict.Close()
			for _, term := range terms {
				tfr, err := r.TermFieldReader(ctx, []byte(term), field, true, true, true)
				if err != nil {
					t.Fatal(err)
				}
				var docs []string
				for d, err := tfr.Next(nil); d != nil || err != nil; d, err = tfr.Next(nil) {
					if err != nil {
						t.Fatal(err)
					}
					id, err := r.ExternalID(d.ID)
					if err != nil {
						t.Fatal(err)
					}
					var locs []string
					for _, v := range d.Vectors {
						locs = append(locs, fmt.Sprintf("%s:%d:%d-%d", v.Field, v.Pos, v.Start, v.End))
					}
					docs = append(docs, fmt.Sprintf("%s f%d n%.4f %v", id, d.Freq, d.Norm, locs))
				}
				tfr.Close()
				if len(docs) == 0 {
					dead = append(dead, field+"/"+term)
					continue
				}
				slices.Sort(docs)
				postings[field+"/"+term] = docs
			}
		}
		return postings, dead
	}
	before, dead := read()
	if n := len(before); n < 10000 {
		t.Fatalf("%d terms: too few to fill the merge's blocks", n)
	}
	if len(dead) == 0 {
		t.Fatal("no term held by deleted articles only")
	}
	if err := ix.Compact(ctx); err != nil {
		t.Fatal(err)
	}
	if n := rootSegments(t, ix); n != 1 {
		t.Fatalf("%d segments after Compact, want 1", n)
	}
	after, dead := read()
	if len(dead) > 0 {
		t.Errorf("%d terms of deleted articles only left after Compact, such as %s", len(dead), dead[0])
	}
	for key, want := range before {
		if got := after[key]; !slices.Equal(got, want) {
			t.Errorf("%s: postings %v after Compact, want %v", key, got, want)
		}
	}
	for key := range after {
		if _, ok := before[key]; !ok {
			t.Errorf("%s: in the dictionary after Compact, in no live article before", key)
		}
	}
}
