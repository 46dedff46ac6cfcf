package directive

import (
	"strconv"
	"strings"
	"time"

	"github.com/vnsearch/vnsearch/analyzers/directive/words"
)

// ParseID reads a filter value typed by a user — "05-CT/TW", "05-ct/tw",
// "CT 05", "chi thi 05", "12-NQ/TW@2022", "Nghị quyết Trung ương 4 khóa
// XII" — and returns the canonical ids it means: every catalog document
// with the symbol when the value does not say which year ("12-NQ/TW" →
// 12-NQ/TW@2012, @2017, @2022). ok is false when the value names no party
// document.
func ParseID(s string) ([]string, bool) {
	s = strings.TrimSpace(s)
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
	if len(docs) == 0 {
		return []string{key}, true
	}
	ids := make([]string, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	return ids, true
}
