package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"golang.org/x/text/unicode/norm"
)

// TestExactPhrase asserts that a phrase typed with diacritics ranks the
// texts holding it as typed first, that the syllables of the typed
// spelling apart do not count as holding it, and that excluding it
// excludes only the typed spelling.
func TestExactPhrase(t *testing.T) {
	ix := newTestIndex(t,
		Article{ID: "typed", Title: "Tin tức", Body: "Phong trào thi đua lan tỏa ra cả nước trong năm."},
		Article{ID: "other", Title: "Nuôi trồng", Body: "Nghề nuôi cá nước ngọt, cá nước lợ và cá nước mặn đem lại thu nhập."},
		Article{ID: "apart", Title: "Ở làng", Body: "Cá nước ngọt được nuôi nhiều. Cả làng ra sông lấy nước."},
		Article{ID: "number", Title: "Văn bản", Body: "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị."},
		Article{ID: "numberfolded", Title: "Văn bản", Body: "Chi thi 05-CT/TW cua Bo Chinh tri."},
	)
	for _, c := range []struct {
		q     string
		first string   // the first hit
		want  []string // every hit, in any order
	}{
		{`"cả nước"`, "typed", []string{"typed", "other", "apart"}},
		{norm.NFD.String(`"cả nước"`), "typed", []string{"typed", "other", "apart"}},
		{`"cá nước"`, "", []string{"typed", "other", "apart"}},
		{`nước -"cả nước"`, "", []string{"other", "apart"}},
		{`nước -"cá nước"`, "", []string{"typed"}},
		{`"chỉ thị 05-CT/TW"`, "number", []string{"number", "numberfolded"}},
		{`trị -"chỉ thị 05-CT/TW"`, "", []string{"numberfolded"}},
		{`trị -"chi thi 05-CT/TW"`, "", nil},
	} {
		res, err := ix.Search(context.Background(), Request{Query: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		got := ids(res)
		if c.first != "" && (len(got) == 0 || got[0] != c.first) {
			t.Errorf("%s: %v, want %s first", c.q, got, c.first)
		}
		if c.q == `"cá nước"` && len(got) > 0 && got[0] == "typed" {
			t.Errorf("%s: %v, the typed spelling is elsewhere", c.q, got)
		}
		slices.Sort(got)
		want := slices.Clone(c.want)
		slices.Sort(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: %v, want %v", c.q, got, want)
		}
	}
}

// TestPhraseByPairs asserts that a phrase matches only where its
// syllables stand in a row, in any spelling when typed without
// diacritics: its pairs found apart in an article do not make a match.
func TestPhraseByPairs(t *testing.T) {
	ix := newTestIndex(t,
		Article{ID: "row", Title: "Tin", Body: "Xây dựng nông thôn mới ở Kỳ Anh."},
		Article{ID: "apart", Title: "Tin", Body: "Nông thôn ở đây có thôn mới lập, kỳ anh hùng."},
		Article{ID: "spelled", Title: "Tin", Body: "Phong trào nong thon moi lan rộng."},
	)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{`"nông thôn mới"`, []string{"row", "spelled"}},
		{`"nong thon moi"`, []string{"row", "spelled"}},
		{`"thôn mới ở"`, []string{"row"}},
		{`"moi o ky anh"`, []string{"row"}},
		{`"mới ở Kì Anh"`, []string{"row"}},
		{`"thon o day co"`, []string{"apart"}},
		{`thôn -"nong thon moi"`, []string{"apart"}},
	} {
		res, err := ix.Search(context.Background(), Request{Query: c.q})
		if err != nil {
			t.Fatalf("%s: %v", c.q, err)
		}
		got := ids(res)
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.q, got, c.want)
		}
	}
}

// TestSpellingsFollowTheIndex: a spelling written after a search looked
// up the others is found by the next search.
func TestSpellingsFollowTheIndex(t *testing.T) {
	ix := newTestIndex(t, Article{ID: "a", Title: "Tin", Body: "Đoàn thanh niên xã đi tình nguyện."})
	ctx := context.Background()
	search := func() []string {
		res, err := ix.Search(ctx, Request{Query: `"doan thanh nien"`})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(res)
		slices.Sort(got)
		return got
	}
	if got := search(); !slices.Equal(got, []string{"a"}) {
		t.Fatalf("before: %v", got)
	}
	if err := ix.Index(ctx, Article{ID: "b", Title: "Tin", Body: "Đoàn thành niên là tên một dòng họ."}); err != nil {
		t.Fatal(err)
	}
	if got := search(); !slices.Equal(got, []string{"a", "b"}) {
		t.Errorf("after a new spelling: %v, want [a b]", got)
	}
}

