package analyzers

import "testing"

func TestSwapTone(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"hòa bình", "hoà bình"},
		{"hoà giải", "hòa giải"},
		{"Thủy lợi, thuỷ điện", "Thuỷ lợi, thủy điện"},
		{"khỏe mạnh", "khoẻ mạnh"},
		{"Đảng ủy xã", "Đảng uỷ xã"},
		{"ỦY BAN", "UỶ BAN"},
		{"hoàn thành, thoát nghèo, quý, già, khuya", "hoàn thành, thoát nghèo, quý, già, khuya"},
		{"hoa, thuy, 05-CT/TW", "hoa, thuy, 05-CT/TW"},
	} {
		if got := SwapTone(tt.in); got != tt.want {
			t.Errorf("SwapTone(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := Normalize(SwapTone(tt.in)); got != Normalize(tt.in) {
			t.Errorf("Normalize(SwapTone(%q)) = %q, want %q", tt.in, got, Normalize(tt.in))
		}
	}
}
