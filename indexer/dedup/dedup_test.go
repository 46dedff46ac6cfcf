package dedup

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://nhandan.vn/bai-viet-post1.html", "nhandan.vn/bai-viet-post1.html"},
		{"HTTP://WWW.NhanDan.vn:80/bai-viet-post1.html#binh-luan", "nhandan.vn/bai-viet-post1.html"},
		{"https://baochinhphu.vn:443/a.htm?utm_source=fb&fbclid=x", "baochinhphu.vn/a.htm"},
		{"https://example.vn/a?b=2&a=1&zarsrc=30", "example.vn/a?a=1&b=2"},
		{"http://127.0.0.1:8080/x.html", "127.0.0.1:8080/x.html"},
		{"https://example.vn", "example.vn/"},
	}
	for _, tt := range tests {
		got, err := Key(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("Key(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
	for _, bad := range []string{"ftp://example.vn/a", "/relative/path", "javascript:alert(1)", "http://%zz"} {
		if _, err := Key(bad); err == nil {
			t.Errorf("Key(%q) succeeded, want an error", bad)
		}
	}
}

func TestID(t *testing.T) {
	a, b := ID("nhandan.vn/a.html"), ID("nhandan.vn/b.html")
	if len(a) != 32 || a == b || a != ID("nhandan.vn/a.html") {
		t.Fatalf("ID: %q %q", a, b)
	}
}

const story = `Sáng nay, Ban Thường vụ Huyện ủy tổ chức hội nghị sơ kết việc thực hiện phong trào thi đua
xây dựng nông thôn mới giai đoạn hai. Các đại biểu đã thảo luận về những mô hình hay, cách làm sáng tạo
của các chi bộ thôn trong việc vận động nhân dân hiến đất làm đường, chỉnh trang khu dân cư và phát triển
kinh tế hộ gia đình. Nhiều ý kiến đề nghị tiếp tục nhân rộng các điển hình tiêu biểu, đồng thời khắc phục
những hạn chế trong công tác tuyên truyền ở cơ sở. Phát biểu kết luận, đồng chí Bí thư Huyện ủy yêu cầu
các cấp ủy tập trung lãnh đạo hoàn thành các chỉ tiêu đã đề ra trong năm.`

const other = `Chiều cùng ngày, Hội Nông dân tỉnh khai mạc hội chợ nông sản an toàn với sự tham gia của hơn
một trăm gian hàng đến từ các hợp tác xã. Sản phẩm được giới thiệu gồm rau củ, gạo đặc sản, mật ong và
các mặt hàng chế biến đạt chứng nhận sản phẩm chủ lực của địa phương. Ban tổ chức cho biết hội chợ kéo dài
ba ngày, có nhiều hoạt động kết nối cung cầu giữa người sản xuất và doanh nghiệp phân phối, giúp nông dân
mở rộng thị trường tiêu thụ và nâng cao giá trị nông sản trong chuỗi liên kết bền vững.`

func TestFingerprint(t *testing.T) {
	orig, ok := Fingerprint(story)
	if !ok || len(orig) != SketchSize {
		t.Fatalf("sketch of a full story: %v %v", orig, ok)
	}
	copies := map[string]string{
		"credit line and case": "(TTXVN) " + strings.ReplaceAll(strings.ToUpper(story), "SÁNG NAY", "Sáng 24/11"),
		"one sentence cut":     strings.Replace(story, " Nhiều ý kiến đề nghị tiếp tục nhân rộng các điển hình tiêu biểu, đồng thời khắc phục\nnhững hạn chế trong công tác tuyên truyền ở cơ sở.", "", 1),
		"accents folded":       "Sang nay, Ban Thuong vu Huyen uy " + strings.SplitN(story, "Huyện ủy", 2)[1],
	}
	for name, text := range copies {
		cp, _ := Fingerprint(text)
		if !Same(orig, cp) {
			t.Errorf("%s: similarity %.2f, want a copy", name, Similarity(orig, cp))
		}
	}
	diff, _ := Fingerprint(other)
	if Same(orig, diff) {
		t.Errorf("different story: similarity %.2f, want none", Similarity(orig, diff))
	}
	if _, ok := Fingerprint("Tin ngắn một dòng."); ok {
		t.Error("short text got a sketch")
	}
}

func TestSketchJSON(t *testing.T) {
	sk, _ := Fingerprint(story)
	raw, err := json.Marshal(sk)
	if err != nil {
		t.Fatal(err)
	}
	var back Sketch
	if err := json.Unmarshal(raw, &back); err != nil || !slices.Equal(back, sk) {
		t.Fatalf("round trip: %v %v", back, err)
	}
	if err := json.Unmarshal([]byte(`"AAEC"`), &back); err == nil {
		t.Error("3-byte sketch accepted")
	}
	if len(sk.Lookup()) != LookupSize || !slices.Equal(sk.Lookup(), sk[:LookupSize]) {
		t.Error("lookup values are not the smallest")
	}
}

func TestSimilarityEdges(t *testing.T) {
	a := Sketch{1, 2, 3, 4}
	if s := Similarity(a, a); s != 1 {
		t.Errorf("self similarity %v", s)
	}
	if s := Similarity(a, nil); s != 0 {
		t.Errorf("empty similarity %v", s)
	}
	if s := Similarity(a, Sketch{1, 2, 5, 6}); s != 0.5 {
		t.Errorf("half similarity %v", s)
	}
}
