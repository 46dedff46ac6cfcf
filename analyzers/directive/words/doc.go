// Package words splits Vietnamese text into words for the metadata
// recognizers (party directives, state documents, units): each word carries
// its folded form (lowercase, no diacritics, đ → d, as analyzers.Fold
// writes it), its byte offsets in the original text and its case, so
// recognizers match "Chỉ thị", "chi thi", "CHỈ THỊ" and decomposed (NFD)
// input alike and still cut the original spelling out of the text.
package words
