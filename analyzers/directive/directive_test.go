package directive

import (
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

var day2023 = time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)

func TestIDs(t *testing.T) {
	tests := []struct {
		text string
		pub  time.Time
		want []string
	}{
		{"Thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị", day2023, []string{"05-CT/TW"}},
		{"Đảng ủy xã kết hợp thực hiện Chỉ thị 05 với Kết luận 01", day2023, []string{"01-KL/TW", "05-CT/TW"}},
		{"Các chi bộ đưa CT 05 và KL 01 vào sinh hoạt", day2023, []string{"01-KL/TW", "05-CT/TW"}},
		{"kết hợp thực hiện Chỉ thị 05 với Kết luận 01", day2023, nil}, // nothing says it is the party's
		{"ct 05 là viết tắt", day2023, nil},
		{"NQ TW4 (khóa XI, XII, XIII)", day2023, []string{"04-NQ/TW", "12-NQ/TW@2012", "21-KL/TW"}},
		{"Nghị quyết Trung ương 4 khoá XII", day2023, []string{"04-NQ/TW"}},
		{"Nghị quyết Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XI", day2023, []string{"12-NQ/TW@2012"}},
		{"Kết luận Trung ương 4 khóa XIII", day2023, []string{"21-KL/TW"}},
		{"NQTW4 khóa XII", day2023, []string{"04-NQ/TW"}},
		{"Nghị quyết 12-NQ/TW ngày 16/3/2022 của Bộ Chính trị", time.Time{}, []string{"12-NQ/TW@2022"}},
		{"Nghị quyết số 12-NQ/TW về một số vấn đề cấp bách về xây dựng Đảng hiện nay", day2023, []string{"12-NQ/TW@2012"}},
		{"Nghị quyết 12-NQ/TW (khóa XI)", day2023, []string{"12-NQ/TW@2012"}},
		{"quán triệt Nghị quyết 12-NQ/TW", day2023, []string{"12-NQ/TW"}}, // three documents by then: no guess
		{"quán triệt Nghị quyết 12-NQ/TW", time.Date(2013, 3, 1, 0, 0, 0, 0, time.UTC), []string{"12-NQ/TW@2012"}},
		{"Nghị quyết 11-NQ/TW ngày 10/2/2022 của Bộ Chính trị", day2023, []string{"11-NQ/TW@2022"}},
		{"Nghị quyết số 18-NQ/TW ngày 16/6/2022 về đất đai", day2023, []string{"18-NQ/TW@2022"}},
		{"Nghị quyết số 18-NQ/TW ngày 16-6-2022", day2023, []string{"18-NQ/TW@2022"}},
		{"Nghị quyết 99-NQ/TW ngày 2/3/2024 của Bộ Chính trị", day2023, []string{"99-NQ/TW@2024"}},
		{"Nghị quyết 99-NQ/TW (năm 2024)", day2023, []string{"99-NQ/TW@2024"}},
		{"Chỉ thị 05-CT/TW ngày 1/1/2010", day2023, []string{"05-CT/TW@2010"}}, // not the 2016 one
		{"Nghị quyết 18-NQ/TW của Trung ương khóa XII", day2023, []string{"18-NQ/TW@2017"}},
		{"Nghị quyết 18-NQ/TW về tinh gọn tổ chức bộ máy", day2023, []string{"18-NQ/TW@2017"}},
		{"Nghị quyết 18-NQ/TW về chính sách đất đai", day2023, []string{"18-NQ/TW@2022"}},
		{"Nghị quyết 18-NQ/TW", time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), []string{"18-NQ/TW@2017"}}, // the only one by then
		{"Nghị quyết 18-NQ/TW", day2023, []string{"18-NQ/TW"}},
		{"Quy định số 07-QĐ/TW ngày 28/8/2018 của Bộ Chính trị", day2023, []string{"07-QĐi/TW"}},
		{"Đảng bộ huyện sửa mình theo Nghị quyết 12, chỉnh đốn Đảng", day2023, []string{"12-NQ/TW"}},
		{"Nghị quyết 10-NQ/TW ngày 10/2/2022", day2023, []string{"10-NQ/TW@2022"}},
		{"CHI THI 05 CUA BO CHINH TRI", day2023, []string{"05-CT/TW"}},
		{norm.NFD.String("Kết luận số 01 -KL/TW của Bộ Chính trị"), day2023, []string{"01-KL/TW"}},
		{"Nghị quyết số 18, 19-NQ/TW", time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC), []string{"18-NQ/TW@2017", "19-NQ/TW@2017"}},
		{"Quy định 144-QĐ/TW và Quy định số 08-QĐi/TW, quy định 3 năm", day2023, []string{"08-QĐi/TW", "144-QĐ/TW"}},
		{"Đảng viên thực hiện Quy định 08 về nêu gương", day2023, []string{"08-QĐi/TW"}},
		{"Chỉ thị 27 qui định điều kiện để được đăng ký hộ khẩu", time.Time{}, nil},
		{"Thủ tướng Chính phủ chỉ thị: 1. Ủy ban nhân dân các tỉnh", time.Time{}, nil},
		{"Nghị quyết 41 của Bộ Chính trị về định hướng chiến lược phát triển ngành dầu khí", time.Time{}, []string{"41-NQ/TW@2015"}},
		{"Nghị quyết 41 của Bộ Chính trị về vai trò của đội ngũ doanh nhân", time.Time{}, []string{"41-NQ/TW@2023"}},
		{"Đảng ủy phường thực hiện chỉ thị 01 về chấn chỉnh hoạt động vận tải hành khách", day2023, nil},
		{"tổng kết Nghị quyết 04 của Ban chấp hành T.Ư Đảng khóa VII về công tác thanh niên", day2023, nil},
		{"Nghị quyết 36 của Bộ Chính trị về công tác đối với người Việt Nam ở nước ngoài", day2023, []string{"36-NQ/TW@2004"}},
		{"Nghị quyết 36-NQ/TW về phát triển bền vững kinh tế biển", day2023, []string{"36-NQ/TW@2018"}},
		{"theo quy định 08 ngày", day2023, nil},
		{"Nghị quyết số 01 của Huyện ủy Gia Bình", day2023, nil},
		{"Chỉ thị 15 của Ban Bí thư", day2023, []string{"15-CT/TW"}},
		{"giãn cách theo Chỉ thị 16/CT-TTg. Chỉ thị 16 được", day2023, nil},
		{"Chỉ thị 15 về giãn cách xã hội", time.Date(2020, 4, 1, 0, 0, 0, 0, time.UTC), nil},
		{"Nghị định 30/2020/NĐ-CP", day2023, nil},
		{"Hướng dẫn số 01-HD/TW ngày 28/9/2021", day2023, []string{"01-HD/TW@2021"}},
		{"Thông báo số 13-TB/TW", day2023, []string{"13-TB/TW"}},
		{"Nghị quyết 15-NQ/TU của Tỉnh ủy", day2023, nil}, // which province's?
		{"Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy Bắc Ninh về tăng cường", day2023, []string{"05-CT/TU Tỉnh ủy Bắc Ninh"}},
		{"Thực hiện Nghị quyết 15-NQ/TU của Tỉnh ủy, tỉnh Bắc Ninh đã", day2023, []string{"15-NQ/TU Tỉnh ủy Bắc Ninh"}},
		{"Tỉnh ủy Bắc Ninh ban hành Nghị quyết 15-NQ/TU. Tỉnh ủy Bắc Giang cũng vậy", day2023, []string{"15-NQ/TU Tỉnh ủy Bắc Ninh"}},
		{"Tỉnh ủy Bắc Ninh và Tỉnh ủy Bắc Giang. Nghị quyết 15-NQ/TU được", day2023, nil},
		{"Quyết định số 1087-QĐ/TU ngày 31/3/2009 của Ban Thường vụ Thành ủy Hà Nội", day2023, nil},
		{"nghị quyết số 1108-NQ/ĐU của Ban thường vụ Đảng uỷ xã Đại Xuân", day2023, []string{"1108-NQ/ĐU Đảng ủy xã Đại Xuân"}},
		{"Nghị quyết số 03-NQ/BCS của Ban cán sự đảng UBND tỉnh Bắc Ninh", day2023, []string{"03-NQ/BCS Ban cán sự đảng Ủy ban nhân dân tỉnh Bắc Ninh"}},
		{"Quy định số 5946-QĐ/TU ngày 13/9/2012 của Thành uỷ Đà Nẵng về nêu gương", day2023, []string{"5946-QĐ/TU Thành ủy Đà Nẵng"}},
		{"Kết luận 05-KL/HU của Huyện ủy Gia Bình và Chỉ thị 05-CT/TW", day2023, []string{"05-CT/TW", "05-KL/HU Huyện ủy Gia Bình"}},
		{"Các cấp ủy tiếp tục thực hiện Chỉ thị 05. Kết luận 01, 2 năm qua", day2023, []string{"01-KL/TW", "05-CT/TW"}},
		{"Nghị quyết 35.2 và Chỉ thị 05,5", day2023, nil},
		{"kế hoạch thực hiện Chỉ thị 05 của Đảng bộ huyện", day2023, []string{"05-CT/TW"}},
		{"Chỉ thị 03 CT/TW ngày 15.1.2011 của Bộ Chính trị", day2023, []string{"03-CT/TW"}},
		{"chỉ thì 05 là", day2023, nil},
	}
	for _, tt := range tests {
		if got := idsOf(tt.text, tt.pub); !slices.Equal(got, tt.want) {
			t.Errorf("idsOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestDocumentIDs(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Nghị định 30/2020/NĐ-CP và Quyết định 1719/QĐ-TTg", []string{"1719/QĐ-TTg", "30/2020/NĐ-CP"}},
		{"Luật Đất đai số 31/2024/QH15, Chỉ thị 5/ct-ttg", []string{"05/CT-TTg", "31/2024/QH15"}},
		{"Thông tư liên tịch 12/2022/TTLT-BTC-BNV", []string{"12/2022/TTLT-BTC-BNV"}},
		{"ngày 15/5/2016, Quyết định 10/QĐ-UBND của tỉnh", nil},
		{"Chỉ thị số 05-CT/TW", nil},
	}
	for _, tt := range tests {
		if got := documentIDsOf(tt.text); !slices.Equal(got, tt.want) {
			t.Errorf("documentIDsOf(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func TestParseID(t *testing.T) {
	// A symbol typed without a year stands for its catalog documents, the
	// symbol alone and the symbol with any year: the ids listed come first.
	tests := []struct {
		in      string
		want    []string
		anyYear bool
	}{
		{"05-CT/TW", []string{"05-CT/TW"}, true},
		{" 5-ct/tw ", []string{"05-CT/TW"}, true},
		{"CT 05", []string{"05-CT/TW"}, true},
		{"chi thi 05", []string{"05-CT/TW"}, true},
		{"Chỉ thị số 05", []string{"05-CT/TW"}, true},
		{"12-NQ/TW", []string{"12-NQ/TW@2012", "12-NQ/TW@2017", "12-NQ/TW@2022", "12-NQ/TW"}, true},
		{"12-nq/tw@2022", []string{"12-NQ/TW@2022"}, false},
		{"99-nq/tw@2024", []string{"99-NQ/TW@2024"}, false},
		{"nghi quyet trung uong 4 khoa xii", []string{"04-NQ/TW"}, false},
		{"quy dinh 08", []string{"08-QĐi/TW"}, true},
		{"08-qdi/tw", []string{"08-QĐi/TW"}, true},
		{"kl 99", []string{"99-KL/TW"}, true},
		{"99-NQ/TW", []string{"99-NQ/TW"}, true},
	}
	for _, tt := range tests {
		got, ok := ParseID(tt.in)
		if !ok || len(got) < len(tt.want) || !slices.Equal(got[:len(tt.want)], tt.want) {
			t.Errorf("ParseID(%q) = %q, %v; want %q first", tt.in, got, ok, tt.want)
			continue
		}
		key, _, _ := strings.Cut(tt.want[0], "@")
		if tt.anyYear != slices.Contains(got, key+"@2020") || !tt.anyYear && len(got) != len(tt.want) {
			t.Errorf("ParseID(%q) = %q; any year: %v", tt.in, got, tt.anyYear)
		}
	}
	for in, want := range map[string]string{
		"05-CT/TU Tỉnh ủy Bắc Ninh":              "05-CT/TU Tỉnh ủy Bắc Ninh",
		"05-ct/tu tỉnh uỷ Bắc Ninh":              "05-CT/TU Tỉnh ủy Bắc Ninh",
		"5-CT/TU Ban Thường vụ Tỉnh ủy Bắc Ninh": "05-CT/TU Tỉnh ủy Bắc Ninh",
		"1108-NQ/ĐU Đảng ủy xã Đại Xuân":         "1108-NQ/ĐU Đảng ủy xã Đại Xuân",
	} {
		if got, ok := ParseID(in); !ok || !slices.Equal(got, []string{want}) {
			t.Errorf("ParseID(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "xyz", "05", "12-NQ/TW@abc", "30/2020/NĐ-CP", "05-CT/TU", "05-CT/TU Huyện ủy Gia Bình"} {
		if got, ok := ParseID(in); ok {
			t.Errorf("ParseID(%q) = %q, want not ok", in, got)
		}
	}
}

func TestCatalog(t *testing.T) {
	docs := Catalog()
	if len(docs) < 40 {
		t.Fatalf("catalog has %d documents, want at least 40", len(docs))
	}
	for _, d := range docs {
		if got, ok := Lookup(d.ID); !ok || got != d {
			t.Errorf("Lookup(%q) = %v, %v", d.ID, got, ok)
		}
		if d.Kind != kindNames[mustSymbol(t, d.Number).Code] || d.Issuer == "" || len(d.Date) != 10 || d.Title == "" {
			t.Errorf("incomplete catalog entry %+v", d)
		}
	}
	if got, want := Label("05-CT/TW"), "Chỉ thị 05-CT/TW (2016) — Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"; got != want {
		t.Errorf("Label(05-CT/TW) = %q, want %q", got, want)
	}
	if got, want := Label("99-NQ/TW@2022"), "Nghị quyết 99-NQ/TW (2022)"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
	if got, want := Label("05-CT/TU Tỉnh ủy Bắc Ninh"), "Chỉ thị 05-CT/TU Tỉnh ủy Bắc Ninh"; got != want {
		t.Errorf("Label = %q, want %q", got, want)
	}
}

func mustSymbol(t *testing.T, s string) symbol {
	t.Helper()
	sym, ok := parseSymbol(s)
	if !ok {
		t.Fatalf("parseSymbol(%q) failed", s)
	}
	return sym
}

func TestLoadRejectsBadCatalog(t *testing.T) {
	for _, data := range []string{
		`[{"id":"05-CT/TW","number":"05-CT/TW","date":"2016-05-15"},{"id":"05-CT/TW","number":"05-CT/TW","date":"2016-05-15"}]`,
		`[{"id":"5-CT/TW","number":"5-CT/TW","date":"2016-05-15"}]`,
		`[{"id":"12-NQ/TW","number":"12-NQ/TW","date":"2012-01-16"},{"id":"12-NQ/TW@2022","number":"12-NQ/TW","date":"2022-03-16"}]`,
		`{`,
	} {
		if _, err := load([]byte(data)); err == nil {
			t.Errorf("load(%s) succeeded", data)
		}
	}
}

// find, findDocuments, idsOf and documentIDsOf run the recognizers on a
// text of their own, as IDsIn and DocumentIDsIn on an article's split.
func find(text string, published time.Time) []mention {
	return findIn(words.New(text), published)
}

func findDocuments(text string) []mention { return findDocumentsIn(words.New(text)) }

func idsOf(text string, published time.Time) []string {
	return IDsIn(words.New(text), published)
}

func documentIDsOf(text string) []string { return DocumentIDsIn(words.New(text)) }
