package directive

import (
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/unit"
	"github.com/vnsearch/vnsearch/analyzers/words"
)

// localIssuers maps the folded issuer of a provincial, district or
// commune party document to its spelling and to the units that issue it:
// "05-CT/TU" is a Tỉnh ủy's (or a centrally-run city's Thành ủy's).
var localIssuers = map[string]localIssuer{
	"tu":   {code: "TU", units: []string{"Tỉnh ủy ", "Thành ủy "}},
	"thu":  {code: "ThU", units: []string{"Thành ủy "}},
	"hu":   {code: "HU", units: []string{"Huyện ủy "}},
	"qu":   {code: "QU", units: []string{"Quận ủy "}},
	"txu":  {code: "TxU", units: []string{"Thị ủy "}},
	"du":   {code: "ĐU", units: []string{"Đảng ủy "}},
	"dd":   {code: "ĐĐ", body: "Đảng đoàn"},
	"bcs":  {code: "BCS", body: "Ban cán sự đảng"},
	"bcsd": {code: "BCSĐ", body: "Ban cán sự đảng"},
}

// localIssuer is a kind of local party body that issues documents.
type localIssuer struct {
	code  string   // "TU", "HU", "ĐU", …
	units []string // a party committee: the unit names it has, "Tỉnh ủy "
	body  string   // a party group inside a state body or organisation: "Ban cán sự đảng"
}

// localWords is how far after a local symbol its issuer is looked for.
const localWords = 16

// localSymbolAt reads a local party symbol at word i: "05-CT/TU",
// "1108-NQ/ĐU". n is 0 when there is none.
func localSymbolAt(t *words.Text, i int) (symbol, localIssuer, int) {
	if i+2 >= len(t.W) || !t.W[i].Digits || t.Gap(i+1) != "/" {
		return symbol{}, localIssuer{}, 0
	}
	if g := t.Gap(i); g != "-" && g != "" {
		return symbol{}, localIssuer{}, 0
	}
	num, ok := canonNumber(t.W[i].Fold)
	code, okc := codes[t.W[i+1].Fold]
	iss, oki := localIssuers[t.W[i+2].Fold]
	if !ok || !okc || !oki || code == "QĐi" {
		return symbol{}, localIssuer{}, 0
	}
	return symbol{Number: num, Code: code, Issuer: iss.code}, iss, 3
}

// local returns the id of a local document mentioned at words i..j-1:
// its symbol and the unit that issued it, "05-CT/TU Tỉnh ủy Bắc Ninh".
// The issuer is the unit named after the symbol ("của Ban Thường vụ Tỉnh
// ủy Bắc Ninh"), else the only one of that kind named before it in its
// clause ("Tỉnh ủy Bắc Ninh ban hành Chỉ thị 05-CT/TU"), else the only
// one of that kind the text names. A
// number whose issuer the text does not name is not counted: "05-CT/TU"
// is a document of every province. A "Quyết định" (a decision on staff or
// property) is no directive.
func (s *scanner) local(sym symbol, iss localIssuer, i, j int) []string {
	if k := i - 1; s.t.Is(k, "so") && s.t.Gap(k) == "" && s.t.Is(k-2, "quyet") && s.t.Is(k-1, "dinh") ||
		s.t.Is(k-1, "quyet") && s.t.Is(k, "dinh") {
		return nil
	}
	name := s.localIssuerAfter(iss, j)
	if k := s.clauseStart(i); name == "" && iss.body == "" && k < i {
		name = only1(matching(unit.Find(s.t.Orig(k, i)), iss))
	}
	if name == "" && iss.body == "" {
		name = only1(matching(s.textUnits(), iss))
	}
	if name == "" {
		return nil
	}
	return []string{sym.String() + " " + name}
}

// localIssuerAfter reads the issuer named in the clause after a local
// symbol ending before word j, before its subject ("về …").
func (s *scanner) localIssuerAfter(iss localIssuer, j int) string {
	if s.clauseBreak(j) {
		return ""
	}
	end := j
	for end < len(s.t.W) && end < j+localWords {
		if end > j && (s.clauseBreak(end) || s.mentionAt(end) || s.t.Is(end, "ve")) {
			break
		}
		end++
	}
	if end == j {
		return ""
	}
	clause := s.t.Orig(j, end)
	if iss.body == "" {
		return only1(matching(unit.Find(clause), iss))
	}
	if !strings.Contains(words.Key(clause), words.Key(iss.body)) {
		return ""
	}
	if u := only1(unit.Find(clause)); u != "" {
		return iss.body + " " + u
	}
	return ""
}

// clauseStart returns the first word of the clause holding word i, at
// most localWords before it.
func (s *scanner) clauseStart(i int) int {
	k := i
	for k > 0 && k > i-localWords && !s.clauseBreak(k) {
		k--
	}
	return k
}

// textUnits returns the units the whole text names; computed once.
func (s *scanner) textUnits() []string {
	if s.units == nil {
		s.units = unit.FindIn(s.t)
		if s.units == nil {
			s.units = []string{}
		}
	}
	return s.units
}

// matching returns the units of names that issue the documents of iss.
func matching(names []string, iss localIssuer) []string {
	var out []string
	for _, n := range names {
		for _, prefix := range iss.units {
			if strings.HasPrefix(n, prefix) {
				out = append(out, n)
			}
		}
	}
	return out
}

// only1 returns the single name of names, "" when there are none or
// several.
func only1(names []string) string {
	if len(names) != 1 {
		return ""
	}
	return names[0]
}

// parseLocalID reads a local id as typed: a local symbol, then the unit
// that issued it, "05-CT/TU Tỉnh ủy Bắc Ninh", "05-ct/tu tỉnh ủy Bắc
// Ninh".
func parseLocalID(s string) (string, bool) {
	t := words.New(s)
	sym, iss, n := localSymbolAt(t, 0)
	if n == 0 || strings.TrimSpace(s[:t.W[0].Start]) != "" || len(t.W) == n {
		return "", false
	}
	name := strings.TrimSpace(s[t.W[n-1].End:])
	if iss.body != "" {
		body := strings.Fields(iss.body)
		if len(t.W) <= n+len(body) || words.Key(t.Orig(n, n+len(body))) != words.Key(iss.body) {
			return "", false
		}
		name = iss.body + " " + unit.Canonical(t.S[t.W[n+len(body)].Start:])
	} else {
		name = unit.Canonical(name)
		if len(matching([]string{name}, iss)) == 0 {
			return "", false
		}
	}
	return sym.String() + " " + name, true
}

// localSymbol parses a local symbol alone: "05-CT/TU".
func localSymbol(s string) (symbol, bool) {
	sym, _, n := localSymbolAt(words.New(s), 0)
	return sym, n == 3
}
