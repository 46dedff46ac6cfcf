package search

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"
)

func day(s string) time.Time {
	t, err := ParsePublished(s)
	if err != nil {
		panic(err)
	}
	return t
}

// fixtures are short articles with the traps the ranking must get right.
var fixtures = []Article{
	{ID: "f1", Source: "Báo A", Title: "Đảng ủy xã Chi Lăng lãnh đạo xây dựng nông thôn mới",
		Body:      "Nhớ lời Bác dặn “Dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong”, Đảng ủy xã Chi Lăng đã vận động nhân dân hiến đất làm đường. Ngân sách nhà nước hỗ trợ xi măng.",
		Published: day("2023-05-02T08:00:00+07:00"), Year: 2023, Units: []string{"Đảng ủy xã Chi Lăng"}, Directives: []string{"05-CT/TW"}},
	{ID: "f2", Source: "Báo B", Title: "Người trẻ khởi nghiệp ở nông thôn",
		Body:      "Anh Nam đang xây dựng uy tín với khách hàng bằng sản phẩm sạch. Nhà nước có chính sách hỗ trợ vốn, ngân sách của gia đình còn hạn hẹp.",
		Published: day("2024-01-10"), Year: 2024},
	{ID: "f3", Source: "Báo A", Title: "Đảng uỷ phường Phố Mới làm tốt công tác hoà giải",
		Body:      "Tổ hoà giải ở cơ sở của phường đã hoà giải thành 20 vụ việc. Đảng uỷ phường chỉ đạo sát sao. <script>alert(1)</script>",
		Published: day("15/03/2019 09:30"), Year: 2019, Units: []string{"Đảng ủy phường Phố Mới"}},
	{ID: "f4", Source: "Báo C", Title: norm.NFD.String("Thủy điện xả lũ, người dân cần cảnh giác"),
		Body:      norm.NFD.String("Công ty thủy điện thông báo xả lũ lúc 14 giờ. Chính quyền huyện đã di dời các hộ dân ven sông."),
		Published: day("2020-10-12"), Year: 2020},
	{ID: "f5", Source: "Báo B", Title: "Chuyển đổi số trong cơ quan Đảng",
		Body:      "Các cơ quan tham mưu đẩy mạnh ứng dụng công nghệ thông tin.",
		Published: day("2022-06-01"), Year: 2022},
	{ID: "f6", Source: "Báo C", Title: "Hội nghị về công nghệ",
		Body:      "Hội nghị bàn nhiều nội dung, trong đó có chuyển đổi số ở cấp xã và nâng cao năng lực cán bộ.",
		Published: day("2022-07-01"), Year: 2022},
}

func newTestIndex(t testing.TB, articles ...Article) *Index {
	t.Helper()
	ix, err := Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ix.Index(context.Background(), articles...); err != nil {
		t.Fatal(err)
	}
	return ix
}

func ids(r *Result) []string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	return out
}

func TestSearchRanking(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	tests := []struct {
		q    string
		want []string // all hits in order; "a|b" = a and b in either order
	}{
		{"Đảng ủy", []string{"f1|f3", "f2"}}, // exact first, old tone placement too
		{"dang uy", []string{"f1|f3", "f2"}}, // folded finds all three; adjacent first
		{`"dang uy"`, []string{"f1|f3"}},     // a phrase needs the words adjacent
		{`"đang uy"`, []string{"f1|f3"}},     // no exact phrase: the folded ones
		{`"Dễ trăm lần không dân cũng chịu"`, []string{"f1"}},
		{`"de tram lan khong dan cung chiu"`, []string{"f1"}},
		{"hòa giải", []string{"f3"}},                         // new placement finds old
		{norm.NFD.String("thủy điện xả lũ"), []string{"f4"}}, // NFD query, NFD text
		{"thuy dien", []string{"f4"}},
		{"chuyển đổi số", []string{"f5", "f6"}},      // title above body
		{"ngân sách nhà nước", []string{"f1", "f2"}}, // adjacent above scattered
		{"chuyển đổi số -hội", []string{"f5"}},
		{`"thủy điện" OR "hoà giải"`, []string{"f3|f4"}},
		{"thủy điện OR hoà giải", nil},      // OR binds the words beside it: thủy (điện OR hoà) giải
		{"year:2022", []string{"f6", "f5"}}, // no text: newest first
		{"year:2019..2020", []string{"f4", "f3"}},
		{`unit:"Đảng ủy xã Chi Lăng"`, []string{"f1"}},
		{"directive:05-CT/TW", []string{"f1"}},
		{`source:"Báo C" -year:2020`, []string{"f6"}},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Errorf("%q: %v", tt.q, err)
			continue
		}
		if got := ids(r); !matchOrder(got, tt.want) {
			t.Errorf("%q = %v, want %v", tt.q, got, tt.want)
		}
	}
}

