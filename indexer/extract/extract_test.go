package extract

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/indexer/fetch"
)

const site = "../testdata/site"

// boilerplate is text of menus, related boxes, sidebars, ads, comments
// and footers in the fixtures; none of it may reach a body.
var boilerplate = []string{
	"Trang chủ", "Tin liên quan", "Đọc nhiều", "Giá vàng", "QUẢNG CÁO", "Quảng cáo", "Bản quyền",
	"Chia sẻ", "Zalo", "Xem thêm", "Bình luận", "Bạn đọc", "Mười điểm du lịch", "Cơ quan chủ quản",
	"Các tin khác", "hội chợ hàng nông sản", "Đường dây nóng", "Chuyển đổi số trong trường học",
	"Trang thông tin điện tử", "Tỉnh ủy tổng kết công tác tuyên giáo", "TRANG CHỦ",
}

func load(t *testing.T, name string) *Page {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(site, name))
	if err != nil {
		t.Fatal(err)
	}
	html, err := fetch.DecodeHTML(raw, "text/html")
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://baomau.example/" + name)
	p, err := Extract(html, u, Selectors{})
	if err != nil {
		t.Fatalf("extract %s: %v", name, err)
	}
	return p
}

func TestExtractShapes(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2025, 11, d, h, m, 0, 0, Saigon) }
	tests := []struct {
		file, title, lead, author, category, canonical string
		published                                      time.Time
		bodyStart, bodyEnd                             string
	}{
		{ // JSON-LD in @graph + og meta
			file: "tin-tuc/hoi-nghi-xay-dung-dang.html", title: "Hội nghị sơ kết công tác xây dựng Đảng năm 2025",
			lead:   "Ban Thường vụ Huyện ủy Gia Bình tổ chức hội nghị sơ kết công tác xây dựng Đảng, biểu dương các chi bộ có cách làm hay.",
			author: "Minh Anh", category: "Xây dựng Đảng", canonical: "https://baomau.example/tin-tuc/hoi-nghi-xay-dung-dang.html",
			published: at(24, 9, 15), bodyStart: "Sáng 24/11, Ban Thường vụ", bodyEnd: "đại hội nhiệm kỳ tới.",
		},
		{ // article:published_time + a content div inside a "has-sidebar" wrapper
			file: "tin-tuc/chuyen-doi-so-cap-xa.html", title: "Đẩy mạnh chuyển đổi số ở cấp xã",
			lead:   "Nhiều xã đã đưa dịch vụ công trực tuyến đến từng hộ dân nhờ tổ công nghệ số cộng đồng.",
			author: "Thu Hà", category: "Thời sự", published: time.Date(2025, 11, 20, 14, 30, 0, 0, Saigon),
			bodyStart: "Tại xã Chi Lăng", bodyEnd: "hỗ trợ điện thoại thông minh cho hộ nghèo.",
		},
		{ // no metadata: a visible date, and today's date in the top bar
			file: "tin-tuc/nong-thon-moi-kieu-mau.html", title: "Thôn Đoài về đích nông thôn mới kiểu mẫu",
			published: at(17, 16, 40), bodyStart: "Sau ba năm nỗ lực", bodyEnd: "Lan Phương",
		},
		{ // Windows-1258 declared in a meta tag, date after "lúc ... ngày"
			file: "tin-tuc/cuu-chien-binh-que-o.html", title: "Hội Cựu chiến binh xã Quế Ổ giúp nhau phát triển kinh tế",
			published: at(19, 7, 45), bodyStart: "Hội Cựu chiến binh xã Quế Ổ vừa tổng kết", bodyEnd: "ở khu dân cư.",
		},
		{ // NFD text
			file: "tin-tuc/dan-van-kheo.html", title: "Phong trào Dân vận khéo lan tỏa ở cơ sở",
			lead:      "Nhiều mô hình dân vận khéo đã giúp giải quyết những việc khó ngay từ thôn, tổ dân phố.",
			published: time.Date(2025, 11, 22, 8, 0, 0, 0, Saigon), bodyStart: "Ở phường Phố Mới", bodyEnd: "được củng cố.",
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			p := load(t, tt.file)
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q, want %q", field, got, want)
				}
			}
			check("title", p.Title, tt.title)
			check("lead", p.Lead, tt.lead)
			check("author", p.Author, tt.author)
			check("category", p.Category, tt.category)
			check("canonical", p.Canonical, tt.canonical)
			if !p.Published.Equal(tt.published) {
				t.Errorf("published = %v, want %v", p.Published, tt.published)
			}
			if !strings.HasPrefix(p.Body, tt.bodyStart) || !strings.HasSuffix(p.Body, tt.bodyEnd) {
				t.Errorf("body = %q, want %q…%q", p.Body, tt.bodyStart, tt.bodyEnd)
			}
			for _, b := range boilerplate {
				if strings.Contains(p.Body, b) || strings.Contains(p.Lead, b) {
					t.Errorf("boilerplate %q extracted:\n%s", b, p.Body)
				}
			}
			for _, f := range []string{p.Title, p.Lead, p.Body} {
				if !norm.NFC.IsNormalString(f) {
					t.Errorf("not NFC: %q", f)
				}
			}
		})
	}
}