// TestPhraseMatchesRows compares quoted phrases with a scan of the
// articles' folded syllables, on articles drawn from a few syllables
// spelled several ways, so that pairs recur everywhere apart.
func TestPhraseMatchesRows(t *testing.T) {
	words := []string{"cả", "cá", "ca", "nước", "nuoc", "đàn", "dân", "dan", "lý", "ly", "kỳ", "ki", "mới", "moi"}
	rng := rand.New(rand.NewPCG(1, 2))
	var articles []Article
	folded := map[string][]string{}
	for k := range 300 {
		n := 6 + rng.IntN(10)
		var body []string
		for range n {
			body = append(body, words[rng.IntN(len(words))])
		}
		id := fmt.Sprintf("a%03d", k)
		articles = append(articles, Article{ID: id, Title: "Tin", Body: strings.Join(body, " ")})
		folded[id] = foldedTerms(strings.Join(body, " "))
	}
	ix := newTestIndex(t, articles...)
	for range 60 {
		a := articles[rng.IntN(len(articles))]
		body := strings.Fields(a.Body)
		n := 2 + rng.IntN(3)
		start := rng.IntN(len(body) - n + 1)
		phrase := body[start : start+n]
		if rng.IntN(3) == 0 { // a phrase that may be nowhere
			phrase = []string{words[rng.IntN(len(words))], words[rng.IntN(len(words))], words[rng.IntN(len(words))]}
		}
		q := strings.Join(phrase, " ")
		want := foldedTerms(q)
		var expect []string
		for id, terms := range folded {
			for i := 0; i+len(want) <= len(terms); i++ {
				if slices.Equal(terms[i:i+len(want)], want) {
					expect = append(expect, id)
					break
				}
			}
		}
		res, err := ix.Search(context.Background(), Request{Query: `"` + q + `"`, Size: 500})
		if err != nil {
			t.Fatal(err)
		}
		got := ids(res)
		slices.Sort(got)
		slices.Sort(expect)
		if !slices.Equal(got, expect) {
			t.Errorf("%q: %d articles %v, want %d %v", q, len(got), got, len(expect), expect)
		}
	}
}

// TestFoldPattern asserts that the pattern of a folded syllable matches
// its spellings, and the spellings found all fold to it.
func TestFoldPattern(t *testing.T) {
	for _, c := range []struct {
		folded string
		match  []string
		not    []string
	}{
		{"dan", []string{"dan", "dân", "đàn", "dẫn", "dạn"}, []string{"dang", "da"}},
		{"ki", []string{"kì", "kí", "ki", "ky"}, []string{"kia"}},
		{"05-ct/tw", []string{"05-ct/tw"}, []string{"05-ctxtw"}},
		{"nguyen", []string{"nguyễn", "nguyên", "nguyen"}, []string{"nguyenn"}},
	} {
		re := regexp.MustCompile("^(?:" + foldPattern(c.folded) + ")$")
		for _, w := range c.match {
			if !re.MatchString(w) {
				t.Errorf("%s: %q does not match %s", c.folded, w, re)
			}
		}
		for _, w := range c.not {
			if re.MatchString(w) {
				t.Errorf("%s: %q matches %s", c.folded, w, re)
			}
		}
	}
}

func TestConsecutive(t *testing.T) {
	for _, c := range []struct {
		name      string
		positions [][]uint64
		offsets   []uint64
		want      bool
		start     uint64
	}{
		{"adjacent", [][]uint64{{3}, {4}}, []uint64{0, 1}, true, 3},
		{"apart", [][]uint64{{3}, {5}}, []uint64{0, 1}, false, 0},
		{"later occurrence", [][]uint64{{1, 7, 20}, {3, 9, 21}, {22}}, []uint64{0, 1, 2}, true, 20},
		{"second before first", [][]uint64{{5}, {4}}, []uint64{0, 1}, false, 0},
		{"gap in the query", [][]uint64{{2, 10}, {12}}, []uint64{0, 2}, true, 10},
		{"last term missing at the end", [][]uint64{{1, 2}, {2, 3}, {3}}, []uint64{0, 1, 2}, true, 1},
		{"repeated term", [][]uint64{{1, 2, 3}, {1, 2, 3}, {1, 2, 3}}, []uint64{0, 1, 2}, true, 1},
		{"runs out", [][]uint64{{1, 5}, {2}, {9}}, []uint64{0, 1, 2}, false, 0},
	} {
		start, got := consecutive(c.positions, c.offsets, make([]int, len(c.positions)))
		if got != c.want || start != c.start {
			t.Errorf("%s: %d, %v, want %d, %v", c.name, start, got, c.start, c.want)
		}
	}
}