// matchOrder reports whether got lists the groups of want in order, the
// ids of one group ("a|b") in any order.
func matchOrder(got, want []string) bool {
	i := 0
	for _, g := range want {
		group := strings.Split(g, "|")
		if i+len(group) > len(got) {
			return false
		}
		for _, id := range got[i : i+len(group)] {
			if !strings.Contains("|"+g+"|", "|"+id+"|") {
				return false
			}
		}
		i += len(group)
	}
	return i == len(got)
}

func TestSearchSnippetsEscapeAndMark(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	r, err := ix.Search(context.Background(), Request{Query: "hoà giải"})
	if err != nil || len(r.Hits) != 1 {
		t.Fatalf("search: %v %+v", err, r)
	}
	s := strings.Join(r.Hits[0].Snippets, " ")
	if !strings.Contains(s, "<mark>hoà giải</mark>") {
		t.Errorf("no highlight of the original text: %s", s)
	}
	if strings.Contains(s, "<script>") || !strings.Contains(s, "&lt;script&gt;") {
		t.Errorf("article text not escaped: %s", s)
	}
	r, _ = ix.Search(context.Background(), Request{Query: norm.NFD.String("xả lũ")})
	if s := r.Hits[0].Snippets[0]; !strings.Contains(s, "<mark>"+norm.NFD.String("xả lũ")+"</mark>") {
		t.Errorf("NFD text highlight: %s", s)
	}
}

func TestSearchFacetsAndPaging(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	r, err := ix.Search(context.Background(), Request{Query: "", Size: 2, Page: 2, Sort: SortOldest})
	if err != nil {
		t.Fatal(err)
	}
	if r.Total != 6 || strings.Join(ids(r), ",") != "f5,f6" {
		t.Errorf("page 2 oldest = %v of %d", ids(r), r.Total)
	}
	years := r.Facets[FacetYear]
	if len(years) != 5 || years[0].Value != "2024" || years[2] != (Facet{Value: "2022", Count: 2}) {
		t.Errorf("year facet = %+v", years)
	}
	if src := r.Facets[FacetSource]; len(src) != 3 || src[0].Count != 2 {
		t.Errorf("source facet = %+v", src)
	}
}

func TestSearchBadRequests(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	for _, req := range []Request{
		{Query: strings.Repeat("a", MaxQueryBytes+1)},
		{Query: "a\xff"},
		{Query: "foo:bar"},
		{Query: "a", Sort: "random"},
		{Query: "year:abc"},
	} {
		if _, err := ix.Search(context.Background(), req); !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: err = %v, want ErrBadQuery", req.Query, err)
		}
	}
	r, err := ix.Search(context.Background(), Request{Query: "a", Page: 100000, Size: 10000})
	if err != nil || r.Page != MaxPage || r.Size != MaxSize {
		t.Errorf("clamp: %v page=%d size=%d", err, r.Page, r.Size)
	}
}

func TestIndexUpdatesAndArticle(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	up := fixtures[1]
	up.Title = "Tiêu đề mới"
	if err := ix.Index(context.Background(), up); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.Count(); n != uint64(len(fixtures)) {
		t.Errorf("count after re-index = %d", n)
	}
	a, err := ix.Article(context.Background(), "f2")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Tiêu đề mới" || !a.Published.Equal(fixtures[1].Published) || a.Year != 2024 {
		t.Errorf("article = %+v", a)
	}
	a, err = ix.Article(context.Background(), "f1")
	if err != nil || strings.Join(a.Units, "|") != "Đảng ủy xã Chi Lăng" || a.Published.Format(time.RFC3339) != "2023-05-02T08:00:00+07:00" {
		t.Errorf("f1 = %+v, %v", a, err)
	}
	if _, err := ix.Article(context.Background(), "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
}

func TestSuggestion(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	tests := []struct{ q, want string }{
		{"de tram lan khong dan cung chiu", "Dễ trăm lần không dân cũng chịu"},
		{`"kho van lan dan lieu cung xong"`, "khó vạn lần dân liệu cũng xong"},
		{"Đảng ủy", ""},
		{"thuy dien xa lu", "Thủy điện xả lũ"},
		{"hoa giai thanhh", "hòa giải thành"},
	}
	for _, tt := range tests {
		r, err := ix.Search(context.Background(), Request{Query: tt.q})
		if err != nil {
			t.Fatal(err)
		}
		if norm.NFC.String(r.Suggestion) != tt.want {
			t.Errorf("%q: suggestion %q, want %q", tt.q, r.Suggestion, tt.want)
		}
	}
	for _, tt := range []struct{ prefix, want string }{
		{"chuyen d", "chuyển đổi"}, // completes after the words typed, restoring them
		{"chuyển đổi s", "chuyển đổi số"},
		{"Đảng", "đảng"},
		{"thuy", "thủy"},
	} {
		got, err := ix.Suggest(context.Background(), tt.prefix, 3)
		if err != nil || len(got) == 0 || norm.NFC.String(got[0]) != tt.want {
			t.Errorf("Suggest(%q) = %q, %v; want %q first", tt.prefix, got, err, tt.want)
		}
	}
}

