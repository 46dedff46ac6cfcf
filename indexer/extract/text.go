package extract

import (
	"html"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// maxUnescape bounds the rounds of entity decoding: a site that escapes
// twice ("&amp;#7871;") needs two, three covers the worst seen, and the
// bound keeps hostile input ("&amp;amp;amp;…") from looping long.
const maxUnescape = 4

// metaText decodes a text taken from metadata (JSON-LD, <meta> content,
// itemprop): character references are decoded until the text no longer
// changes, then it is put in NFC with white space collapsed.
func metaText(s string) string {
	for range maxUnescape {
		if !strings.Contains(s, "&") {
			break
		}
		u := html.UnescapeString(s)
		if u == s {
			break
		}
		s = u
	}
	return clean(norm.NFC.String(s))
}

// clean collapses white space, no-break spaces and zero-width characters
// included; NFC text stays NFC.
func clean(s string) string {
	if strings.ContainsAny(s, "\u00a0\u200b\u200c\u200d\ufeff") {
		// Dropping a zero-width character may join a letter to its mark.
		s = norm.NFC.String(strings.NewReplacer("\u00a0", " ", "\u200b", "", "\u200c", "", "\u200d", "", "\ufeff", "").Replace(s))
	}
	return strings.Join(strings.Fields(s), " ")
}
