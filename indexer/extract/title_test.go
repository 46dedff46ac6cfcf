package extract

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestMetaText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Ch&#237;nh s&#225;ch mới", "Chính sách mới"},
		{"Chi&amp;#7871;n s&amp;#7921;", "Chiến sự"},
		{"&amp;amp;quot;Đổi mới&amp;amp;quot;", `"Đổi mới"`},
		{"  AT&T  và\u00a0R&D ", "AT&T và R&D"},
		{"Nghi\u0301 quyê\u0301t", "Nghí quyết"},
		{"&" + strings.Repeat("amp;", 6), "&amp;amp;"}, // bounded
	}
	for _, tt := range tests {
		if got := metaText(tt.in); got != tt.want {
			t.Errorf("metaText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHeadline(t *testing.T) {
	body := "<p>" + strings.Repeat("Nội dung bài viết đủ dài để là một bài báo. ", 5) + "</p>"
	tests := []struct{ host, head, h1, want string }{
		{"vnexpress.net", `<title>Giá xăng giảm - VnExpress</title>`, "Giá xăng giảm", "Giá xăng giảm"},
		{"nhandan.vn", `<meta property="og:title" content="Hội nghị Trung ương | Báo Nhân Dân">`, "", "Hội nghị Trung ương"},
		{"hanoimoi.vn", `<title>Hanoimoi.vn - Phố đi bộ mở rộng</title>`, "", "Phố đi bộ mở rộng"},
		{"hanoimoi.vn", `<meta property="og:site_name" content="Hà Nội Mới"><title>Hà Nội - Hải Phòng thêm chuyến tàu</title>`, "", "Hà Nội - Hải Phòng thêm chuyến tàu"},
		{"nld.com.vn", `<meta property="og:title" content="Kẹt xe cửa ngõ - Người Lao Động">`, "", "Kẹt xe cửa ngõ"},
		{"baomau.example", `<meta property="og:title" content="Báo cáo quý I - Báo cáo tình hình">`, "", "Báo cáo quý I - Báo cáo tình hình"},
		{"baomau.example", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"&quot;Tin&quot; hay"}</script>`, "“Tin” hay", "“Tin” hay"},
		{"baomau.example", `<meta property="og:title" content="Tiêu đề đầy đủ của bài">`, "Tiêu đề rút gọn", "Tiêu đề đầy đủ của bài"},
		{"baomau.example", `<meta property="og:title" content="Hà Nội &amp; TP HCM đón khách">`, "HÀ NỘI & TP HCM ĐÓN KHÁCH", "Hà Nội & TP HCM đón khách"},
		{"baomau.example", `<meta property="og:site_name" content="Báo Mẫu"><title>Tiêu đề bài | Báo Mẫu</title>`, "", "Tiêu đề bài"},
		{"baomau.example", `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Tiêu đề rất dài bị cắt…"}</script><meta property="og:title" content="Tiêu đề rất dài bị cắt ngắn">`, "", "Tiêu đề rất dài bị cắt ngắn"},
	}
	for _, tt := range tests {
		u, _ := url.Parse("https://" + tt.host + "/a.html")
		h1 := ""
		if tt.h1 != "" {
			h1 = "<h1>" + tt.h1 + "</h1>"
		}
		p, err := Extract("<html><head>"+tt.head+"</head><body><article>"+h1+body+"</article></body></html>", u, Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Title != tt.want {
			t.Errorf("%s %s: title = %q, want %q", tt.host, tt.head, p.Title, tt.want)
		}
	}
}

func FuzzJSONLD(f *testing.F) {
	f.Add(`{"@type":"NewsArticle","headline":"Chi&amp;#7871;n","datePublished":"2026-03-07T08:47:00"}`)
	f.Add("{\n \"@type\": \"NewsArticle\",\n \"description\": \"dòng\nmới\",\n}")
	f.Add(`{&quot;@type&quot;:&quot;NewsArticle&quot;}`)
	f.Fuzz(func(t *testing.T, script string) {
		v, err := parseJSONLD(script)
		if err != nil {
			return
		}
		a, _ := findArticle(v)
		for _, s := range []string{a.Headline, a.Description, a.Author, a.Section} {
			if s != clean(s) || !norm.NFC.IsNormalString(s) {
				t.Errorf("field %q not clean NFC", s)
			}
		}
	})
}

func TestMetaTextZeroWidth(t *testing.T) {
	if got := metaText("Nghe\u200b\u0302 An"); got != "Nghê An" || !norm.NFC.IsNormalString(got) {
		t.Errorf("metaText = %q, want NFC %q", got, "Nghê An")
	}
}

func TestLeadWithoutHeadline(t *testing.T) {
	sapo := "Ban Thường vụ Tỉnh ủy vừa tổng kết mười năm thực hiện chỉ thị về công tác dân vận trong tình hình mới."
	body := "<p>" + strings.Repeat("Các cấp ủy đã cụ thể hóa chỉ thị bằng nhiều mô hình dân vận khéo ở cơ sở. ", 4) + "</p>"
	teasers := `<ul><li><p class="sapo">Tin khác số một có phần tóm tắt đủ dài để trông như một sapo thật.</p></li><li><p class="sapo">Tin khác số hai cũng có phần tóm tắt đủ dài để trông như sapo.</p></li></ul>`
	u, _ := url.Parse("https://baomau.example/a.html")
	for _, tt := range []struct{ page, want string }{
		{`<div class="sapo">` + sapo + `</div>` + body, sapo},
		{`<div class="sapo">` + sapo + `</div>` + body + teasers, ""},
	} {
		p, err := Extract(`<html><head><meta property="og:title" content="Tổng kết chỉ thị về công tác dân vận"></head><body>`+tt.page+`</body></html>`, u, Selectors{})
		if err != nil {
			t.Fatal(err)
		}
		if p.Lead != tt.want {
			t.Errorf("lead = %q, want %q", p.Lead, tt.want)
		}
	}
}

// A body whose container's class names a zone or a date is still the
// body: the lead is not sought past it, nor is it removed as a byline.
func TestBodyInBylineNamedContainer(t *testing.T) {
	para := strings.Repeat("Hội đồng nhân dân tỉnh thông qua nghị quyết về chính sách hỗ trợ nông dân. ", 4)
	html := `<html><body><h1>Tỉnh thông qua chính sách hỗ trợ nông dân</h1><span class="time">07/03/2026 08:47</span>
<div class="zone-content"><p>` + para + `</p></div>
<ul><li><p class="sapo">Tóm tắt của một bài khác trong danh sách tin cùng chuyên mục ở cuối trang.</p></li></ul></body></html>`
	u, _ := url.Parse("https://baomau.example/a.html")
	p, err := Extract(html, u, Selectors{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Lead != "" || !strings.Contains(p.Body, strings.TrimSpace(para)) {
		t.Errorf("lead %q, body %q", p.Lead, p.Body)
	}
}

// A title printed only in a list after the body anchors nothing that
// would remove the body.
func TestTitleOnlyInList(t *testing.T) {
	para := strings.Repeat("Ủy ban nhân dân huyện tổ chức đối thoại với nông dân về chuyển đổi cây trồng. ", 4)
	html := `<html><head><meta property="og:title" content="Huyện đối thoại với nông dân"></head><body>
<div class="main"><p>` + para + `</p></div><ul class="list"><li><div class="t">Huyện đối thoại với nông dân</div></li></ul></body></html>`
	u, _ := url.Parse("https://baomau.example/a.html")
	p, err := Extract(html, u, Selectors{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Huyện đối thoại với nông dân" || !strings.Contains(p.Body, strings.TrimSpace(para)) {
		t.Errorf("title %q, body %q", p.Title, p.Body)
	}
}
