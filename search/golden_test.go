package search

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/search/demo"
)

var update = flag.Bool("update", false, "rewrite the golden ranking file")

const goldenFile = "testdata/golden_ranking.tsv"

// quote is a passage that must find its article first.
type quote struct {
	name string // stable case name, e.g. demo-001#0
	id   string
	text string
}

// loadDemo reads the demo corpus.
func loadDemo(t testing.TB) []Article {
	t.Helper()
	r, err := demo.Open()
	if err != nil {
		t.Fatal(err)
	}
	dec, err := NewDecoder(r)
	if err != nil {
		t.Fatal(err)
	}
	var out []Article
	for {
		a, err := dec.Next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("demo corpus: %v", err)
		}
		out = append(out, a)
	}
	return out
}

// withSeed adds the seed article to articles when ../shared is beside the
// repository.
func withSeed(t testing.TB, articles []Article) ([]Article, bool) {
	seed, ok := seedArticle(t)
	if !ok {
		return articles, false
	}
	return append(articles, seed), true
}

// seedArticle reads ../shared/seed (title on the first line, then the body).
func seedArticle(t testing.TB) (Article, bool) {
	files, _ := filepath.Glob("../../shared/seed/*.txt")
	if len(files) == 0 {
		return Article{}, false
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	title, body, _ := strings.Cut(string(b), "\n")
	return Article{ID: "seed", Source: "seed", Title: strings.TrimSpace(title), Body: strings.TrimSpace(body)}, true
}

// loadQuotes reads the demo quote files.
func loadQuotes(t testing.TB) []quote {
	t.Helper()
	files, err := filepath.Glob("demo/testdata/quotes-*.tsv")
	if err != nil || len(files) == 0 {
		t.Fatalf("no quote files: %v", err)
	}
	var out []quote
	n := map[string]int{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			id, text, ok := strings.Cut(line, "\t")
			if !ok {
				t.Fatalf("%s: bad line %q", f, line)
			}
			out = append(out, quote{fmt.Sprintf("%s#%d", id, n[id]), id, text})
			n[id]++
		}
	}
	return out
}

// seedQuotes picks up to eight sentences of 8–14 words from the seed body:
// the seed is not ours to copy into testdata, so its quotes are chosen here.
func seedQuotes(a Article) []quote {
	var out []quote
	for _, s := range strings.FieldsFunc(a.Body, func(r rune) bool { return strings.ContainsRune(".:;\n“”\"", r) }) {
		words := strings.Fields(s)
		if len(words) < 8 || len(out) == 8 {
			continue
		}
		out = append(out, quote{fmt.Sprintf("seed#%d", len(out)), "seed", strings.Join(words[:min(len(words), 14)], " ")})
	}
	return out
}

// typings are the ways a user types a quote.
var typings = []struct {
	name string
	f    func(string) string
}{
	{"exact", func(s string) string { return s }},
	{"nodiac", analyzers.Fold},
	{"tone", analyzers.SwapTone},
	{"nfd", norm.NFD.String},
}

// holders returns the ids of articles whose text holds q (folded, word by
// word), sorted.
func holders(articles []Article, q string) []string {
	want := " " + foldedWords(q) + " "
	var out []string
	for _, a := range articles {
		if strings.Contains(" "+foldedWords(a.Title+" . "+a.Lead+" . "+a.Body)+" ", want) {
			out = append(out, a.ID)
		}
	}
	sort.Strings(out)
	return out
}

func foldedWords(s string) string {
	toks := analyzers.AnalyzeFolded(s)
	words := make([]string, len(toks))
	for i, t := range toks {
		words[i] = t.Term
	}
	return strings.Join(words, " ")
}

// TestGoldenRanking types every quote four ways and asserts that an
// article holding it comes first, then compares the top three of every
// case with the golden file (go test ./search -run Golden -update rewrites
// it after an intended ranking change).
func TestGoldenRanking(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	quotes := loadQuotes(t)
	if len(quotes) < 30 {
		t.Fatalf("only %d quotes", len(quotes))
	}
	got := map[string]string{}
	var names []string
	for _, q := range quotes {
		for ty, top := range rankQuote(t, ix, articles, q) {
			name := q.name + "/" + ty
			names = append(names, name)
			got[name] = strings.Join(top, " ")
		}
	}
	for _, c := range loadConfusables(t) {
		for _, typed := range []string{c.query, analyzers.Fold(c.query)} {
			r, err := ix.Search(context.Background(), Request{Query: typed, Size: MaxSize})
			if err != nil {
				t.Fatal(err)
			}
			top := ids(r)
			first, other := index(top, c.first), index(top, c.other)
			switch {
			case typed == c.query && (first != 0 || (other >= 0 && other < first)):
				t.Errorf("confusable %q: %v, want %s first and %s below", typed, top, c.first, c.other)
			case typed != c.query && (first < 0 || other < 0):
				t.Errorf("confusable %q without diacritics: %v, want both %s and %s", typed, top, c.first, c.other)
			}
			name := "confusable:" + c.first + ":" + typed
			names = append(names, name)
			got[name] = strings.Join(top[:min(3, len(top))], " ")
		}
	}
	compareGolden(t, names, got)
}

