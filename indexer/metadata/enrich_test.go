package metadata

import (
	"context"
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

// TestLocalDirectiveFilter follows a local directive's id from the
// article through the index: the directive filter, typed as a URL value
// or in the query language in another spelling, finds the article, and
// the facet counts it under its label.
func TestLocalDirectiveFilter(t *testing.T) {
	a := search.Article{ID: "a1", Source: "Báo A", Title: "Thực hiện Chỉ thị 05 của Tỉnh ủy",
		Body:      "Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy Bắc Ninh về tăng cường công tác dân vận được các chi bộ triển khai.",
		Published: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)}
	b := search.Article{ID: "b1", Source: "Báo A", Title: "Thực hiện Chỉ thị 05 của Tỉnh ủy",
		Body:      "Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy Bắc Giang về công tác dân vận được các chi bộ triển khai.",
		Published: time.Date(2023, 5, 1, 0, 0, 0, 0, time.UTC)}
	Enrich(&a)
	Enrich(&b)
	const id = "05-CT/TU Tỉnh ủy Bắc Ninh"
	if !slices.Equal(a.Directives, []string{id}) {
		t.Fatalf("Directives = %q, want %q", a.Directives, id)
	}
	ix, err := search.Open(t.TempDir() + "/index")
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Index(context.Background(), a, b); err != nil {
		t.Fatal(err)
	}
	for _, req := range []search.Request{
		{Filters: search.Filters{Keywords: map[string][]string{"directive": {id}}}},
		{Filters: search.Filters{Keywords: map[string][]string{"directive": {"05-ct/tu tỉnh uỷ Bắc Ninh"}}}},
		{Query: `dân vận directive:"05-CT/TU Ban Thường vụ Tỉnh ủy Bắc Ninh"`},
	} {
		req.Size = 10
		res, err := ix.Search(context.Background(), req)
		if err != nil {
			t.Fatalf("%+v: %v", req, err)
		}
		if len(res.Hits) != 1 || res.Hits[0].ID != "a1" {
			t.Errorf("%+v: hits %+v, want a1 alone", req, res.Hits)
			continue
		}
		f := res.Facets[search.FacetDirective]
		if len(f) != 1 || f[0].Value != id || f[0].Label != "Chỉ thị "+id {
			t.Errorf("%+v: directive facet %+v", req, f)
		}
	}
}
