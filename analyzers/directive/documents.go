package directive

import (
	"regexp"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers/words"
)

// stateDoc is a state legal document number found in a text.
type stateDoc struct {
	id     string // official spelling: "30/2020/NĐ-CP"
	code   string // its kind code: "NĐ", "QĐ", "CT", "QH"
	number string // canonical number: "30"
}

// stateKinds maps a folded kind code of a state document to its spelling.
var stateKinds = map[string]string{
	"nd": "NĐ", "qd": "QĐ", "ct": "CT", "nq": "NQ", "tt": "TT", "ttlt": "TTLT", "nqlt": "NQLT",
	"cd": "CĐ", "tb": "TB", "kh": "KH", "hd": "HD", "l": "L",
}

// stateIssuers maps a folded central state issuer to its spelling. Local
// issuers (UBND, HĐND, departments) are left out: their numbers repeat in
// every province.
var stateIssuers = map[string]string{
	"cp": "CP", "ttg": "TTg", "ctn": "CTN", "vpcp": "VPCP", "nhnn": "NHNN", "tandtc": "TANDTC",
	"vksndtc": "VKSNDTC", "ktnn": "KTNN", "hdtp": "HĐTP", "ubdt": "UBDT",
	"bca": "BCA", "bqp": "BQP", "btc": "BTC", "byt": "BYT", "bgddt": "BGDĐT", "bnv": "BNV",
	"btp": "BTP", "bng": "BNG", "bct": "BCT", "bxd": "BXD", "bgtvt": "BGTVT", "bnnptnt": "BNNPTNT",
	"btnmt": "BTNMT", "bldtbxh": "BLĐTBXH", "bvhttdl": "BVHTTDL", "btttt": "BTTTT", "bkhcn": "BKHCN",
	"bkhdt": "BKHĐT", "bnnmt": "BNNMT", "bdttg": "BDTTG",
}

// legislature matches the symbols of the National Assembly and its
// Standing Committee: "qh15", "ubtvqh14".
var legislature = regexp.MustCompile(`^(qh|ubtvqh)(\d{2})$`)

// findDocumentsIn returns the state legal documents mentioned in t:
// "30/2020/NĐ-CP", "1719/QĐ-TTg", "31/2024/QH15".
func findDocumentsIn(t *words.Text) []mention {
	var out []mention
	for i := 0; i < len(t.W); i++ {
		if d, n := stateDocAt(t, i); n > 0 {
			out = append(out, mention{ID: d.id, Start: t.W[i].Start, End: t.W[i+n-1].End})
			i += n - 1
		}
	}
	return out
}

// DocumentIDsIn returns the distinct state legal documents mentioned in t,
// a text already split into words, sorted.
func DocumentIDsIn(t *words.Text) []string {
	return distinctIDs(findDocumentsIn(t))
}

// stateDocAt reads NUMBER/[YEAR/]KIND-ISSUER[-ISSUER…] or
// NUMBER/YEAR/QH15 at word i.
func stateDocAt(t *words.Text, i int) (stateDoc, int) {
	if i+2 >= len(t.W) || !t.W[i].Digits || t.Gap(i) != "/" || (i > 0 && t.Gap(i-1) == "/") {
		return stateDoc{}, 0
	}
	num, ok := paddedNumber(t.W[i].Fold, stateDigits)
	if !ok {
		return stateDoc{}, 0
	}
	p, prefix := i+1, num+"/"
	if w := t.W[p]; w.Digits && len(w.Fold) == 4 && t.Gap(p) == "/" {
		prefix += w.Fold + "/"
		p++
	}
	if m := legislature.FindStringSubmatch(t.W[p].Fold); m != nil && p > i+1 {
		return stateDoc{id: prefix + strings.ToUpper(m[1]) + m[2], code: "QH", number: num}, p - i + 1
	}
	code, ok := stateKinds[t.W[p].Fold]
	if !ok || t.Gap(p) != "-" {
		return stateDoc{}, 0
	}
	iss, end := issuerChain(t, p+1)
	if end == p+1 {
		return stateDoc{}, 0
	}
	return stateDoc{id: prefix + code + "-" + iss, code: code, number: num}, end - i
}

// issuerChain reads "CP", "TTg", "BTC-BNV", "UBTVQH15" from word p; end is
// the index after the last issuer read.
func issuerChain(t *words.Text, p int) (string, int) {
	var parts []string
	end := p
	for q := p; q < len(t.W); q++ {
		f := t.W[q].Fold
		if m := legislature.FindStringSubmatch(f); m != nil {
			parts = append(parts, strings.ToUpper(m[1])+m[2])
		} else if iss, ok := stateIssuers[f]; ok {
			parts = append(parts, iss)
		} else {
			break
		}
		end = q + 1
		if t.Gap(q) != "-" {
			break
		}
	}
	return strings.Join(parts, "-"), end
}
