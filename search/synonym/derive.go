package synonym

import "strings"

// maxDerived bounds the forms derived from one written form.
const maxDerived = 16

// unsplit are two-syllable words a swapped form may not start inside:
// "Ủy ban Thường vụ Quốc hội" holds the letters of "Ban Thường vụ" but
// not the body, so "Ủy BTV Quốc hội" is no form of it.
var unsplit = map[string]bool{"uy ban": true}

// derive adds to each set the forms written by replacing, inside one of
// its forms, a form of another set with any of that set's forms: the set
// "UBMTTQ = Ủy ban Mặt trận Tổ quốc" holds "Mặt trận Tổ quốc" of the set
// "MTTQ = Mặt trận Tổ quốc", so "Ủy ban MTTQ" joins it, and "BCHTW = Ban
// Chấp hành Trung ương" gains "BCH Trung ương" and "Ban Chấp hành TW". A
// text writing any such mix then matches every form of the set, and the
// other way round. Derived forms already in a set are left where they are.
func derive(sets [][]string) [][]string {
	setOf := map[string]int{} // folded form → index of its set
	for i, set := range sets {
		for _, f := range set {
			setOf[strings.Join(Words(f), " ")] = i
		}
	}
	out := make([][]string, len(sets))
	for i, set := range sets {
		out[i] = append([]string{}, set...)
		for _, f := range set {
			for _, d := range rewrites(f, i, sets, setOf) {
				key := strings.Join(Words(d), " ")
				if _, taken := setOf[key]; taken {
					continue
				}
				setOf[key] = i
				out[i] = append(out[i], d)
			}
		}
	}
	return out
}

// rewrites returns the spellings of form (a form of set own) with each
// combination of the other sets' forms it holds swapped for their
// equivalents, the form itself left out.
func rewrites(form string, own int, sets [][]string, setOf map[string]int) []string {
	var fields, keys []string
	for _, f := range strings.Fields(form) {
		if w := Words(f); len(w) == 1 {
			fields, keys = append(fields, f), append(keys, w[0])
		}
	}
	var out []string
	var walk func(p int, written []string)
	walk = func(p int, written []string) {
		if len(out) == maxDerived {
			return
		}
		if p == len(fields) {
			if s := strings.Join(written, " "); Words(s) != nil && strings.Join(Words(s), " ") != strings.Join(keys, " ") {
				out = append(out, s)
			}
			return
		}
		walk(p+1, append(written, fields[p]))
		for n := len(fields) - p; n > 0; n-- {
			if n == len(fields) || p > 0 && unsplit[keys[p-1]+" "+keys[p]] {
				continue // the whole form is its own set's; a word is not split
			}
			si, ok := setOf[strings.Join(keys[p:p+n], " ")]
			if !ok || si == own {
				continue
			}
			for _, alt := range sets[si] {
				if strings.Join(Words(alt), " ") != strings.Join(keys[p:p+n], " ") {
					walk(p+n, append(written, alt))
				}
			}
		}
	}
	walk(0, nil)
	return out
}
