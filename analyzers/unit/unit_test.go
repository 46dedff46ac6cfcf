package unit

import (
	"slices"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestFind(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Ban Thường vụ Tỉnh ủy Bắc Ninh họp", []string{"Tỉnh ủy Bắc Ninh"}},
		{"Ban Tuyên giáo Thị uỷ Quế Võ", []string{"Thị ủy Quế Võ"}},
		{"HĐND, UBND tỉnh Bắc Ninh", []string{"Hội đồng nhân dân tỉnh Bắc Ninh", "Ủy ban nhân dân tỉnh Bắc Ninh"}},
		{"Ủy ban MTTQ Việt Nam tỉnh Bắc Ninh", []string{"Mặt trận Tổ quốc tỉnh Bắc Ninh"}},
		{"Đảng bộ tỉnh Bắc Ninh và Đảng bộ xã Chi Lăng", []string{"Tỉnh ủy Bắc Ninh", "Đảng ủy xã Chi Lăng"}},
		{"THỊ ỦY QUẾ VÕ TỔ CHỨC HỘI NGHỊ", []string{"Thị ủy Quế Võ"}},
		{norm.NFD.String("Chi bộ thôn Quế Ổ, xã Chi Lăng"), []string{"Chi bộ thôn Quế Ổ"}},
		{"tỉnh Bắc Ninh có nhiều ban ngành", nil},
		{"ban hành văn bản, Ban tổ chức cuộc thi", nil},
		{"UBND TP.HCM và Thành ủy TP.HCM", []string{"Thành ủy Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh"}},
		{"Hội LHPN huyện Gia Bình, Hội CCB thị xã Quế Võ", []string{"Hội Cựu chiến binh thị xã Quế Võ", "Hội Liên hiệp Phụ nữ huyện Gia Bình"}},
		{"Trung ương Đoàn và Tỉnh đoàn Bắc Ninh", []string{"Trung ương Đoàn", "Đoàn Thanh niên tỉnh Bắc Ninh"}},
		{"Bộ Chính trị, Ban Bí thư", []string{"Ban Bí thư", "Bộ Chính trị"}},
		{"UBND tỉnh Bà Rịa - Vũng Tàu", []string{"Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu"}},
		{"Mặt trận Tổ quốc Việt Nam", []string{"Mặt trận Tổ quốc Việt Nam"}},
		{"thị xã Quế Võ. Ban Thường vụ Thị ủy chỉ đạo", []string{"Thị ủy Quế Võ"}},
		{"Ban Thường vụ Tỉnh ủy chỉ đạo", nil},
		{"phường Phố Mới: Đảng ủy, UBND phường giải quyết", []string{"Đảng ủy phường Phố Mới", "Ủy ban nhân dân phường Phố Mới"}},
		{"thu gom rác ra xa Khu dân cư", nil},
		{"UBND phường 5, quận 3", []string{"Ủy ban nhân dân phường 5"}},
		{"lực lượng công an xã Chi Lăng", nil},
		{"Công an tỉnh Thái Bình", []string{"Công an tỉnh Thái Bình"}},
		// A unit's name never swallows the next unit's keyword.
		{"Tỉnh ủy Tỉnh ủy", nil},
		{"Tỉnh ủy Tỉnh ủy Bắc Ninh", []string{"Tỉnh ủy Bắc Ninh"}},
		{"Huyện ủy Huyện ủy Quế Võ", []string{"Huyện ủy Quế Võ"}},
		{"Đảng ủy xã Đảng ủy", nil},
		{"Thành ủy UBND TP.HCM", []string{"Thành ủy Thành phố Hồ Chí Minh", "Ủy ban nhân dân Thành phố Hồ Chí Minh"}},
		// A keyword that is a unit only when capitalised may start a place.
		{"UBND phường Đoàn Kết", []string{"Ủy ban nhân dân phường Đoàn Kết"}},
	}
	for _, tt := range tests {
		if got := Find(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestCanonical(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Thị uỷ Quế Võ", "Thị ủy Quế Võ"},
		{"UBND xã Chi Lăng", "Ủy ban nhân dân xã Chi Lăng"},
		{"thi uy que vo", "Thị ủy Que Vo"},
		{"ủy ban mttq việt nam tỉnh bắc ninh", "Mặt trận Tổ quốc tỉnh Bắc Ninh"},
		{"Ban Thường vụ Tỉnh ủy Bắc Ninh", "Tỉnh ủy Bắc Ninh"},
		{"  Hoà   Bình ", "Hòa Bình"},
	}
	for _, tt := range tests {
		if got := Canonical(tt.in); got != tt.want {
			t.Errorf("Canonical(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFindPeopleAndLists(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Chủ tịch UBND tỉnh Nguyễn Hữu Thành phát biểu tại tỉnh Bắc Ninh", []string{"Ủy ban nhân dân tỉnh Bắc Ninh"}},
		{"đồng chí Bí thư Tỉnh ủy Bắc Ninh Đỗ Minh Tuấn", []string{"Tỉnh ủy Bắc Ninh"}},
		{"Chủ tịch UBND tỉnh Hà Tĩnh Võ Trọng Hải", []string{"Ủy ban nhân dân tỉnh Hà Tĩnh"}},
		{"Các huyện uỷ Can Lộc, Đức Thọ được chọn làm điểm", []string{"Huyện ủy Can Lộc", "Huyện ủy Đức Thọ"}},
		{"xã Thiên Lộc (huyện Can Lộc, Hà Tĩnh). Ban Thường vụ Tỉnh ủy đánh giá", []string{"Tỉnh ủy Hà Tĩnh"}},
		{"thành phố Thủ Đức thuộc TP.HCM. Thành ủy chỉ đạo", []string{"Thành ủy Thành phố Hồ Chí Minh"}},
		{"Ở thành phố Thủ Đức, Đoàn Thanh niên thành phố duy trì chuyên mục", []string{"Đoàn Thanh niên thành phố Thủ Đức"}},
		{"Bí thư Đoàn xã Đại Lai", []string{"Đoàn Thanh niên xã Đại Lai"}},
		{"Đảng ủy Công an Trung ương và Đảng ủy Công an tỉnh Nghệ An", []string{"Đảng ủy Công an Trung ương", "Đảng ủy Công an tỉnh Nghệ An"}},
		{"tỉnh Nghệ An: Sở Nội vụ tham mưu, Sở GD&ĐT tỉnh Hà Tĩnh", []string{"Sở Giáo dục và Đào tạo tỉnh Hà Tĩnh", "Sở Nội vụ tỉnh Nghệ An"}},
		{"cán bộ tư pháp xã hỗ trợ", nil},
		{"Huyện ủy Cần Giờ - TPHCM; Tỉnh ủy Lào Cai11 và Tỉnh ủy Thừa Thiên - Huế", []string{"Huyện ủy Cần Giờ", "Tỉnh ủy Lào Cai", "Tỉnh ủy Thừa Thiên - Huế"}},
		{"Ủy viên Quân ủy Trung ương, Quận ủy Ba Đình", []string{"Quận ủy Ba Đình"}},
		{"Thủ tướng Chính phủ, Ủy viên Bộ Chính trị; Ngày truyền thống Mặt trận Tổ quốc Việt Nam", nil},
		{"Quyết định của Chính phủ", []string{"Chính phủ"}},
		{"Bí thư chi bộ khu phố hơn 15 năm ở khu phố Mai Sơn", nil},
	}
	for _, tt := range tests {
		if got := Find(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("Find(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestKey(t *testing.T) {
	for _, typed := range []string{"thi uy que vo", "Thị uỷ Quế Võ", "THỊ ỦY QUẾ VÕ", "Ban Thường vụ Thị ủy Quế Võ"} {
		if got, want := Key(typed), Key("Thị ủy Quế Võ"); got != want {
			t.Errorf("Key(%q) = %q, want %q", typed, got, want)
		}
	}
	if got, want := Key("UBND xã Chi Lăng"), "uy ban nhan dan xa chi lang"; got != want {
		t.Errorf("Key = %q, want %q", got, want)
	}
}
