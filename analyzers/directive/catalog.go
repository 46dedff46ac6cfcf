package directive

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// Doc is one party document of the catalog.
type Doc struct {
	ID     string `json:"id"`     // canonical id: "05-CT/TW", "12-NQ/TW@2012"
	Kind   string `json:"kind"`   // "Chỉ thị", "Nghị quyết", "Kết luận", "Quy định", "Hướng dẫn", "Thông báo"
	Number string `json:"number"` // the symbol: "05-CT/TW"
	Issuer string `json:"issuer"` // "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương"
	Date   string `json:"date"`   // "YYYY-MM-DD"
	Title  string `json:"title"`  // "Về đẩy mạnh học tập và làm theo …"
}

// maxLabelTitle bounds the title part of a label, in runes.
const maxLabelTitle = 90

// Label returns a short human label: "Chỉ thị 05-CT/TW (2016) — Đẩy mạnh
// học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh".
func (d Doc) Label() string {
	l := d.Kind + " " + d.Number
	if len(d.Date) >= 4 {
		l += " (" + d.Date[:4] + ")"
	}
	if t := shortTitle(d.Title); t != "" {
		l += " — " + t
	}
	return l
}

// shortTitle drops a leading "Về" and cuts a long title at a word.
func shortTitle(t string) string {
	if rest, ok := strings.CutPrefix(t, "Về "); ok {
		r, size := utf8.DecodeRuneInString(rest)
		t = strings.ToUpper(string(r)) + rest[size:]
	}
	if utf8.RuneCountInString(t) <= maxLabelTitle {
		return t
	}
	cut := 0
	for i := range t {
		if utf8.RuneCountInString(t[:i]) > maxLabelTitle {
			break
		}
		if t[i] == ' ' {
			cut = i
		}
	}
	return strings.TrimRight(t[:cut], ",;") + " …"
}

//go:embed catalog.json
var catalogJSON []byte

// catalog is the parsed catalog with its indexes.
type catalogIndex struct {
	docs     []Doc
	byID     map[string]Doc
	bySymbol map[string][]Doc // symbol → documents, oldest first
}

var cat = mustLoad(catalogJSON)

func mustLoad(data []byte) *catalogIndex {
	c, err := load(data)
	if err != nil {
		panic(err)
	}
	return c
}

func load(data []byte) (*catalogIndex, error) {
	var docs []Doc
	if err := json.Unmarshal(data, &docs); err != nil {
		return nil, fmt.Errorf("parse directive catalog: %w", err)
	}
	c := &catalogIndex{docs: docs, byID: make(map[string]Doc), bySymbol: make(map[string][]Doc)}
	for _, d := range docs {
		if _, dup := c.byID[d.ID]; dup {
			return nil, fmt.Errorf("directive catalog: duplicate id %q", d.ID)
		}
		s, ok := parseSymbol(d.Number)
		if !ok || s.String() != d.Number {
			return nil, fmt.Errorf("directive catalog: %q: number %q is not a canonical symbol", d.ID, d.Number)
		}
		c.byID[d.ID] = d
		c.bySymbol[d.Number] = append(c.bySymbol[d.Number], d)
	}
	for sym, ds := range c.bySymbol {
		slices.SortFunc(ds, func(a, b Doc) int { return strings.Compare(a.Date, b.Date) })
		for _, d := range ds {
			want := sym
			if len(ds) > 1 {
				want = sym + "@" + d.Date[:4]
			}
			if d.ID != want {
				return nil, fmt.Errorf("directive catalog: id %q should be %q", d.ID, want)
			}
		}
	}
	return c, nil
}

// Catalog returns the shipped catalog of well-known central documents.
func Catalog() []Doc { return slices.Clone(cat.docs) }

// Lookup returns the catalog document with id.
func Lookup(id string) (Doc, bool) {
	d, ok := cat.byID[id]
	return d, ok
}

// Label returns the catalog label of id, or for a document outside the
// catalog a label built from the id: "Nghị quyết 99-NQ/TW",
// "Nghị quyết 11-NQ/TW (2022)".
func Label(id string) string {
	if d, ok := cat.byID[id]; ok {
		return d.Label()
	}
	if local, ok := parseLocalID(id); ok {
		sym, _, _ := strings.Cut(local, " ")
		s, _ := localSymbol(sym)
		return kindNames[s.Code] + " " + local
	}
	sym, year, _ := strings.Cut(id, "@")
	s, ok := parseSymbol(sym)
	if !ok {
		return id
	}
	l := kindNames[s.Code] + " " + s.String()
	if year != "" {
		l += " (" + year + ")"
	}
	return l
}
