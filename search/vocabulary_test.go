package search

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search/synonym"
)

// vocabularyQueries are typed by staff: abbreviations and full forms, in
// both directions, bare and quoted.
var vocabularyQueries = []string{
	"UBND xã", "Ủy ban nhân dân xã", `"Ủy ban nhân dân xã Chi Lăng"`, `"UBND xã Chi Lăng"`,
	"HĐND tỉnh", "Hội đồng nhân dân tỉnh", "MTTQ", "Mặt trận Tổ quốc",
	"XDNTM", "xây dựng nông thôn mới", `"lãnh đạo xây dựng nông thôn mới"`, "lanh dao XDNTM",
	"BCH", "Ban Chấp hành", "BTV", "Ban Thường vụ", "ĐBQH", "đại biểu Quốc hội",
	"CAND", "Công an nhân dân", "Bác Hồ", "Chủ tịch Hồ Chí Minh",
	"làm theo Bác", `"làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"`,
	"Nghị quyết Trung ương 4", "NQ TW4", "CT 05", `"Chỉ thị 05"`,
	"HTX", "kinh tế - xã hội", "KT-XH", "ANTT", "chuyen doi so", "CĐS",
}

// TestVocabularyGolden asserts, for every query, that the articles holding
// only an equivalent form are found with the vocabulary and missed without
// it, and that an article holding the form typed ranks first.
func TestVocabularyGolden(t *testing.T) {
	articles, _ := withSeed(t, loadDemo(t))
	ix := newTestIndex(t, articles...)
	vocab := synonym.Default()
	expanded := 0
	for _, q := range vocabularyQueries {
		text := strings.Trim(q, `"`)
		typedHolders := holders(articles, text)
		var onlyAlt []string
		for _, alt := range phraseExpansions(text, vocab) {
			for _, id := range holders(articles, alt) {
				if !contains(typedHolders, id) && !contains(onlyAlt, id) {
					onlyAlt = append(onlyAlt, id)
				}
			}
		}
		ix.SetVocabulary(vocab)
		on, err := ix.Search(context.Background(), Request{Query: q, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		ix.SetVocabulary(nil)
		off, err := ix.Search(context.Background(), Request{Query: q, Size: MaxSize})
		if err != nil {
			t.Fatal(err)
		}
		got, without := ids(on), ids(off)
		for _, id := range onlyAlt {
			if !contains(got, id) {
				t.Errorf("%s: %s writes an equivalent form but was not found: %v", q, id, got)
			}
			if contains(without, id) && (strings.HasPrefix(q, `"`) || !allWords(articles, id, text)) {
				t.Errorf("%s: %s found without the vocabulary too: the case tests nothing", q, id)
			}
		}
		if len(typedHolders) > 0 && len(onlyAlt) > 0 && (len(got) == 0 || !contains(typedHolders, got[0])) {
			t.Errorf("%s: top %v, want an article with the typed form %v first", q, got[:min(3, len(got))], typedHolders)
		}
		if len(onlyAlt) > 0 {
			expanded++
		}
		t.Logf("%-55s typed form in %2d, only an equivalent in %2d, found %3d (%3d without vocabulary)",
			q, len(typedHolders), len(onlyAlt), len(got), len(without))
	}
	if expanded < 20 {
		t.Errorf("only %d queries found articles through the vocabulary, want at least 20", expanded)
	}
}

// allWords reports whether the article id holds every word of q, scattered
// or not: an unquoted query finds it without any vocabulary.
func allWords(articles []Article, id, q string) bool {
	for _, a := range articles {
		if a.ID != id {
			continue
		}
		have := " " + foldedWords(a.Title+" "+a.Lead+" "+a.Body) + " "
		for _, w := range strings.Fields(foldedWords(q)) {
			if !strings.Contains(have, " "+w+" ") {
				return false
			}
		}
		return true
	}
	return false
}

// TestVocabularyOverlaps asserts that every written mix of a set's forms
// with the words around it finds every other: "Ủy ban MTTQ" writes the
// abbreviation of one set inside the full form of another.
func TestVocabularyOverlaps(t *testing.T) {
	groups := [][]string{
		{"Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái", "Ủy ban MTTQ Việt Nam tỉnh Yên Bái", "UBMTTQ Việt Nam tỉnh Yên Bái"},
		{"Ban Chấp hành Trung ương Đảng khóa XIII", "BCH Trung ương Đảng khóa XIII", "Ban Chấp hành TW Đảng khóa XIII", "BCHTW Đảng khóa XIII"},
		{"Hội Liên hiệp Phụ nữ huyện Văn Yên", "Hội LHPN huyện Văn Yên", "HLHPN huyện Văn Yên"},
	}
	var articles []Article
	for g, forms := range groups {
		for i, f := range forms {
			articles = append(articles, Article{ID: fmt.Sprintf("g%d-%d", g, i), Source: "Báo A",
				Title: "Tin địa phương", Body: "Sáng nay, " + f + " tổ chức hội nghị tổng kết công tác năm."})
		}
	}
	articles = append(articles, Article{ID: "scattered", Source: "Báo A", Title: "Tin địa phương",
		Body: "Ủy ban nhân dân tỉnh Yên Bái làm việc với Mặt trận Tổ quốc Việt Nam; Ban Chấp hành Hội Phụ nữ huyện Văn Yên, Trung ương Đảng khóa XIII."})
	ix := newTestIndex(t, articles...)
	for g, forms := range groups {
		for _, q := range forms {
			for _, typed := range []string{`"` + q + `"`, q} {
				r, err := ix.Search(context.Background(), Request{Query: typed, Size: MaxSize})
				if err != nil {
					t.Fatal(err)
				}
				got := ids(r)
				for i := range forms {
					if id := fmt.Sprintf("g%d-%d", g, i); !contains(got, id) {
						t.Errorf("%s: %s (%q) not found: %v", typed, id, forms[i], got)
					}
				}
				if strings.HasPrefix(typed, `"`) && contains(got, "scattered") {
					t.Errorf("%s: found the article with the words scattered", typed)
				}
			}
		}
	}
}
