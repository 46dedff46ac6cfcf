package extract

import (
	"testing"
	"time"
)

func TestParseTime(t *testing.T) {
	at := func(y, mo, d, h, mi int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, 0, 0, Saigon) }
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2025-11-24T09:15:00+07:00", at(2025, 11, 24, 9, 15)},
		{"2025-11-24T02:15:00Z", at(2025, 11, 24, 9, 15)},
		{"2025-11-24T09:15:00", at(2025, 11, 24, 9, 15)},
		{"2025-11-24 09:15", at(2025, 11, 24, 9, 15)},
		{"2025-11-24", at(2025, 11, 24, 0, 0)},
		{"Mon, 24 Nov 2025 09:15:00 +0700", at(2025, 11, 24, 9, 15)},
		{"Thứ Hai, 24/11/2025 09:15", at(2025, 11, 24, 9, 15)},
		{"Thứ hai, 24/11/2025, 09:15 (GMT+7)", at(2025, 11, 24, 9, 15)},
		{"24/11/2025 - 09:15", at(2025, 11, 24, 9, 15)},
		{"Cập nhật: 09:15 24/11/2025", at(2025, 11, 24, 9, 15)},
		{"09:15, 24/11/2025", at(2025, 11, 24, 9, 15)},
		{"Cập nhật lúc 09:15, Thứ Hai, 24/11/2025", at(2025, 11, 24, 9, 15)},
		{"Đăng ngày 2025-11-24 09:15", at(2025, 11, 24, 9, 15)},
		{"24-11-2025 9h15", at(2025, 11, 24, 9, 15)},
		{"Ngày 3 tháng 2 năm 2024", at(2024, 2, 3, 0, 0)},
		{"24/11/2025 10:15 (GMT+8)", time.Date(2025, 11, 24, 10, 15, 0, 0, time.FixedZone("", 8*3600))},
		{"31/02/2025 hoặc 01/03/2025", at(2025, 3, 1, 0, 0)},
	}
	for _, tt := range tests {
		got, ok := ParseTime(tt.in)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("ParseTime(%q) = %v, %v; want %v", tt.in, got, ok, tt.want)
		}
	}
	for _, bad := range []string{"", "hôm qua", "99/99/2025", "Số 12/2025"} {
		if got, ok := ParseTime(bad); ok {
			t.Errorf("ParseTime(%q) = %v, want none", bad, got)
		}
	}
}

func FuzzVisibleDate(f *testing.F) {
	f.Add("Thứ Hai, 24/11/2025 09:15 (GMT+7)")
	f.Add("09:15 ngày 24 tháng 11 năm 2025 GMT-3:30")
	f.Fuzz(func(t *testing.T, s string) {
		if got, ok := VisibleDate(s); ok && (got.Year() < 1945 || got.Year() > 2100) {
			t.Errorf("VisibleDate(%q) = %v out of range", s, got)
		}
	})
}
