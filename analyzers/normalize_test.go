package analyzers

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		// tone placement in open oa/oe/uy
		{"hoà", "hòa"}, {"hòa", "hòa"}, {"thuỷ", "thủy"}, {"khoẻ", "khỏe"},
		{"uỷ", "ủy"}, {"Đảng uỷ", "đảng ủy"}, {"HOÀ BÌNH", "hòa bình"},
		{"toà án", "tòa án"}, {"hoạ sĩ", "họa sĩ"}, {"loè loẹt", "lòe loẹt"},
		{"Thuý", "thúy"}, {"oà", "òa"}, {"goá", "góa"},
		// closed syllables, qu/gi onsets and other nuclei are never changed
		{"hoàn thành", "hoàn thành"}, {"thoát", "thoát"}, {"quyết", "quyết"},
		{"khuyến", "khuyến"}, {"quả", "quả"}, {"già", "già"}, {"giữa", "giữa"},
		{"hoài", "hoài"}, {"khuya", "khuya"}, {"khuỷu", "khuỷu"}, {"hòan", "hòan"},
		// i/y
		{"kỹ thuật", "kĩ thuật"}, {"kĩ", "kĩ"}, {"lý luận", "lí luận"},
		{"quý", "quí"}, {"quí", "quí"}, {"Mỹ", "mĩ"}, {"hy sinh", "hi sinh"},
		{"công ty", "công ti"}, {"kỷ luật", "kỉ luật"}, {"ý kiến", "ý kiến"},
		{"y tế", "y tế"}, {"tuyến", "tuyến"}, {"yêu", "yêu"}, {"biết", "biết"},
		{"uy tín", "uy tín"}, {"thủy", "thủy"}, {"khuya", "khuya"},
		// NFD input
		{norm.NFD.String("Đảng uỷ Hoà Bình"), "đảng ủy hòa bình"},
		{norm.NFD.String("kỹ"), "kĩ"},
		// punctuation, numbers and document ids are kept
		{"“Dễ trăm lần…”", "“dễ trăm lần…”"}, {"05-CT/TW", "05-ct/tw"},
		{"08-QĐi/TW", "08-qđi/tw"}, {"3,5 tỷ", "3,5 tỉ"}, {"", ""},
		{"xyzkhoẻabc", "xyzkhoẻabc"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeCase(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Thị uỷ Quế Võ", "Thị ủy Quế Võ"}, {"ĐẢNG UỶ", "ĐẢNG ỦY"},
		{"Hoà Bình", "Hòa Bình"}, {"Kỹ thuật", "Kỹ thuật"}, {"Lý", "Lý"},
		{norm.NFD.String("Khánh Hoà"), "Khánh Hòa"}, {"Hoàn Kiếm", "Hoàn Kiếm"},
		{"UBND xã Chi Lăng", "UBND xã Chi Lăng"},
	}
	for _, tt := range tests {
		if got := NormalizeCase(tt.in); got != tt.want {
			t.Errorf("NormalizeCase(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Đảng ủy", "dang uy"}, {"Đảng uỷ", "dang uy"}, {"ĐẢNG ỦY", "dang uy"},
		{norm.NFD.String("Đảng uỷ"), "dang uy"}, {"Dễ trăm lần không dân cũng chịu", "de tram lan khong dan cung chiu"},
		{"kỹ", "ki"}, {"kĩ", "ki"}, {"ky", "ki"}, {"Mỹ", "mi"}, {"quý", "qui"},
		{"ý", "y"}, {"tuyến", "tuyen"}, {"08-QĐi/TW", "08-qdi/tw"},
		{"30/2020/NĐ-CP", "30/2020/nd-cp"}, {"Ơn Ưu", "on uu"}, {"café", "cafe"},
		{"“Quế Ổ”", "“que o”"}, {"", ""},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestHasDiacritics(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"dang uy", false}, {"Đang uy", true}, {"đ", true}, {"ủy", true},
		{"ă", true}, {"Ơ", true}, {norm.NFD.String("ủy"), true}, {"05-CT/TW", false},
		{"", false}, {"“quotes”", false},
	}
	for _, tt := range tests {
		if got := HasDiacritics(tt.in); got != tt.want {
			t.Errorf("HasDiacritics(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestFoldOfNormalizeIsFold(t *testing.T) {
	for _, s := range []string{"Đảng uỷ Hoà Bình", "kỹ thuật", "Quý", "HY SINH", norm.NFD.String("Thuỷ")} {
		if a, b := Fold(Normalize(s)), Fold(s); a != b {
			t.Errorf("Fold(Normalize(%q)) = %q, Fold = %q", s, a, b)
		}
	}
}

// Every one of the 12 vowels × 6 tones × 2 cases is one precomposed letter
// that the lookup tables map back to itself.
func TestVowelTables(t *testing.T) {
	for id := range compose {
		for tone := range compose[id] {
			for up, r := range compose[id][tone] {
				want := vowel{id: uint8(id + 1), tone: uint8(tone), upper: up == 1}
				if got := vowelOf(r); got != want {
					t.Errorf("vowelOf(%q) = %+v, want %+v", r, got, want)
				}
				if got := want.rune(); got != r {
					t.Errorf("%+v.rune() = %q, want %q", want, got, r)
				}
			}
		}
	}
}