// rankQuote types q every way, asserts that an article holding it comes
// first each time and returns the top three by typing.
func rankQuote(t *testing.T, ix *Index, articles []Article, q quote) map[string][]string {
	ok := holders(articles, q.text)
	if !contains(ok, q.id) {
		t.Errorf("%s: quote %q is not in its article %s", q.name, q.text, q.id)
		return nil
	}
	out := map[string][]string{}
	for _, ty := range typings {
		typed := ty.f(q.text)
		r, err := ix.Search(context.Background(), Request{Query: typed, Size: 3})
		if err != nil {
			t.Fatalf("%s/%s: %v", q.name, ty.name, err)
		}
		top := ids(r)
		if len(top) == 0 || !contains(ok, top[0]) {
			t.Errorf("%s/%s %q: top %v, want one of %v first", q.name, ty.name, typed, top, ok)
		}
		out[ty.name] = top
	}
	return out
}

// TestSeedQuotes adds the seed article (when ../shared is there) to the
// demo corpus and asserts that sentences of it, typed every way, find it
// first, and that the demo quotes still find theirs.
func TestSeedQuotes(t *testing.T) {
	articles, ok := withSeed(t, loadDemo(t))
	if !ok {
		t.Skip("no ../shared/seed beside the repository")
	}
	ix := newTestIndex(t, articles...)
	quotes := seedQuotes(articles[len(articles)-1])
	if len(quotes) < 5 {
		t.Fatalf("only %d seed quotes", len(quotes))
	}
	for _, q := range append(quotes, loadQuotes(t)...) {
		rankQuote(t, ix, articles, q)
	}
}

type confusable struct{ query, first, other string }

func loadConfusables(t testing.TB) []confusable {
	files, _ := filepath.Glob("demo/testdata/confusables-*.tsv")
	var out []confusable
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			p := strings.Split(line, "\t")
			if len(p) != 3 {
				t.Fatalf("%s: bad line %q", f, line)
			}
			out = append(out, confusable{p[0], p[1], p[2]})
		}
	}
	return out
}

