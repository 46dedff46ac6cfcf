// Package search is vnsearch's index: the bleve mapping, opening and
// writing the index, the query language compiled to bleve queries, ranking,
// facets, highlighted snippets and suggestions.
//
// Title, lead and body are indexed together in the text field, twice: by
// the `vi` analyzer, which keeps diacritics, and by `vi_folded` (the
// "_folded" twin field), which removes them; the title is indexed once more
// alone. A word typed with diacritics matches both twins and scores
// exactAccentBoost times higher on the exact one, so "Đảng ủy" ranks
// articles about the party committee above "đang … uy tín"; a word typed
// without diacritics matches the folded twin only and so finds both.
// Consecutive query words found adjacent earn adjacencyBoost, so the
// article holding a quote outranks articles holding its words scattered,
// and words found in the title earn titleBoost. Scoring is BM25, with
// average field lengths measured on a sample (see bm25Context).
//
// Both analyzers keep byte offsets into the original text, so snippets are
// cut from the stored original and the matches of either field are marked
// there.
//
// Callers (the web server, the command line) use *Index through small
// interfaces of their own; nothing outside this package sees bleve.
package search