func TestUnitAndModelFiltersAnyTyping(t *testing.T) {
	a := fixtures[0]
	a.Models = []string{"Dân vận khéo"}
	ix := newTestIndex(t, a, fixtures[1])
	for _, q := range []string{
		`unit:"Đảng ủy xã Chi Lăng"`, `unit:"Đảng uỷ xã Chi Lăng"`, `unit:"dang uy xa chi lang"`, `unit:"ĐẢNG ỦY XÃ CHI LĂNG"`,
		`model:"Dân vận khéo"`, `model:"dan van kheo"`, `model:"Dân vận khéo" unit:"đảng ủy xã chi lăng"`,
	} {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil || strings.Join(ids(r), ",") != "f1" {
			t.Errorf("%s: %v %v", q, ids(r), err)
		}
	}
	r, _ := ix.Search(context.Background(), Request{Filters: Filters{Keywords: map[string][]string{"unit": {"dang uy xa chi lang"}, "model": {"DÂN VẬN KHÉO"}}}})
	if strings.Join(ids(r), ",") != "f1" {
		t.Errorf("request filters: %v", ids(r))
	}
}

func TestSnippetsMarkEquivalentsOnlyWhole(t *testing.T) {
	ix := newTestIndex(t, Article{ID: "v1", Title: "Nông dân Chi Lăng",
		Body: "Hội Nông dân xã tổ chức hội thảo. Theo lãnh đạo UBND xã Chi Lăng, nông dân đã hiến đất làm đường."})
	for _, q := range []string{"UBND xa Chi Lang", "Ủy ban nhân dân xã Chi Lăng", `"uy ban nhan dan xa chi lang"`} {
		r, err := ix.Search(context.Background(), Request{Query: q})
		if err != nil || len(r.Hits) != 1 {
			t.Fatalf("%s: %v %v", q, err, r)
		}
		s := strings.Join(r.Hits[0].Snippets, " ")
		if !strings.Contains(s, "<mark>UBND xã Chi Lăng</mark>") || strings.Contains(s, "<mark>dân</mark>") {
			t.Errorf("%s: %s", q, s)
		}
	}
}

// TestSnippetsMarkTheTypedForm: a word typed with diacritics marks only
// the occurrences spelled so (in any Unicode form or tone placement) when
// the article holds one, and every spelling when it holds none; a word
// typed without diacritics marks every spelling.
func TestSnippetsMarkTheTypedForm(t *testing.T) {
	body := "Ông Ba bán ba con bò ở chợ; bà Ba mua ba con gà."
	tests := []struct {
		name, body, query string
		marked, unmarked  []string
	}{
		{"typed form present", body, "bò", []string{"<mark>bò</mark>"}, nil},
		{"typed form only where spelled so", body, "bà", []string{"<mark>bà</mark>"}, []string{"<mark>Ba</mark>", "<mark>ba</mark>", "<mark>bán</mark>"}},
		{"typed form absent: every spelling", body, "bạ", []string{"<mark>Ba</mark>", "<mark>bà", "<mark>ba</mark>"}, nil}, // "bà Ba": one mark
		{"without diacritics: every spelling", body, "ba", []string{"<mark>Ba</mark>", "<mark>bà", "<mark>ba</mark>"}, nil},
		{"NFD text", norm.NFD.String(body), "bà", []string{"<mark>" + norm.NFD.String("bà") + "</mark>"}, []string{"<mark>ba</mark>"}},
		{"other tone placement", "Chủ tịch thăm hoà giải viên; hoa nở.", "hòa", []string{"<mark>hoà</mark>"}, []string{"<mark>hoa</mark>"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := newTestIndex(t, Article{ID: "m1", Title: "Phiên chợ", Body: tt.body})
			r, err := ix.Search(context.Background(), Request{Query: tt.query})
			if err != nil || len(r.Hits) != 1 {
				t.Fatalf("%s: %v %+v", tt.query, err, r)
			}
			s := strings.Join(r.Hits[0].Snippets, " ")
			for _, m := range tt.marked {
				if !strings.Contains(s, m) {
					t.Errorf("%s: %s not in %s", tt.query, m, s)
				}
			}
			for _, m := range tt.unmarked {
				if strings.Contains(s, m) {
					t.Errorf("%s: %s in %s", tt.query, m, s)
				}
			}
		})
	}
}

