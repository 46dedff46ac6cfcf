package metadata

import (
	"slices"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/search"
)

func TestEnrich(t *testing.T) {
	a := search.Article{
		Title:     "Thị ủy Quế Võ sơ kết 5 năm thực hiện Chỉ thị 05",
		Lead:      "Năm 2016, Bộ Chính trị ban hành Chỉ thị số 05-CT/TW.",
		Body:      "UBND thị xã Quế Võ triển khai Nghị định 30/2020/NĐ-CP. Năm 2019 thị xã đạt chuẩn. Phong trào thi đua “Dân vận khéo” được hưởng ứng.",
		Published: time.Date(2022, 12, 31, 20, 0, 0, 0, time.UTC), // 1 January 2023 in Vietnam
		Year:      1999,
	}
	Enrich(&a)
	if a.Year != 2023 {
		t.Errorf("Year = %d, want 2023", a.Year)
	}
	if want := []string{"Bộ Chính trị", "Thị ủy Quế Võ", "Ủy ban nhân dân thị xã Quế Võ"}; !slices.Equal(a.Units, want) {
		t.Errorf("Units = %q, want %q", a.Units, want)
	}
	if want := []string{"05-CT/TW"}; !slices.Equal(a.Directives, want) {
		t.Errorf("Directives = %q, want %q", a.Directives, want)
	}
	if want := []string{"30/2020/NĐ-CP"}; !slices.Equal(a.Documents, want) {
		t.Errorf("Documents = %q, want %q", a.Documents, want)
	}
	if !slices.Contains(a.Models, "Dân vận khéo") {
		t.Errorf("Models = %q, want Dân vận khéo among them", a.Models)
	}
}

func TestEnrichUndated(t *testing.T) {
	a := search.Article{Title: "Tin vắn", Body: "Không có đơn vị nào.", Year: 2020, Units: []string{"x"}, Example: true}
	Enrich(&a)
	if a.Year != 0 || a.Units != nil || a.Directives != nil || a.Documents != nil || a.Example || a.Models != nil {
		t.Errorf("Enrich(undated) = %+v, want empty metadata", a)
	}
}