func TestExtractSelectors(t *testing.T) {
	html := `<html><body><div class="x-title">Tiêu đề riêng</div><h1>Tiêu đề chung</h1>
<div class="x-when" data-x="1">Cập nhật 02/01/2025 08:05</div><span class="x-by">Ngọc Mai</span>
<div class="x-lead">Đoạn mở đầu.</div><div class="x-body"><p>` + strings.Repeat("Nội dung chính của bài viết. ", 10) + `</p>
<div class="qc">Quảng cáo</div></div><div class="other"><p>` + strings.Repeat("Một khối chữ khác dài hơn. ", 20) + `</p></div></body></html>`
	u, _ := url.Parse("https://baomau.example/a.html")
	sel := Selectors{Title: ".x-title", Lead: ".x-lead", Body: ".x-body", Author: ".x-by", Published: ".x-when"}
	if err := sel.Validate(); err != nil {
		t.Fatal(err)
	}
	p, err := Extract(html, u, sel)
	if err != nil {
		t.Fatal(err)
	}
	want := Page{Title: "Tiêu đề riêng", Lead: "Đoạn mở đầu.", Author: "Ngọc Mai",
		Body: strings.TrimSpace(strings.Repeat("Nội dung chính của bài viết. ", 10)), Published: time.Date(2025, 1, 2, 8, 5, 0, 0, Saigon)}
	if p.Title != want.Title || p.Lead != want.Lead || p.Author != want.Author || p.Body != want.Body || !p.Published.Equal(want.Published) {
		t.Errorf("got %+v\nwant %+v", *p, want)
	}
	if err := (Selectors{Body: "div["}).Validate(); err == nil {
		t.Error("invalid selector accepted")
	}
}

func TestPageTitle(t *testing.T) {
	body := "<p>" + strings.Repeat("Nội dung bài viết đủ dài để là một bài báo. ", 5) + "</p>"
	tests := []struct{ head, h1, want string }{
		{`<meta property="og:title" content="Tiêu đề bài - Báo Mẫu">`, "Tiêu đề bài", "Tiêu đề bài"},
		{`<meta property="og:title" content="Tiêu đề đầy đủ của bài">`, "Tiêu đề rút gọn", "Tiêu đề đầy đủ của bài"},
		{`<title>Tiêu đề trong thẻ title</title>`, "", "Tiêu đề trong thẻ title"},
	}
	u, _ := url.Parse("https://baomau.example/a.html")
	for _, tt := range tests {
		h1 := ""
		if tt.h1 != "" {
			h1 = "<h1>" + tt.h1 + "</h1>"
		}
		p, err := Extract("<html><head>"+tt.head+"</head><body><article>"+h1+body+"</article></body></html>", u, Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != tt.want {
			t.Errorf("title = %q, want %q", p.Title, tt.want)
		}
	}
}

func TestExtractNoArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(site, "chuyen-muc/xay-dung-dang.html"))
	if err != nil {
		t.Fatal(err)
	}
	u, _ := url.Parse("https://baomau.example/chuyen-muc/xay-dung-dang.html")
	for _, html := range []string{string(raw), "", "<html><body><p>Trang đang bảo trì.</p>", "<html><body><h1>Tiêu đề</h1><p>Bài bị cắt gi"} {
		if _, err := Extract(html, u, Selectors{}); !errors.Is(err, ErrNoArticle) {
			t.Errorf("Extract(%.40q) err = %v, want ErrNoArticle", html, err)
		}
	}
}

