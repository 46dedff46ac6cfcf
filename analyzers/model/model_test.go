package model

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers/words"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
)

const (
	hcm    = "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"
	danVan = "Dân vận khéo"
)

func TestCatalog(t *testing.T) {
	names := Catalog()
	if len(names) < 40 {
		t.Fatalf("catalog holds %d names, want at least 40", len(names))
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("catalog names not sorted and distinct")
	}
	for _, n := range names {
		r, _ := utf8.DecodeRuneInString(n)
		switch {
		case !norm.NFC.IsNormalString(n), analyzers.NormalizeCase(n) != n:
			t.Errorf("%q is not NFC with new tone placement", n)
		case !unicode.IsUpper(r) && !unicode.IsDigit(r):
			t.Errorf("%q does not start with a capital", n)
		case Canonical(n) != n:
			t.Errorf("Canonical(%q) = %q, want itself", n, Canonical(n))
		}
	}
	names[0] = "changed"
	if Catalog()[0] == "changed" {
		t.Error("Catalog returns its own slice")
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"dân vận khéo", danVan},
		{"dan van kheo", danVan},
		{"DÂN VẬN KHÉO", danVan},
		{norm.NFD.String("Dân vận khéo"), danVan},
		{"  Dân  vận   khéo ", danVan},
		{"Toàn dân đoàn kết xây dựng đời sống văn hoá", "Toàn dân đoàn kết xây dựng đời sống văn hóa"},
		{"học tập và làm theo Bác", hcm},
		{"hoc tap va lam theo tu tuong dao duc phong cach Ho Chi Minh", hcm},
		{"Xây dựng gia đình 5 không 3 sạch", "Xây dựng gia đình 5 không, 3 sạch"},
		{"Cả nước chung tay vì người nghèo – Không để ai bị bỏ lại phía sau", "Cả nước chung tay vì người nghèo - Không để ai bị bỏ lại phía sau"},
		{"XDNTM", "Xây dựng nông thôn mới"},
		{"hai không", "Nói không với tiêu cực trong thi cử và bệnh thành tích trong giáo dục"},
		{"đền ơn đáp nghĩa", "Đền ơn đáp nghĩa"},
		{"mô hình tăng trưởng", ""},
		{"Dân vận", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClassifyModels(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"canonical", `Hưởng ứng phong trào "Dân vận khéo" và cuộc vận động "Toàn dân đoàn kết xây dựng đời sống văn hóa".`,
			[]string{danVan, "Toàn dân đoàn kết xây dựng đời sống văn hóa"}},
		{"old tone placement", "cuộc vận động Toàn dân đoàn kết xây dựng đời sống văn hoá ở khu dân cư",
			[]string{"Toàn dân đoàn kết xây dựng đời sống văn hóa"}},
		{"NFD", norm.NFD.String("gương sáng trong phong trào Cựu chiến binh gương mẫu"), []string{"Cựu chiến binh gương mẫu"}},
		{"no diacritics", "phong trao Tuoi tre chung tay xay dung nong thon moi", []string{"Tuổi trẻ chung tay xây dựng nông thôn mới"}},
		{"bare words in a marked text", `Tin nhắn: "hoc tap va lam theo Bac bang viec lam cu the".`, []string{hcm}},
		{"variant", "học tập và làm theo tấm gương đạo đức Hồ Chí Minh", []string{hcm}},
		{"longest name wins", "phong trào Tuổi trẻ chung tay xây dựng nông thôn mới", []string{"Tuổi trẻ chung tay xây dựng nông thôn mới"}},
		{"dash and comma variants", "phong trào nông dân sản xuất - kinh doanh giỏi", []string{"Nông dân sản xuất, kinh doanh giỏi"}},
		{"quoted after phong trào", "Phong trào “Mỗi tuần một việc tốt” lan rộng.", []string{"Mỗi tuần một việc tốt"}},
		{"quoted, old tone placement", "cuộc vận động “Ngày thứ Bảy văn minh, sạch đẹp hoà thuận”", []string{"Ngày thứ Bảy văn minh, sạch đẹp hòa thuận"}},
		{"quote holding a catalog name", "phong trào “Bắc Giang chung sức xây dựng nông thôn mới”", []string{"Xây dựng nông thôn mới"}},
		{"quoted after mô hình", "mô hình “Bếp ăn tình thương” của hội", nil},
		{"quoted after danh hiệu", "đạt danh hiệu “Vua phá lưới”", nil},
		{"quoted lower case", "phong trào “giữ gìn vệ sinh chung”", nil},
		{"quote not closed", "phong trào “Mỗi tuần một việc tốt", nil},
		{"quote too long", "phong trào “" + strings.Repeat("Một ", 20) + "”", nil},
		{"quoted-only name in prose", "chính sách đền ơn đáp nghĩa với người có công", nil},
		{"quoted-only name quoted", "phong trào “Đền ơn đáp nghĩa”", []string{"Đền ơn đáp nghĩa"}},
		{"across a sentence", "Dân vận. Khéo léo", nil},
		{"wrong diacritics", "Dân vẫn khéo", nil},
	}
	for _, tt := range tests {
		if _, got := Classify("", "", tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("%s: Classify(%q) models = %q, want %q", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestClassifyExample(t *testing.T) {
	tests := []struct {
		name, title, lead, body string
		want                    bool
	}{
		{"model in title and lead", "Cách làm hay của chi hội phụ nữ thôn Đông",
			"Chi hội được huyện chọn là điển hình tiêu biểu, mô hình đang được nhân rộng.", "", true},
		{"person held up", "Người cựu chiến binh làm giàu trên đất đồi",
			"Ông là tấm gương sáng trong phong trào Cựu chiến binh gương mẫu.", "", true},
		{"no lead: the body opening stands in", "Gương sáng nơi bản xa",
			"", "Cô giáo được biểu dương là điển hình tiêu biểu của tỉnh.\nCô dạy học 20 năm.", true},
		{"administrative model", "Vận hành mô hình chính quyền địa phương hai cấp",
			"Các xã còn thiếu cán bộ chuyên môn, mô hình tổ chức mới cần được hướng dẫn.", "", false},
		{"for instance", "Nhiều vụ vi phạm đất đai chưa được xử lý",
			"Điển hình là vụ lấn chiếm đất công ở xã Đông.", "", false},
		{"one stray cue", "Bí quyết giảm cân mùa hè", "Chuyên gia chia sẻ bí quyết ăn uống.", "", false},
		{"meeting on a model movement", "Quán triệt chuyên đề học tập và làm theo Bác",
			"Ban Thường vụ Huyện ủy tổ chức hội nghị quán triệt chuyên đề năm 2024.", "", false},
		{"disaster", "Bão số 3 gây thiệt hại nặng", "Bão làm 2 người tử vong.", "", false},
		{"disaster without diacritics", "Bao so 3 gay thiet hai nang", "Bao lam 2 nguoi tu vong.", "", false},
		{"empty", "", "", "", false},
	}
	for _, tt := range tests {
		if got, _ := Classify(tt.title, tt.lead, tt.body); got != tt.want {
			t.Errorf("%s: example = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestBareWord checks that a single word written without diacritics in a
// marked text stands only for itself: "bao gồm" is not "bão".
func TestBareWord(t *testing.T) {
	tests := []struct {
		text string
		want int
	}{
		{"Chương trình bao gồm ba phần.", 0},
		{"Bão số 3 đổ bộ.", -3},
		{"Bao so 3 do bo.", -3},
	}
	for _, tt := range tests {
		got := 0
		for _, h := range cues.Scan(words.New(tt.text)) {
			got += h.Value.weight
		}
		if got != tt.want {
			t.Errorf("cues in %q = %d, want %d", tt.text, got, tt.want)
		}
	}
}

func TestSplitLead(t *testing.T) {
	tests := []struct{ body, lead string }{
		{"Câu mở đầu.\nĐoạn sau.", "Câu mở đầu."},
		{"Một đoạn duy nhất", "Một đoạn duy nhất"},
		{strings.Repeat("Câu dài lắm. ", 100), strings.TrimSuffix(strings.Repeat("Câu dài lắm. ", 35), " ")},
		{strings.Repeat("ồ", 400), strings.Repeat("ồ", 200)},
	}
	for _, tt := range tests {
		lead, rest := splitLead(tt.body)
		if lead != tt.lead || lead+rest != tt.body {
			t.Errorf("splitLead(%.20q…) = %.40q…, want %.40q…", tt.body, lead, tt.lead)
		}
	}
}
