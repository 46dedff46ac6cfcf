package boilerplate

import (
	"slices"
	"strings"
	"testing"
)

// memStore is a Store in memory, one host.
type memStore map[uint64]*Seen

func (m memStore) ObserveBlocks(host, page string, blocks []uint64, keep int) (map[uint64]Seen, error) {
	out := map[uint64]Seen{}
	for _, h := range blocks {
		s := m[h]
		if s == nil {
			s = &Seen{}
			m[h] = s
		}
		if !slices.Contains(s.First, page) {
			s.Pages++
			if len(s.First) < keep {
				s.First = append(s.First, page)
			}
		}
		out[h] = *s
	}
	return out, nil
}

func (m memStore) Blocks(host string, blocks []uint64) (map[uint64]Seen, error) {
	out := map[uint64]Seen{}
	for _, h := range blocks {
		if s := m[h]; s != nil {
			out[h] = *s
		}
	}
	return out, nil
}

func TestClean(t *testing.T) {
	const (
		footer = "Trang tin của xã Tam Sơn."
		teaser = "Nhà văn hóa thôn Đông khánh thành."
		quote  = "Dễ trăm lần không dân cũng chịu."
	)
	store := memStore{}
	pages := []struct {
		id, body    string
		own         string
		wantBody    string
		wantRecheck []string
	}{
		{"a1", "Câu một của A1.\n" + quote + "\n" + teaser + "\n" + footer, "", "Câu một của A1.\n" + quote + "\n" + teaser + "\n" + footer, nil},
		{"b", teaser + "\nCâu của B.\n" + footer, teaser, teaser + "\nCâu của B.\n" + footer, nil},
		{"a2", "Câu của A2.\n" + quote + "\n" + teaser + "\n" + footer, "", "Câu của A2.\n" + quote + "\n" + teaser, []string{"a1", "b"}},
		{"a2", "Câu của A2.\n" + quote + "\n" + teaser + "\n" + footer, "", "Câu của A2.\n" + quote + "\n" + teaser, []string{"a1", "b"}}, // fetched again: counted once
		{"a3", "Câu của A3.\n" + teaser + "\n" + strings.ToUpper(footer), "", "Câu của A3.", []string{"a1", "a2"}},
	}
	for i, p := range pages {
		got, err := Clean(store, Page{Host: "x.vn", ID: p.id, Title: "Tiêu đề " + p.id, Own: []string{p.own}, Body: p.body})
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != p.wantBody {
			t.Errorf("page %d (%s): body = %q, want %q", i, p.id, got.Body, p.wantBody)
		}
		if !slices.Equal(got.Recheck, p.wantRecheck) {
			t.Errorf("page %d (%s): recheck = %v, want %v", i, p.id, got.Recheck, p.wantRecheck)
		}
	}
	// The second pass over A1 drops the teaser and footer, keeps the quote;
	// B keeps its own teaser.
	a1, err := Strip(store, "x.vn", "Tiêu đề a1", nil, "", pages[0].body)
	if err != nil || a1.Body != "Câu một của A1.\n"+quote || a1.Dropped != 2 {
		t.Errorf("second pass over A1 = %+v, %v", a1, err)
	}
	b, err := Strip(store, "x.vn", "Tiêu đề b", []string{teaser}, "", pages[1].body)
	if err != nil || b.Body != teaser+"\nCâu của B." {
		t.Errorf("second pass over B = %+v, %v", b, err)
	}
	// A page that would be left empty is kept whole.
	all, _ := Strip(store, "x.vn", "", nil, "", footer+"\n"+teaser)
	if all.Body != footer+"\n"+teaser || all.Dropped != 0 {
		t.Errorf("all-template body = %+v", all)
	}
}

func TestHashOf(t *testing.T) {
	if HashOf("Nghị  quyết\u00a0SỐ 5") != HashOf("nghị quyết số 5") || HashOf("Nghi\u0323 quyết") != HashOf("Nghị quyết") {
		t.Error("case, spacing or normalization changes the hash")
	}
	if HashOf("— · —") != 0 || HashOf("a") == HashOf("b") {
		t.Error("hash of punctuation, or of two texts")
	}
}
