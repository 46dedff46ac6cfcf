package search

import "unicode/utf8"

// MaxIndexedText bounds the indexed part of each text of an article (its
// title, lead and body): the first MiB of each is searchable, the rest is
// stored and shown but not indexed, so that one huge record cannot hold
// gigabytes of tokens while its batch is written.
const MaxIndexedText = 1 << 20

// IndexedText is the part of s that is indexed: all of it up to
// MaxIndexedText bytes, else its first MaxIndexedText bytes cut back to
// the start of a character.
func IndexedText(s string) string {
	if len(s) <= MaxIndexedText {
		return s
	}
	end := MaxIndexedText
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	return s[:end]
}

// Truncated reports whether part of a's text is stored but not indexed.
func Truncated(a *Article) bool {
	return len(a.Title) > MaxIndexedText || len(a.Lead) > MaxIndexedText || len(a.Body) > MaxIndexedText
}