func compareGolden(t *testing.T, names []string, got map[string]string) {
	if *update {
		var b strings.Builder
		for _, n := range names {
			fmt.Fprintf(&b, "%s\t%s\n", n, got[n])
		}
		if err := os.WriteFile(goldenFile, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(goldenFile)
	if err != nil {
		t.Fatalf("%v (run go test ./search -run Golden -update)", err)
	}
	defer f.Close()
	want := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		n, ids, _ := strings.Cut(sc.Text(), "\t")
		want[n] = ids
	}
	for _, n := range names {
		if w, ok := want[n]; !ok {
			t.Errorf("%s: not in %s (run with -update)", n, goldenFile)
		} else if w != got[n] {
			t.Errorf("%s: top %q, golden %q", n, got[n], w)
		}
	}
	if len(want) != len(names) {
		t.Errorf("%s has %d cases, the test ran %d (run with -update)", goldenFile, len(want), len(names))
	}
}

func contains(s []string, v string) bool { return index(s, v) >= 0 }

func index(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

// TestTypedFormFirst asserts that a quoted phrase whose vocabulary
// equivalent also matches ranks the articles writing it as typed above
// one writing only the equivalent, however rare the abbreviation and
// short the article: "ra Ủy ban kiểm tra Tỉnh ủy" against "Ngoài ra, UBKT
// Tỉnh ủy".
func TestTypedFormFirst(t *testing.T) {
	filler := strings.Repeat("Hội nghị đã nghe báo cáo tình hình thực hiện nhiệm vụ chính trị của địa phương trong năm qua. ", 12)
	var articles []Article
	for i := range 6 {
		articles = append(articles, Article{
			ID: fmt.Sprintf("typed%d", i), Title: "Kỷ luật cán bộ",
			Body: filler + "Ngoài ra, Ủy ban kiểm tra Tỉnh ủy quyết định kỷ luật khiển trách. " + filler,
		})
	}
	for i := range 20 {
		articles = append(articles, Article{ID: fmt.Sprintf("other%d", i), Title: "Tin địa phương", Body: filler + "Tỉnh ủy chỉ đạo."})
	}
	articles = append(articles, Article{ID: "abbr", Title: "UBKT", Body: "Ngoài ra, UBKT Tỉnh ủy đã kết luận."})
	ix := newTestIndex(t, articles...)
	for _, q := range []string{`"ra Ủy ban kiểm tra Tỉnh ủy"`, `"ra Uy ban kiem tra Tinh uy"`, `ra Ủy ban kiểm tra Tỉnh ủy`} {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(r)
		if len(got) != 7 || got[6] != "abbr" {
			t.Errorf("%s: %v, want the six typed forms, then abbr", q, got)
		}
	}
}

// TestMisrememberedQuotes types quotes of the demo corpus with a syllable
// different, missing, added or swapped, or split in two, in quotation
// marks: the article comes first as a near match, and the suggestion of a
// query typed without diacritics has them back.
func TestMisrememberedQuotes(t *testing.T) {
	ix := newTestIndex(t, loadDemo(t)...)
	b, err := os.ReadFile("testdata/misremembered.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			t.Fatalf("bad line %q", line)
		}
		kind, id, q := p[0], p[1], p[2]
		for _, typed := range []string{q, strings.Trim(q, `"`)} {
			r, err := ix.Search(context.Background(), Request{Query: typed, Size: 3})
			if err != nil {
				t.Fatal(err)
			}
			if top := ids(r); len(top) == 0 || top[0] != id {
				t.Errorf("%s %s: top %v (match %s), want %s first", kind, typed, top, r.Match, id)
			}
			if typed == q && r.Match != MatchNear {
				t.Errorf("%s %s: match %q, want %q", kind, typed, r.Match, MatchNear)
			}
			if typed == q && !analyzers.HasDiacritics(q) && !analyzers.HasDiacritics(r.Suggestion) {
				t.Errorf("%s %s: suggestion %q, want the diacritics restored", kind, typed, r.Suggestion)
			}
		}
	}
}

// TestMisrememberedVariants edits every demo quote of eight words or more
// three ways (an inner word dropped, replaced by a common word, swapped
// with its neighbour) and types each in quotation marks, as typed and
// without diacritics, and unquoted: its article comes first, and a quoted
// variant no article holds as written is a near match.
func TestMisrememberedVariants(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	edits := []struct {
		name string
		f    func([]string, int) []string
	}{
		{"drop", func(w []string, i int) []string { return append(w[:i:i], w[i+1:]...) }},
		{"substitution", func(w []string, i int) []string {
			out := slices.Clone(w)
			out[i] = "của"
			return out
		}},
		{"swap", func(w []string, i int) []string {
			out := slices.Clone(w)
			out[i], out[i+1] = out[i+1], out[i]
			return out
		}},
	}
	n := 0
	for _, q := range loadQuotes(t) {
		words := strings.Fields(q.text)
		if len(words) < 8 || strings.Contains(q.text, `"`) {
			continue
		}
		for k, e := range edits {
			edited := strings.Join(e.f(slices.Clone(words), 2+(n+k)%(len(words)-4)), " ")
			want := holders(articles, q.text)
			for _, typed := range []string{`"` + edited + `"`, `"` + analyzers.Fold(edited) + `"`, edited} {
				r, err := ix.Search(context.Background(), Request{Query: typed, Size: 3})
				if err != nil {
					t.Fatal(err)
				}
				top := ids(r)
				if len(top) == 0 || !contains(want, top[0]) {
					t.Errorf("%s %s %s: top %v (match %s), want one of %v first", q.name, e.name, typed, top, r.Match, want)
				}
				if strings.HasPrefix(typed, `"`) && len(holders(articles, edited)) == 0 && r.Match != MatchNear {
					t.Errorf("%s %s %s: match %q, want %q", q.name, e.name, typed, r.Match, MatchNear)
				}
			}
		}
		n++
	}
	if n < 20 {
		t.Fatalf("only %d quotes of eight words or more", n)
	}
}

// TestExactQuoteAlone: a quote some article holds as written is an exact
// match, and only its holders are found, however many hold it nearly.
func TestExactQuoteAlone(t *testing.T) {
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	const q = "Dễ trăm lần không dân cũng chịu"
	r, err := ix.Search(context.Background(), Request{Query: `"` + q + `"`, Size: MaxSize})
	if err != nil {
		t.Fatal(err)
	}
	got := ids(r)
	sort.Strings(got)
	if want := holders(articles, q); r.Match != MatchExact || !slices.Equal(got, want) {
		t.Errorf("match %q, hits %v; want %q and exactly %v", r.Match, got, MatchExact, want)
	}
}
