package directive

import (
	"strconv"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// symbol is a party document symbol: number, kind code and issuer.
type symbol struct {
	Number string // canonical: at least two digits, "05", "144"
	Code   string // "NQ", "CT", "KL", "QĐ", "QĐi", "HD", "TB"
	Issuer string // "TW", "BTGTW", …
}

func (s symbol) String() string { return s.Number + "-" + s.Code + "/" + s.Issuer }

// codes maps a folded kind code to its official spelling.
var codes = map[string]string{
	"nq": "NQ", "ct": "CT", "kl": "KL", "qd": "QĐ", "qdi": "QĐi", "hd": "HD", "tb": "TB",
}

// kindNames maps a kind code to the kind of document it marks.
var kindNames = map[string]string{
	"NQ": "Nghị quyết", "CT": "Chỉ thị", "KL": "Kết luận", "QĐ": "Quy định", "QĐi": "Quy định",
	"HD": "Hướng dẫn", "TB": "Thông báo",
}

// issuers maps a folded central issuer to its official spelling: the
// Central Committee and its boards. Provincial issuers (TU, HU, ĐU) are
// left out: their numbers repeat in every province.
var issuers = map[string]string{
	"tw": "TW", "btgtw": "BTGTW", "btctw": "BTCTW", "ubkttw": "UBKTTW",
	"bdvtw": "BDVTW", "btgdvtw": "BTGDVTW", "vptw": "VPTW",
}

// Longest numbers read: party documents run to 4 digits, state ones
// (1719/QĐ-TTg, a year's decisions) to 5.
const (
	partyDigits = 4
	stateDigits = 5
)

// canonNumber writes a party document number the official way.
func canonNumber(s string) (string, bool) { return paddedNumber(s, partyDigits) }

// paddedNumber writes a document number of at most digits digits the
// official way: "5" and "005" become "05", "144" stays. ok is false for
// what cannot be a number.
func paddedNumber(s string, digits int) (string, bool) {
	if s == "" || len(s) > digits {
		return "", false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n <= 0 {
		return "", false
	}
	if n < 10 {
		return "0" + strconv.Itoa(n), true
	}
	return strconv.Itoa(n), true
}

// parseSymbol parses a symbol as typed: "05-CT/TW", "5-ct/tw", "08-QĐi/TW",
// "01 -KL/TW".
func parseSymbol(s string) (symbol, bool) {
	t := words.New(s)
	if len(t.W) != 3 || strings.TrimSpace(s[:t.W[0].Start]) != "" || strings.TrimSpace(s[t.W[2].End:]) != "" {
		return symbol{}, false
	}
	sym, n := symbolAt(t, 0)
	return sym, n == 3
}

// symbolAt reads a symbol starting at word i: NUMBER - CODE / ISSUER, the
// dash sometimes left out.
// It returns the number of words read, 0 when there is no symbol.
func symbolAt(t *words.Text, i int) (symbol, int) {
	if i+2 >= len(t.W) || !t.W[i].Digits || t.Gap(i+1) != "/" {
		return symbol{}, 0
	}
	if g := t.Gap(i); g != "-" && g != "" {
		return symbol{}, 0 // "05-CT/TW", and "03 CT/TW" as some write it
	}
	num, ok := canonNumber(t.W[i].Fold)
	code, okc := codes[t.W[i+1].Fold]
	iss, oki := issuers[t.W[i+2].Fold]
	if !ok || !okc || !oki {
		return symbol{}, 0
	}
	return symbol{Number: num, Code: code, Issuer: iss}, 3
}

// termStarts lists the first day of each party term (khóa), from the
// congress that elected its Central Committee.
var termStarts = []struct {
	term  int
	start string
}{
	{14, "2026-01-23"}, {13, "2021-02-01"}, {12, "2016-01-28"}, {11, "2011-01-19"},
	{10, "2006-04-25"}, {9, "2001-04-22"}, {8, "1996-07-01"}, {7, "1991-06-27"},
}

// termOf returns the party term of a "YYYY-MM-DD" date, 0 when unknown.
func termOf(date string) int {
	for _, ts := range termStarts {
		if date >= ts.start {
			return ts.term
		}
	}
	return 0
}

// roman parses a folded Roman numeral up to 39 ("xiii" → 13).
func roman(s string) (int, bool) {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0, false
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	return n, n > 0 && n < 40
}
