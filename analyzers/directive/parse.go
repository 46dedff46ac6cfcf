package directive

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// ParseID reads a filter value typed by a user — "05-CT/TW", "05-ct/tw",
// "CT 05", "chi thi 05", "12-NQ/TW@2022", "Nghị quyết Trung ương 4 khóa
// XII" — and returns the canonical ids it means: every catalog document
// with the symbol when the value does not say which year ("12-NQ/TW" →
// 12-NQ/TW@2012, @2017, @2022). ok is false when the value names no party
// document.
func ParseID(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
	if id, ok := parseLocalID(s); ok {
		return []string{id}, true
	}
	sym, year, hasYear := strings.Cut(s, "@")
	if sy, ok := parseSymbol(sym); ok {
		return symbolIDs(sy, strings.TrimSpace(year), hasYear)
	}
	ids := distinctIDs(newScanner(words.New(s), time.Time{}, true).scan())
	return ids, len(ids) > 0
}

// symbolIDs returns the ids of a symbol typed in full, with an optional
// "@YEAR".
func symbolIDs(sy symbol, year string, hasYear bool) ([]string, bool) {
	key := sy.String()
	docs := cat.bySymbol[key]
	if hasYear {
		if y, err := strconv.Atoi(year); err != nil || y < 1930 || y > 2100 {
			return nil, false
		}
		if len(docs) == 1 && docs[0].Date[:4] == year {
			return []string{docs[0].ID}, true
		}
		return []string{key + "@" + year}, true
	}
	return symbolAllIDs(key), true
}

// Years a typed symbol without a year may stand for.
const (
	firstYear  = 1991
	yearsAhead = 1
)

// symbolAllIDs returns every id a symbol typed without a year may have
// been filed under: its catalog documents, the symbol alone (a mention
// nothing dated) and the symbol with each year (a dated mention of a
// document the catalog lacks).
func symbolAllIDs(key string) []string {
	var ids []string
	for _, d := range cat.bySymbol[key] {
		ids = append(ids, d.ID)
	}
	if len(ids) != 1 || ids[0] != key {
		ids = append(ids, key)
	}
	for y := firstYear; y <= time.Now().Year()+yearsAhead; y++ {
		if id := key + "@" + strconv.Itoa(y); !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	return ids
}
