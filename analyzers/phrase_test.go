package analyzers_test

import (
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/vnsearch/vnsearch/analyzers"
)

// newPhraseIndex indexes one article body into a field analyzed with vi and
// a field analyzed with vi_folded.
func newPhraseIndex(t *testing.T, body string) bleve.Index {
	t.Helper()
	vi := bleve.NewTextFieldMapping()
	vi.Analyzer = analyzers.Name
	folded := bleve.NewTextFieldMapping()
	folded.Analyzer = analyzers.FoldedName
	doc := bleve.NewDocumentMapping()
	doc.AddFieldMappingsAt("body", vi)
	doc.AddFieldMappingsAt("folded", folded)
	m := mapping.NewIndexMapping()
	m.DefaultMapping = doc
	idx, err := bleve.NewMemOnly(m)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { idx.Close() })
	if err := idx.Index("a1", map[string]string{"body": body, "folded": body}); err != nil {
		t.Fatal(err)
	}
	return idx
}

func TestPhraseQueries(t *testing.T) {
	body := "Ban Thường vụ Thị uỷ Quế Võ ban hành kế hoạch thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị " +
		"và Nghị định 30/2020/NĐ-CP; “Dễ trăm lần không dân cũng chịu”."
	idx := newPhraseIndex(t, body)
	tests := []struct {
		field, phrase string
		want          bool
	}{
		{"body", "Chỉ thị 05-CT/TW", true},
		{"body", "05-CT/TW", true},
		{"body", "CT/TW của Bộ", true},
		{"body", "chỉ thị 05", true},
		{"body", "Thị ủy Quế Võ", true},
		{"body", "THỊ UỶ QUẾ VÕ", true},
		{"body", "30/2020/NĐ-CP", true},
		{"body", "Chỉ thị 06-CT/TW", false},
		{"body", "chi thi 05", false},
		{"folded", "chi thi 05", true},
		{"folded", "chi thi 05-ct/tw", true},
		{"folded", "thi uy que vo", true},
		{"folded", "de tram lan khong dan cung chiu", true},
		{"folded", "30/2020/nd-cp", true},
		{"folded", "tram lan dan", false},
	}
	for _, tt := range tests {
		q := bleve.NewMatchPhraseQuery(tt.phrase)
		q.SetField(tt.field)
		res, err := idx.Search(bleve.NewSearchRequest(q))
		if err != nil {
			t.Fatalf("search %q: %v", tt.phrase, err)
		}
		if got := res.Total == 1; got != tt.want {
			t.Errorf("phrase %q on %s: match = %v, want %v", tt.phrase, tt.field, got, tt.want)
		}
	}
}

// Offsets point into the original text, so highlights wrap the original
// spelling whatever form the query was typed in.
func TestHighlightOffsets(t *testing.T) {
	idx := newPhraseIndex(t, "Đảng uỷ phường Phố Mới quán triệt Chỉ thị 05-CT/TW.")
	// The whole document number and its parts overlap; bleve's highlighter
	// may split the marks anywhere between, so only the ends are checked.
	tests := []struct{ field, query, want string }{
		{"body", "đảng ủy", "<mark>Đảng</mark> <mark>uỷ</mark>"},
		{"folded", "dang uy", "<mark>Đảng</mark> <mark>uỷ</mark>"},
		{"folded", "05-ct/tw", "thị <mark>05"},
		{"folded", "05-ct/tw", "TW</mark>."},
	}
	for _, tt := range tests {
		q := bleve.NewMatchQuery(tt.query)
		q.SetField(tt.field)
		req := bleve.NewSearchRequest(q)
		req.Highlight = bleve.NewHighlightWithStyle("html")
		res, err := idx.Search(req)
		if err != nil {
			t.Fatalf("search %q: %v", tt.query, err)
		}
		if res.Total != 1 {
			t.Fatalf("query %q: %d hits", tt.query, res.Total)
		}
		frags := res.Hits[0].Fragments[tt.field]
		if len(frags) == 0 || !strings.Contains(frags[0], tt.want) {
			t.Errorf("query %q on %s: fragments %q, want one containing %q", tt.query, tt.field, frags, tt.want)
		}
	}
}
