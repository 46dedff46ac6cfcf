// Package query parses the vnsearch query language into a small syntax
// tree, independent of any index.
//
// The language (docs/query-language.md):
//
//	words                 all must match; accents optional
//	"quoted phrase"       the words adjacent, in order (“curly” quotes too)
//	-word, -"phrase"      exclusion
//	a OR b                either (OR binds tighter than the implicit AND)
//	unit:"Thị ủy Quế Võ"  filters: unit, year (2023 or 2020..2023),
//	directive:05-CT/TW    directive, document, source, model, example (yes/no)
//
// Parsing never fails on text: stray quotes close at the end of the input,
// lone operators are dropped. It fails only on a filter it does not know or
// a filter value it cannot read, with an error that says which.
package query
