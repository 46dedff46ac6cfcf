// Package synonym holds the political vocabulary: sets of equivalent forms
// (UBND = Ủy ban nhân dân, XDNTM = xây dựng nông thôn mới) that a query
// expands to, in both directions, diacritic- and case-insensitively.
//
// The vocabulary applies twice. At index time the vi_folded_vocabulary
// analyzer (Filter) files one key token per form found in the text, so a
// query expands a form into a single term. At query time Vocabulary.Find
// locates forms among the query's words and gives their equivalents, which
// quoted phrases are reworded with.
package synonym
