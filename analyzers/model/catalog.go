package model

import (
	_ "embed"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/analyzers"
	"github.com/vnsearch/vnsearch/analyzers/words"
)

//go:embed catalog.txt
var catalogFile string

// catalog is the parsed catalog: canonical names, and every name and
// variant by its folded key and as a phrase to find in text.
type catalogData struct {
	names   []string            // canonical, sorted
	byKey   map[string]string   // folded name or variant → canonical
	phrases *words.Dict[string] // name or variant → canonical
}

var catalog = parseCatalog(catalogFile)

// parseCatalog reads the catalog format (see catalog.txt): a name at the
// left margin, its variants indented under it, "~" before a name or variant
// that is taken only when quoted, "#" comments.
func parseCatalog(src string) catalogData {
	c := catalogData{byKey: make(map[string]string), phrases: words.NewDictOf[string](words.Loose)}
	var canonical string
	for _, line := range strings.Split(src, "\n") {
		name := strings.TrimSpace(line)
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		quotedOnly := strings.HasPrefix(name, "~")
		name = strings.TrimSpace(strings.TrimPrefix(name, "~"))
		if line[0] != ' ' && line[0] != '\t' {
			canonical = analyzers.NormalizeCase(name)
			c.names = append(c.names, canonical)
		}
		c.byKey[words.Key(name)] = canonical
		if !quotedOnly {
			c.phrases.Add(name, canonical)
		}
	}
	slices.Sort(c.names)
	return c
}

// Catalog returns the canonical names of the movements, campaigns and
// models the package knows, sorted.
func Catalog() []string {
	return slices.Clone(catalog.names)
}

// Canonical returns the canonical name of a movement typed by a user, in
// any case, with or without diacritics, in either tone placement: "dân vận
// khéo", "dan van kheo" → "Dân vận khéo"; "học tập và làm theo Bác" → "Học
// tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh". A name the
// catalog does not hold gives "".
func Canonical(name string) string {
	return catalog.byKey[words.Key(name)]
}

// display writes a quoted name found in a text as a value: NFC, new tone
// placement, single spaces, first letter capital, the rest as written.
func display(name string) string {
	name = strings.Join(strings.Fields(analyzers.NormalizeCase(name)), " ")
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:]
}