func FuzzExtract(f *testing.F) {
	for _, name := range []string{"tin-tuc/hoi-nghi-xay-dung-dang.html", "tin-tuc/nong-thon-moi-kieu-mau.html"} {
		raw, err := os.ReadFile(filepath.Join(site, name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(raw))
	}
	u, _ := url.Parse("https://baomau.example/a.html")
	f.Fuzz(func(t *testing.T, html string) {
		if p, err := Extract(html, u, Selectors{}); err == nil && len([]rune(p.Body)) < MinBodyRunes {
			t.Errorf("short body accepted: %q", p.Body)
		}
	})
}

// A layout column whose class says "sidebar" around a short article is
// the article's, not a sidebar.
func TestShortArticleInSidebarColumn(t *testing.T) {
	body := "Chiều 7/3, Bộ Y tế công bố thêm hai bệnh viện đạt chuẩn quốc tế về chất lượng, nâng tổng số cơ sở đạt chuẩn lên mười hai, trong đó có ba bệnh viện tuyến tỉnh."
	html := `<html><body><section class="page-detail"><div class="sidebar-1"><h1 class="title-detail">Thêm hai bệnh viện đạt chuẩn quốc tế</h1>
<article class="fck_detail"><p class="Normal">` + body + `</p></article></div>
<div class="sidebar-2"><p><a href="/x.html">Giá vàng hôm nay tăng mạnh</a></p></div></section></body></html>`
	u, _ := url.Parse("https://vnexpress.net/them-hai-benh-vien-4999002.html")
	p, err := Extract(html, u, Selectors{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Thêm hai bệnh viện đạt chuẩn quốc tế" || p.Body != body {
		t.Errorf("got title %q body %q", p.Title, p.Body)
	}
}

func TestLeadFromDescription(t *testing.T) {
	first := "Sáng 7/3, Ủy ban nhân dân tỉnh tổ chức hội nghị triển khai kế hoạch phát triển kinh tế tập thể, hợp tác xã giai đoạn 2026 - 2030 với sự tham dự của đại diện các sở, ngành."
	rest := "<p>" + strings.Repeat("Các hợp tác xã được hỗ trợ vốn, đào tạo cán bộ quản lý và ứng dụng công nghệ số. ", 3) + "</p>"
	tests := []struct{ name, description, lead string }{
		{"description is the first paragraph", first, first},
		{"description cut from the first paragraph", string([]rune(first)[:90]) + "...", ""},
		{"no description", "", ""},
	}
	u, _ := url.Parse("https://baomau.example/a.html")
	for _, tt := range tests {
		html := `<html><head><meta name="description" content="` + tt.description + `"></head><body><article><h1>Triển khai kế hoạch phát triển kinh tế tập thể</h1><p>` + first + `</p>` + rest + `</article></body></html>`
		p, err := Extract(html, u, Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		inBody := strings.Contains(p.Body, first)
		if p.Lead != tt.lead || inBody == (tt.lead != "") {
			t.Errorf("%s: lead = %q, first paragraph in body: %v", tt.name, p.Lead, inBody)
		}
	}
}
