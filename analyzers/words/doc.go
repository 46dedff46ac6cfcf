// Package words splits Vietnamese text into words for the metadata
// recognizers (party directives and state documents, units, model examples
// and movements): each word carries its folded form (lowercase, no
// diacritics, đ → d, as analyzers.Fold writes it), its byte offsets in the
// original text and its case, so recognizers match "Chỉ thị", "chi thi",
// "CHỈ THỊ" and decomposed (NFD) input alike and still cut the original
// spelling out of the text. [Dict] is the one phrase dictionary the three
// recognizers find their phrases with.
package words
