package ingest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search"
)

// TestImportGroupsCopies imports a story, an unrelated article and two
// copies of the story, the earliest publication last and in another
// batch: all three copies end in the group of the earliest.
func TestImportGroupsCopies(t *testing.T) {
	story := strings.Repeat("Sáng nay, Ban Thường vụ Tỉnh ủy Bắc Ninh tổ chức hội nghị sơ kết việc thực hiện Chỉ thị số 05-CT/TW, biểu dương các điển hình tiêu biểu trong học tập và làm theo Bác. ", 4)
	other := strings.Repeat("Mưa lớn kéo dài khiến nhiều tuyến đường ở huyện miền núi bị sạt lở, chính quyền đã di dời hàng trăm hộ dân đến nơi an toàn trong đêm qua. ", 4)
	lines := []map[string]string{
		{"id": "a", "title": "Sơ kết Chỉ thị 05", "published": "2024-03-02", "body": story},
		{"id": "b", "title": "Sạt lở", "published": "2024-03-01", "body": other},
		{"id": "c", "title": "Bắc Ninh sơ kết Chỉ thị 05", "published": "2024-03-03", "body": "Theo báo tỉnh: " + story},
		{"id": "d", "title": "Hội nghị sơ kết", "published": "2024-03-01", "body": story + " Tin: PV."},
	}
	var b strings.Builder
	for _, l := range lines {
		j, _ := json.Marshal(l)
		b.Write(append(j, '\n'))
	}
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	st, err := Load(context.Background(), ix, strings.NewReader(b.String()), Config{BatchArticles: 2})
	if err != nil || st.Grouped != 3 {
		t.Fatalf("load: %+v, %v", st, err)
	}
	want := map[string]string{"a": "d", "b": "", "c": "d", "d": "d"}
	for id, group := range want {
		a, err := ix.Article(context.Background(), id)
		if err != nil || a.Group != group {
			t.Errorf("%s: group %q, want %q (%v)", id, a.Group, group, err)
		}
	}
	res, err := ix.Search(context.Background(), search.Request{Query: "so ket chi thi", GroupSyndicated: true})
	if err != nil || len(res.Hits) != 1 || res.Hits[0].ID != "d" || res.Hits[0].Copies != 2 {
		t.Errorf("grouped search: %+v, %v", res, err)
	}
}
