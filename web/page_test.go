package web

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

func TestSearchPage(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/?q=d%C3%A2n+v%E1%BA%ADn&utm_source=facebook&fbclid=x")
	if w.Code != http.StatusOK {
		t.Fatalf("status %d: %s", w.Code, w.Body)
	}
	body := w.Body.String()
	for _, want := range []string{
		`<html lang="vi">`,
		`value="dân vận"`,
		`Kết quả: <strong id="total">2</strong> bài <span class="took">(0,01 giây)</span>`,
		`<p class="snippet">Phong trào <mark>dân vận</mark> khéo lan tỏa; dân là gốc.</p>`,
		// The title is text, never markup.
		`Dân vận khéo ở cơ sở &lt;script&gt;alert(1)&lt;/script&gt;`,
		`<time datetime="2021-03-02">02/03/2021</time>`,
		`<h2>Văn bản chỉ đạo</h2>`,
		`<span class="label">Chỉ thị 05-CT/TW</span> <span class="count">1</span>`,
		`href="/?directive=05-CT%2FTW&amp;q=d%C3%A2n&#43;v%E1%BA%ADn"`,
		`<h2>Đơn vị</h2>`, `<h2>Năm</h2>`, `<h2>Nguồn</h2>`,
		`Sắp xếp:`, `<strong aria-current="true">Liên quan</strong>`, `>Mới nhất</a>`, `>Cũ nhất</a>`,
		`Gộp bài đăng lại (ai đưa tin trước)`,
		`href="/search.rss?q=d%C3%A2n&#43;v%E1%BA%ADn"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "utm_source") || strings.Contains(body, "fbclid") {
		t.Error("page carries script or tracking parameters")
	}
}

func TestSearchPageSelectedFacet(t *testing.T) {
	s, fake := newTestServer(t, nil)
	w := get(t, s, "/?q=d%C3%A2n&directive=01-KL%2FTW&year=2021&sort=newest&group=on")
	body := w.Body.String()
	req := fake.lastRequest()
	if w.Code != 200 || req.Filters.Keywords["directive"][0] != "01-KL/TW" || req.Filters.YearFrom != 2021 || !req.GroupSyndicated {
		t.Fatalf("status %d request %+v", w.Code, req)
	}
	for _, want := range []string{
		`<strong id="total">1</strong>`,
		// Selected values are marked and link to their removal.
		`<a href="/?group=on&amp;q=d%C3%A2n&amp;sort=newest&amp;year=2021" class="selected" aria-current="true"><span class="label">Chỉ thị 01-KL/TW</span>`,
		`Đang lọc:`, `Văn bản chỉ đạo: 01-KL/TW`, `Năm: 2021`, `Xóa tất cả`,
		`<input type="hidden" name="directive" value="01-KL/TW">`,
		`<input type="hidden" name="sort" value="newest">`,
		`name="group" value="true" checked`,
		// Adding a second directive ORs it with the first.
		`href="/?directive=01-KL%2FTW&amp;directive=05-CT%2FTW&amp;group=on&amp;q=d%C3%A2n&amp;sort=newest&amp;year=2021"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestSearchPageSuggestionAndEmptyState(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/?q=de+tram+lan&unit=X").Body.String()
	for _, want := range []string{
		`Có phải bạn muốn tìm: <a href="/?q=D%E1%BB%85&#43;tr%C4%83m&#43;l%E1%BA%A7n&amp;unit=X">Dễ trăm lần</a>`,
		`<h2>Không tìm thấy kết quả</h2>`, `«de tram lan»`, `Bỏ tất cả bộ lọc`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

// TestSearchPageNearLine: a near answer says so above the hits, with
// "did you mean" still there; an exact one says nothing.
func TestSearchPageNearLine(t *testing.T) {
	s, _ := newTestServer(t, nil)
	const line = `<p class="match" id="match">Không có bài nào chứa nguyên văn; các bài gần đúng:</p>`
	body := get(t, s, "/?q=%22de+muoi+lan%22").Body.String()
	for _, want := range []string{line, `Có phải bạn muốn tìm:`} {
		if !strings.Contains(body, want) {
			t.Errorf("near page lacks %s", want)
		}
	}
	if body := get(t, s, "/?q=d%C3%A2n").Body.String(); strings.Contains(body, `class="match"`) {
		t.Error("an exact answer shows the match line")
	}
}

func TestSearchPagePagination(t *testing.T) {
	s, _ := newTestServer(t, nil)
	body := get(t, s, "/?q=d%C3%A2n&size=1&page=2").Body.String()
	for _, want := range []string{
		`<a href="/?q=d%C3%A2n&amp;size=1" rel="prev">‹ Trước</a>`,
		`<strong aria-current="page">2</strong>`,
		`<a href="/?page=3&amp;q=d%C3%A2n&amp;size=1" rel="next">Sau ›</a>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("page lacks %s", want)
		}
	}
}

func TestSearchPageLandingAndErrors(t *testing.T) {
	s, _ := newTestServer(t, func(c *Config) { c.Timeout = 20e6 })
	tests := []struct {
		target string
		status int
		want   string
	}{
		{"/", 200, `<a href="/?q=de&#43;tram&#43;lan&#43;khong&#43;dan&#43;cung&#43;chiu">de tram lan khong dan cung chiu</a>`},
		{"/", 200, `<a href="/?directive=05-CT%2FTW">Chỉ thị 05-CT/TW</a> <span class="count">2</span>`},
		{"/?q=%22unbalanced", 400, `Câu tìm kiếm không hợp lệ: bad query: unbalanced quote`},
		{"/?q=" + strings.Repeat("x", 2000), 400, `Câu tìm kiếm quá dài: 2000 byte, tối đa 1024.`},
		{"/?q=x&year=abc", 400, `Năm phải có dạng 2023 hoặc 2020..2023`},
		{"/?q=x&from=2023-13-01", 400, `Ngày phải có dạng năm-tháng-ngày`},
		{"/?q=x&page=hai", 400, `phải là số nguyên`},
		{"/?q=%FF", 400, `không phải UTF-8`},
		{"/?q=boom", 500, `Đã có lỗi xảy ra`},
		{"/?q=slow", 504, `Tìm kiếm mất quá nhiều thời gian`},
	}
	for _, tt := range tests {
		w := get(t, s, tt.target)
		if w.Code != tt.status || !strings.Contains(w.Body.String(), tt.want) {
			t.Errorf("%.40s: status %d, want %d with %s", tt.target, w.Code, tt.status, tt.want)
		}
		if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
			t.Errorf("%.40s: Content-Type %q", tt.target, ct)
		}
	}
}

func TestArticlePage(t *testing.T) {
	s, _ := newTestServer(t, nil)
	w := get(t, s, "/articles/a2")
	body := w.Body.String()
	for _, want := range []string{
		`<h1>Dân vận khéo ở cơ sở &lt;script&gt;alert(1)&lt;/script&gt;</h1>`,
		`<time>08:00, 02/03/2021</time>`,
		`<p>Phong trào dân vận khéo lan tỏa; dân là gốc.</p>`,
		`<a class="tag directive" href="/?directive=01-KL%2FTW">01-KL/TW</a>`,
		`<a class="tag unit" href="/?unit=T%E1%BB%89nh&#43;%E1%BB%A7y&#43;B%E1%BA%AFc&#43;Ninh">Tỉnh ủy Bắc Ninh</a>`,
		`href="https://example.vn/dan-van" rel="noopener noreferrer nofollow"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article page lacks %s", want)
		}
	}
	if w := get(t, s, "/articles/none"); w.Code != 404 || !strings.Contains(w.Body.String(), "Không tìm thấy bài viết này") {
		t.Errorf("missing article: %d", w.Code)
	}
}

func TestStatic(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, tt := range []struct{ path, ctype string }{
		{"/static/style.css", "text/css; charset=utf-8"},
		{"/static/app.js", "text/javascript; charset=utf-8"},
	} {
		w := get(t, s, tt.path)
		if w.Code != 200 || w.Header().Get("Content-Type") != tt.ctype || w.Body.Len() < 500 {
			t.Errorf("%s: %d %q %d bytes", tt.path, w.Code, w.Header().Get("Content-Type"), w.Body.Len())
		}
	}
	for _, p := range []string{"/static/", "/static/nope.css", "/static/../page.go"} {
		if w := get(t, s, p); w.Code != 404 {
			t.Errorf("%s: %d", p, w.Code)
		}
	}
}

// TestPageHasNoInlineCode guards the Content-Security-Policy: the page
// must not need inline script, inline style or event handler attributes.
func TestPageHasNoInlineCode(t *testing.T) {
	s, _ := newTestServer(t, nil)
	inline := regexp.MustCompile(`<script>|<script [^>]*>[^<]|<style|\son[a-z]+=|style="`)
	for _, p := range []string{"/", "/?q=d%C3%A2n", "/articles/a1", "/?q=nothing+here", "/models", "/models?q=boom"} {
		if m := inline.FindString(get(t, s, p).Body.String()); m != "" {
			t.Errorf("%s has inline code %q", p, m)
		}
	}
}

func TestFacetMoreValues(t *testing.T) {
	s, fake := newTestServer(t, nil)
	for i := range 11 {
		fake.articles[0].Units = append(fake.articles[0].Units, "Đơn vị "+string(rune('A'+i)))
	}
	body := get(t, s, "/?q=B%C3%A1c").Body.String()
	if n := strings.Count(body, `<span class="label">Đơn vị `); n != 11 {
		t.Errorf("%d extra unit values on the page, want all 11", n)
	}
	if !strings.Contains(body, "<summary>Xem thêm 5</summary>") {
		t.Error("values past the first 8 are not behind Xem thêm")
	}
}

func TestSearchPageGrouped(t *testing.T) {
	s, _ := newTestServer(t, nil)
	const copies = `<span class="copies" title="Cùng một bài, đăng lại ở nơi khác">+2 bản đăng lại</span>`
	if body := get(t, s, "/?q=B%C3%A1c&group=true").Body.String(); !strings.Contains(body, copies) {
		t.Error("grouped hit does not show its copies")
	}
	if body := get(t, s, "/?q=B%C3%A1c").Body.String(); strings.Contains(body, "bản đăng lại</span>") {
		t.Error("ungrouped hit shows copies")
	}
}

func TestEveryPageHasTheSearchForm(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, p := range []string{"/", "/?q=d%C3%A2n", "/articles/a1", "/articles/none", "/nowhere", "/?q=x&year=bad", "/models"} {
		if body := get(t, s, p).Body.String(); !strings.Contains(body, `<form class="searchbar" action="/" method="get" role="search" id="search-form">`) {
			t.Errorf("%s has no search form", p)
		}
	}
}

func TestUnsafeArticleURLIsNotALink(t *testing.T) {
	s, fake := newTestServer(t, nil)
	fake.articles[0].URL = "javascript:alert(document.cookie)"
	for _, p := range []string{"/?q=B%C3%A1c", "/articles/a1"} {
		body := get(t, s, p).Body.String()
		if strings.Contains(body, "javascript:") || strings.Contains(body, "ZgotmplZ") || strings.Contains(body, "Xem bài gốc") {
			t.Errorf("%s links to a javascript: URL", p)
		}
	}
}
