package indexer

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search"
)

// templatePage is an article of a site with markup of its own: no class
// names the extractor knows, a sidebar teasing other articles (cards made
// clickable by script, no link to tell them by) and a footer line inside
// the article's container.
const templatePage = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>%[1]s</title>
<meta name="description" content="%[2]s"></head><body>
<div class="w1"><h1>%[1]s</h1><div class="x7">07/03/2026 08:47</div>
<p class="s0"><b>%[2]s</b></p>
<div class="c2">%[3]s
<div class="k3">%[4]s</div>
<p class="z9">Trang tin của Hội Nông dân xã Tam Sơn, mọi thông tin xin gửi về hộp thư của ban biên tập.</p>
</div></div></body></html>`

// templateArticle is one article of the site; C has no lead nor
// description, and is teased by its first paragraph.
type templateArticle struct{ title, lead, body string }

var templateArticles = map[string]templateArticle{
	"b": {"Xã Tam Sơn khánh thành nhà văn hóa thôn Đông",
		"Nhà văn hóa thôn Đông được xây dựng bằng nguồn vốn xã hội hóa, sức chứa hai trăm người và có sân thể thao ngoài trời.",
		"Lễ khánh thành có đại diện lãnh đạo huyện và đông đảo bà con trong thôn tham dự. Công trình khởi công từ đầu năm. Nhân dân đóng góp ngày công và tiền mặt."},
	"c": {"Hợp tác xã rau an toàn mở rộng thêm mười héc-ta", "",
		"Hợp tác xã rau an toàn thôn Tây vừa ký hợp đồng bao tiêu với ba chuỗi siêu thị lớn. Diện tích trồng rau được mở rộng thêm mười héc-ta. Thu nhập của xã viên tăng rõ rệt."},
	"a1": {"Hội nghị tổng kết công tác dân vận năm 2025",
		"Ban Dân vận Huyện ủy tổ chức hội nghị tổng kết, biểu dương mười tập thể có mô hình dân vận khéo tiêu biểu.",
		"Các đại biểu thảo luận về cách vận động nhân dân hiến đất làm đường. Như lời Bác dặn, dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong. Năm tới huyện tiếp tục nhân rộng mô hình."},
	"a2": {"Thôn Bắc hoàn thành đường bê tông liên xóm",
		"Sau ba tháng thi công, tuyến đường bê tông dài hai cây số nối các xóm của thôn Bắc đã được đưa vào sử dụng.",
		"Kinh phí làm đường do nhân dân đóng góp một nửa, ngân sách xã hỗ trợ phần còn lại. Như lời Bác dặn, dễ trăm lần không dân cũng chịu, khó vạn lần dân liệu cũng xong. Bà con phấn khởi vì đi lại thuận tiện."},
	"a3": {"Chi bộ thôn Nam sinh hoạt chuyên đề về học tập và làm theo Bác",
		"Chi bộ thôn Nam tổ chức sinh hoạt chuyên đề, mỗi đảng viên đăng ký một việc làm cụ thể để nêu gương trước nhân dân.",
		"Buổi sinh hoạt diễn ra sôi nổi với nhiều ý kiến đóng góp của đảng viên cao tuổi. Chi bộ giao cho các đoàn thể theo dõi việc thực hiện đăng ký. Kết quả được đánh giá vào cuối năm."},
}

// templateParagraphs are an article's body paragraphs.
func templateParagraphs(name string) []string {
	var out []string
	for _, s := range strings.SplitAfter(templateArticles[name].body, ". ") {
		out = append(out, strings.TrimSpace(s)+" Nội dung được phóng viên ghi nhận tại cơ sở trong tuần qua.")
	}
	return out
}

// templateHTML renders a page of the site; every A page teases B by its
// lead and C by its first paragraph, B's and C's pages tease A1.
func templateHTML(name string) string {
	a := templateArticles[name]
	var body, side strings.Builder
	for _, p := range templateParagraphs(name) {
		fmt.Fprintf(&body, "<p>%s</p>\n", p)
	}
	teased := []string{"b", "c"}
	if name == "b" || name == "c" {
		teased = []string{"a1"}
	}
	for _, t := range teased {
		teaser := templateArticles[t].lead
		if teaser == "" {
			teaser = templateParagraphs(t)[0]
		}
		fmt.Fprintf(&side, `<div onclick="location.href='/%s.html'"><p>%s</p><p>%s</p></div>`, t, templateArticles[t].title, teaser)
	}
	return fmt.Sprintf(templatePage, a.title, a.lead, body.String(), side.String())
}

func TestTemplateTextDropped(t *testing.T) {
	order := []string{"a1", "a2", "b", "c", "a3"}
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/"), ".html")
		switch {
		case r.URL.Path == "/rss.xml":
			var items strings.Builder
			for _, n := range order {
				fmt.Fprintf(&items, "<item><title>%s</title><link>%s/%s.html</link></item>", templateArticles[n].title, srv.URL, n)
			}
			fmt.Fprintf(w, `<rss version="2.0"><channel><title>Tam Sơn</title>%s</channel></rss>`, items.String())
		case templateArticles[name].title != "":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, templateHTML(name))
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	ix := openIndex(t)
	c := openCrawler(t, filepath.Join(t.TempDir(), "crawl.db"), ix)
	ctx := context.Background()
	src := Source{Name: "Tam Sơn", Schedule: "@every 1h", AllowPrivate: true, Feeds: []string{srv.URL + "/rss.xml"}}
	if rep := c.Crawl(ctx, src); rep.New != 5 || rep.Failed() != 0 {
		t.Fatalf("crawl: %s %+v", rep, rep.Failures)
	}

	// B's teaser, in the sidebar of three A pages, finds B only.
	b := onlyHit(t, ix, `"nguồn vốn xã hội hóa, sức chứa hai trăm người"`)
	if got, err := ix.Article(ctx, b); err != nil || got.Title != templateArticles["b"].title || got.Lead != templateArticles["b"].lead {
		t.Errorf("teaser found in %+v (%v), want B with its lead", got, err)
	}
	// C's opening paragraph, teased on three A pages, finds C only.
	cID := onlyHit(t, ix, `"ký hợp đồng bao tiêu với ba chuỗi siêu thị"`)
	if got, err := ix.Article(ctx, cID); err != nil || got.Title != templateArticles["c"].title {
		t.Errorf("C's teaser found in %+v (%v), want C", got, err)
	}
	// The footer line is on every page: no article holds it.
	if res, err := ix.Search(ctx, search.Request{Query: `"hộp thư của ban biên tập"`}); err != nil || res.Total != 0 {
		t.Errorf("footer line indexed: %+v %v", res, err)
	}
	// A quote two articles share is theirs.
	if res, err := ix.Search(ctx, search.Request{Query: `"khó vạn lần dân liệu cũng xong"`}); err != nil || res.Total != 2 {
		t.Errorf("shared quote: %+v %v, want 2 hits", res, err)
	}
	// Each article keeps its own sentences.
	for _, n := range order {
		first := strings.SplitAfter(templateArticles[n].body, ". ")[0]
		onlyHit(t, ix, `"`+strings.TrimSuffix(strings.TrimSpace(first), ".")+`"`)
	}
}
