// Package synonym holds the political vocabulary: sets of equivalent forms
// (UBND = Ủy ban nhân dân, XDNTM = xây dựng nông thôn mới) that a query
// expands to, in both directions, diacritic- and case-insensitively.
//
// The vocabulary applies twice. At index time the vi_folded_vocabulary
// analyzer (Filter) files one key token per form found in the text, so a
// query expands a form into a single term. At query time Vocabulary.Find
// locates forms among the query's words and gives their equivalents, which
// quoted phrases are reworded with.
//
// A set also holds the mixed forms written by swapping, inside one of its
// forms, a form of another set: "Ủy ban Mặt trận Tổ quốc" holds "Mặt trận
// Tổ quốc", so "Ủy ban MTTQ" is a form of the UBMTTQ set and a quoted
// "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Yên Bái" finds an article writing
// "Ủy ban MTTQ Việt Nam tỉnh Yên Bái", and the other way round. An index
// built before a vocabulary change lacks the keys of the new forms:
// rebuild it.
package synonym
