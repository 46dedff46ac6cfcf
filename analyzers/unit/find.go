package unit

import (
	"slices"
	"strings"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/analyzers/words"
)

// Find returns the canonical names of the units text names, distinct and
// sorted.
func Find(text string) []string {
	return FindIn(words.New(text))
}

// FindIn is Find on a text already split into words, so several
// recognizers can share one split.
func FindIn(t *words.Text) []string {
	found := (&scanner{t: t}).run()
	if len(found) == 0 {
		return nil
	}
	slices.Sort(found)
	return slices.Compact(found)
}

// Canonical writes a unit name typed by a user canonically: "Thị uỷ Quế
// Võ" → "Thị ủy Quế Võ", "UBND xã Chi Lăng" → "Ủy ban nhân dân xã Chi
// Lăng". A place typed in lower case is capitalised but its diacritics are
// not restored ("thi uy que vo" → "Thị ủy Que Vo"). A name that is not a
// unit comes back trimmed, NFC, with new tone placement and without
// invalid UTF-8.
func Canonical(name string) string {
	if found := (&scanner{t: words.New(name), query: true}).run(); len(found) > 0 {
		return found[0]
	}
	return strings.Join(strings.Fields(analyzers.NormalizeCase(strings.ToValidUTF8(name, ""))), " ")
}

// scanner walks the words of one text.
type scanner struct {
	t      *words.Text
	query  bool // a name typed by a user: places may be in lower case
	found  []string
	places []place   // every "level Name" the text writes, in order
	bare   []mention // units named without their place
}

// place is a named place of a level.
type place struct {
	level level
	name  string
	at    int // word index
}

// mention is a unit found at a word.
type mention struct {
	h     head
	level level
	place string
	at    int
}

// run finds the units, in the order the text names them.
func (s *scanner) run() []string {
	var waiting []mention // heads with no level yet, in a list: "Đảng ủy, UBND phường"
	for i := 0; i < len(s.t.W); {
		h, n := heads.Match(s.t, i)
		if n == 0 || (h.capital && !s.t.W[i].Cap && !s.query) {
			i = s.skip(i)
			continue
		}
		m, end := s.unit(h, i, i+n)
		if s.t.AtCut(end) {
			break // a name reaching the cut of a huge text may be a part of one
		}
		switch {
		case m.level == noLevel && m.h.national != "" && (m.h.name == "" || m.place == "Việt Nam"):
			if i == 0 || !titleWords[s.t.W[i-1].Fold] {
				s.found = append(s.found, m.h.national)
			}
		case m.level == noLevel && s.listContinues(end):
			waiting = append(waiting, m)
		case m.level == noLevel && m.h.bareLevel != noLevel:
			m.level = m.h.bareLevel
			s.add(m)
		case m.level != noLevel:
			for _, w := range waiting {
				if slices.Contains(w.h.levels, m.level) {
					w.level, w.place, w.at = m.level, m.place, m.at
					s.add(w)
				}
			}
			waiting = waiting[:0]
			s.add(m)
			end = s.morePlaces(m, end)
		}
		if !s.listContinues(end) {
			waiting = waiting[:0]
		}
		i = end
	}
	s.resolveBare()
	return s.found
}

// skip steps over word i when no unit starts there, recording a place
// ("xã Chi Lăng") and the province a district is given with ("huyện Can
// Lộc, Hà Tĩnh").
func (s *scanner) skip(i int) int {
	lv, name, end := s.placeAt(i, false)
	if name == "" || s.t.AtCut(end) {
		return i + 1
	}
	s.places = append(s.places, place{level: lv, name: name, at: i})
	if lv == huyen || lv == thiXa || lv == quan || lv == thanhPho {
		if s.t.Gap(end-1) == "," && end < len(s.t.W) && !s.startsUnitOrLevel(end) {
			if prov, e := s.casedName(end, false); provinces[words.Key(prov)] && !s.t.AtCut(e) {
				s.places = append(s.places, place{level: provinceLevel(prov), name: prov, at: end})
				return e
			}
		}
	}
	return end
}

// provinceLevel is the level of a province-level place named alone.
func provinceLevel(name string) level {
	if centralCities[words.Key(name)] {
		return thanhPho
	}
	return tinh
}

func (s *scanner) startsUnitOrLevel(k int) bool {
	_, n := heads.Match(s.t, k)
	_, m := levelWords.Match(s.t, k)
	return n > 0 || m > 0
}

