package dedup

import (
	"encoding/json"
	"hash/fnv"
	"slices"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
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

// referenceFingerprint is Fingerprint as first written: the whole text
// normalized, each shingle joined and hashed by hash/fnv. Sketches are
// stored (the crawler's state), so Fingerprint must keep its values.
func referenceFingerprint(text string) (Sketch, bool) {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	words := strings.Fields(b.String())
	if len(words) < MinWords {
		return nil, false
	}
	seen := map[uint64]bool{}
	var hashes []uint64
	for i := 0; i+shingleSize <= len(words); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(words[i:i+shingleSize], " ")))
		if sum := h.Sum64(); !seen[sum] {
			seen[sum] = true
			hashes = append(hashes, sum)
		}
	}
	slices.Sort(hashes)
	return Sketch(hashes[:min(SketchSize, len(hashes))]), true
}

func TestFingerprintKeepsItsValues(t *testing.T) {
	long := strings.Repeat(story+" ", 40)
	for name, text := range map[string]string{
		"story":         story,
		"other":         other,
		"decomposed":    norm.NFD.String(story),
		"upper":         strings.ToUpper(story),
		"long":          long,
		"mixed scripts": strings.Repeat("Hà Nội ΑΘΗΝΑ 東京 Ǆemal ﬁnal İstanbul ½ x² ① ", 20),
		"invalid utf-8": strings.Repeat("Đảng ủy \xff\xfe xã \xc3 học tập ", 20),
		"short":         "Tin ngắn một dòng.",
	} {
		got, gotOK := Fingerprint(text)
		want, wantOK := referenceFingerprint(text)
		if gotOK != wantOK || !slices.Equal(got, want) {
			t.Errorf("%s: Fingerprint = %v %v, first version %v %v", name, got[:min(3, len(got))], gotOK, want[:min(3, len(want))], wantOK)
		}
	}
}

func FuzzFingerprint(f *testing.F) {
	f.Add(story)
	f.Add(norm.NFD.String(other))
	f.Add(strings.Repeat("a\u0301 ǅ ⅷ \xff ", 30))
	f.Fuzz(func(t *testing.T, text string) {
		got, gotOK := Fingerprint(text)
		want, wantOK := referenceFingerprint(text)
		if gotOK != wantOK || !slices.Equal(got, want) {
			t.Fatalf("Fingerprint(%q) differs from the first version", text)
		}
	})
}

// FuzzSame checks that Same, which stops early, decides as Similarity
// does, on sketches built from the fuzzer's bytes (ascending, distinct,
// from a small range so that they overlap).
func FuzzSame(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4}, []byte{1, 2, 5, 6})
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8}, []byte{1, 2, 3, 4, 9, 10, 11, 12})
	f.Add([]byte{}, []byte{1})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		sketch := func(raw []byte) Sketch {
			var s Sketch
			for _, v := range raw {
				s = append(s, uint64(v))
			}
			slices.Sort(s)
			s = slices.Compact(s)
			return s[:min(SketchSize, len(s))]
		}
		a, b := sketch(x), sketch(y)
		if got, want := Same(a, b), Similarity(a, b) >= MinSimilarity; got != want {
			t.Fatalf("Same(%v, %v) = %v, Similarity %v", a, b, got, Similarity(a, b))
		}
	})
}