// FuzzSearch runs any query against a small index: no panic, and no error
// but ErrBadQuery.
func FuzzSearch(f *testing.F) {
	ix := newTestIndex(f, fixtures...)
	for _, s := range []string{`"Dễ trăm lần`, "dang uy -x OR", "unit:\"\" year:2020..", "UBND OR OR \"", "a\xffb", "05-CT/TW \"CT/TW\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := ix.Search(context.Background(), Request{Query: q, Size: 3})
		if err != nil && !errors.Is(err, ErrBadQuery) {
			t.Fatalf("%q: %v", q, err)
		}
	})
}

func TestGroupedSearchSuggests(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	r, err := ix.Search(context.Background(), Request{Query: "thuy dien xa lu", GroupSyndicated: true})
	if err != nil || len(r.Hits) != 1 || norm.NFC.String(r.Suggestion) != "Thủy điện xả lũ" {
		t.Errorf("grouped: %+v, %v", r, err)
	}
}

func TestSuggestionNeedsAdjacentWords(t *testing.T) {
	ix := newTestIndex(t, Article{ID: "s1", Title: "Tin tức",
		Body: "Chuyện chạy trốn kéo dài, đến khi đội bóng về nước. Cả đội soo vui mừng."})
	r, err := ix.Search(context.Background(), Request{Query: "chuyen doi soo"})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Suggestion) > len("chuyện đội soo")+4 {
		t.Errorf("suggestion spans the text between scattered words: %q", r.Suggestion)
	}
}

func TestSuggestionRestoresTheLongestPhrases(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	r, err := ix.Search(context.Background(), Request{Query: "chuyen doi so nang luc can bo"})
	if err != nil || r.Total != 1 {
		t.Fatal(err, r)
	}
	if norm.NFC.String(r.Suggestion) != "chuyển đổi số năng lực cán bộ" {
		t.Errorf("suggestion %q", r.Suggestion)
	}
}

// TestQuoteBeyondTheRescoringWindow: an unquoted quote must find the one
// article holding it as a phrase even when hundreds of articles that
// repeat its words score higher without the adjacency bonus.
func TestQuoteBeyondTheRescoringWindow(t *testing.T) {
	var arts []Article
	for i := range rescoreWindow + 100 {
		arts = append(arts, Article{ID: fmt.Sprintf("w%03d", i), Title: "dân trăm lần",
			Body: strings.Repeat("Không, dân chịu khó trăm lần. Cũng dễ. ", 3)})
	}
	for i := range 2000 { // the words are rare in the index as a whole
		arts = append(arts, Article{ID: fmt.Sprintf("o%04d", i), Title: "Thời tiết", Body: "Trời nắng nóng, nhiệt độ cao nhất 38 độ."})
	}
	filler := "Hội nghị tổng kết công tác năm và bàn nhiệm vụ trọng tâm của năm tới. "
	arts = append(arts, Article{ID: "quote", Title: "Tổng kết", Body: filler + "Bác dạy dễ trăm lần không dân cũng chịu. " + filler})
	ix := newTestIndex(t, arts...)
	r, err := ix.Search(context.Background(), Request{Query: "de tram lan khong dan cung chiu"})
	if err != nil || len(r.Hits) == 0 || r.Hits[0].ID != "quote" {
		t.Fatalf("top %v, %v", ids(r), err)
	}
}

func TestTermDictionaryFollowsWritesAfterMaxAge(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	if _, err := ix.terms.get(context.Background(), ix.bleve); err != nil {
		t.Fatal(err)
	}
	if err := ix.Index(context.Background(), Article{ID: "n1", Title: "Lễ hội Gióng", Body: "Hội Gióng ở Sóc Sơn."}); err != nil {
		t.Fatal(err)
	}
	terms, _ := ix.terms.get(context.Background(), ix.bleve)
	if _, ok := terms.best["giong"]; ok {
		t.Fatal("rebuilt right after a write")
	}
	ix.terms.mu.Lock()
	ix.terms.built = ix.terms.built.Add(-termsMaxAge)
	ix.terms.mu.Unlock()
	terms, _ = ix.terms.get(context.Background(), ix.bleve)
	if e, ok := terms.best["giong"]; !ok || e.term != "gióng" {
		t.Errorf("not rebuilt once stale and old: %+v", e)
	}
}