// listContinues reports whether another unit follows word end-1 in a
// list: "Đảng ủy, UBND phường", "HĐND và UBND tỉnh".
func (s *scanner) listContinues(end int) bool {
	if end >= len(s.t.W) {
		return false
	}
	g, next := s.t.Gap(end-1), end
	if g == "" && s.t.Is(next, "va") {
		next++
	} else if g != "," && g != "-" && g != "/" {
		return false
	}
	_, n := heads.Match(s.t, next)
	return n > 0
}

// morePlaces reads the further places of a unit named in the plural:
// "Các huyện ủy Can Lộc, Đức Thọ".
func (s *scanner) morePlaces(m mention, end int) int {
	if m.place == "" || !s.t.Is(m.at-1, "cac", "hai", "ba") {
		return end
	}
	for end < len(s.t.W) {
		next := end
		if g := s.t.Gap(end - 1); g == "" && s.t.Is(next, "va") {
			next++
		} else if g != "," {
			return end
		}
		name, e := s.casedName(next, false)
		if name == "" || s.startsUnitOrLevel(next) || s.t.AtCut(e) {
			return end
		}
		m.place, m.at = name, next
		s.add(m)
		end = e
	}
	return end
}

// add records a unit with a level: with its place, or for later
// resolution when the place is missing.
func (s *scanner) add(m mention) {
	if m.place == "" {
		s.bare = append(s.bare, m)
		return
	}
	s.places = append(s.places, place{level: m.level, name: m.place, at: m.at})
	s.found = append(s.found, canonical(m))
}

// unit reads what follows a head at words i..j-1: "Việt Nam", a level and
// a place. It returns the mention and the index after it.
func (s *scanner) unit(h head, i, j int) (mention, int) {
	m := mention{h: h, at: i}
	titled := s.titled(i)
	if h.own != noLevel {
		m.level = h.own
		name, end := s.placeName(j, h.own, titled)
		m.place = name
		return m, end
	}
	if len(h.levels) == 0 {
		return m, j
	}
	if _, n := vietNam.Match(s.t, j); n > 0 && s.t.Gap(j-1) == "" {
		j += n
		m.place = "Việt Nam"
	}
	lv, name, end := s.placeAt(j, titled)
	if lv == noLevel || !slices.Contains(h.levels, lv) || s.t.Gap(j-1) != "" {
		return m, j
	}
	m.level, m.place = lv, name
	return m, end
}

// titled reports whether a person's title comes just before word i.
func (s *scanner) titled(i int) bool {
	for k := max(i-3, 0); k < i; k++ {
		if titles[s.t.W[k].Fold] {
			return true
		}
	}
	return false
}

// resolveBare gives each unit named without its place the place of its
// level named nearest before it, else the first after it; a bare "Thành
// ủy" prefers a centrally-run city. Village units ("chi bộ khu phố") are
// too many to resolve and are left out.
func (s *scanner) resolveBare() {
	for _, m := range s.bare {
		if slices.Contains(villageLevels, m.level) {
			continue
		}
		if m.place = s.nearestPlace(m, m.h.name == "Thành ủy"); m.place == "" {
			m.place = s.nearestPlace(m, false)
		}
		if m.place == "" && m.h.bareLevel == tinh {
			m.level = thanhPho // a department of a centrally-run city
			m.place = s.nearestPlace(m, true)
		}
		if m.place != "" {
			s.found = append(s.found, canonical(m))
		}
	}
}

func (s *scanner) nearestPlace(m mention, central bool) string {
	var before, after string
	for _, p := range s.places {
		if p.level != m.level || (central && !centralCities[words.Key(p.name)]) {
			continue
		}
		if p.at < m.at {
			before = p.name
		} else if after == "" {
			after = p.name
		}
	}
	if before != "" {
		return before
	}
	return after
}

// canonical writes a unit with its place: "Tỉnh ủy Bắc Ninh", "Ủy ban nhân
// dân xã Chi Lăng", "Đảng ủy phường Phố Mới".
func canonical(m mention) string {
	name := m.h.name
	if m.h.byLevel {
		name = committees[m.level]
	}
	switch {
	case m.place == hcm:
		return name + " " + hcm
	case strings.HasSuffix(name, "ủy") && name != "Đảng ủy" && name != "Đảng ủy Công an":
		return name + " " + m.place
	}
	return name + " " + levelNames[m.level] + " " + m.place
}

// Key returns a key for matching a typed unit name against canonical
// names without diacritics: Key("thi uy que vo") == Key("Thị ủy Quế Võ")
// == "thi uy que vo". Index it beside the canonical name to let a unit
// filter typed without diacritics match.
func Key(name string) string {
	return analyzers.Fold(Canonical(name))
}