// TestExactPhraseAcrossChunks checks a phrase typed with diacritics on an
// index whose common syllables' postings span many chunks (zapx keeps
// about 1,024 postings per chunk; third_party/zapx jumps over whole
// chunks when advancing): every article holding the phrase as typed is
// found, and none other.
func TestExactPhraseAcrossChunks(t *testing.T) {
	var articles []Article
	want := map[string]bool{}
	for k := range 5000 {
		a := Article{ID: fmt.Sprintf("a%04d", k), Title: "Tin số " + fmt.Sprint(k), Body: "Bài viết của tòa soạn về công tác năm nay."}
		if k%97 == 5 || k == 4999 {
			a.Body = "Bài viết của Đảng ủy xã về công tác năm nay."
			want[a.ID] = true
		} else if k%89 == 3 {
			a.Body = "Bài viết của đang ủy viên xã về công tác năm nay." // the same syllables folded, another spelling
		}
		articles = append(articles, a)
	}
	ix := newTestIndex(t, articles...)
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(context.Background(), Request{Query: `bài -"của Đảng ủy"`, Size: 1})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != uint64(len(articles)-len(want)) {
		t.Errorf("excluding the phrase: %d articles, want %d", res.Total, len(articles)-len(want))
	}
	res, err = ix.Search(context.Background(), Request{Query: `"của Đảng ủy"`, Size: 200})
	if err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, h := range res.Hits {
		if want[h.ID] {
			got++
		} else if got < len(want) {
			t.Errorf("%s ranks among the articles holding the phrase as typed", h.ID)
		}
	}
	if got != len(want) {
		t.Errorf("%d of the %d articles holding the phrase as typed found", got, len(want))
	}
}

// TestConjunctionScoresAcrossChunks checks the scores of a conjunction of
// common words on an index whose postings span many chunks. scorch hands
// the iterators of a scored conjunction the intersection of their
// postings, and zapx then advances each along its full postings to keep
// its frequencies in step (third_party/zapx jumps over whole chunks): a
// frequency read for the wrong article would show as two articles of one
// shape scoring apart, or the order of shapes broken.
func TestConjunctionScoresAcrossChunks(t *testing.T) {
	const n = 5000
	// The second word in a third of the articles: the first word's
	// iterator skips two postings of three, within chunks and across
	// them, and must count those of the target's own chunk.
	missing := func(k int) bool { return k%3 != 0 }
	var articles []Article
	for k := range n {
		dan := 1 + k%5 // how often the first word occurs, the same length for all
		body := strings.Repeat("dân ", dan) + strings.Repeat("xã ", 6-dan)
		if missing(k) {
			body += "huyện"
		} else {
			body += "chủ"
		}
		articles = append(articles, Article{ID: fmt.Sprintf("c%04d", k), Title: "Tin", Body: body})
	}
	ix := newTestIndex(t, articles...)
	if err := ix.Compact(context.Background()); err != nil {
		t.Fatal(err)
	}
	dan := bleve.NewTermQuery("dân")
	dan.SetField(fieldText)
	chu := bleve.NewTermQuery("chủ")
	chu.SetField(fieldText)
	res, err := ix.bleve.Search(bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(dan, chu), n, 0, false))
	if err != nil {
		t.Fatal(err)
	}
	want := 0
	for k := range n {
		if !missing(k) {
			want++
		}
	}
	if len(res.Hits) != want {
		t.Fatalf("%d matches, want %d", len(res.Hits), want)
	}
	byShape := map[int]float64{}
	for _, h := range res.Hits {
		var k int
		fmt.Sscanf(h.ID, "c%d", &k)
		shape := k % 5
		if s, ok := byShape[shape]; ok && s != h.Score {
			t.Fatalf("%s scores %g, another article of its shape %g", h.ID, h.Score, s)
		}
		byShape[shape] = h.Score
	}
	for shape := 1; shape < 5; shape++ {
		if byShape[shape] <= byShape[shape-1] {
			t.Errorf("the word %d times scores %g, %d times %g", shape+1, byShape[shape], shape, byShape[shape-1])
		}
	}
}
