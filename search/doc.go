// Package search is vnsearch's index: the bleve mapping, opening and
// writing the index, the query language compiled to bleve queries, ranking,
// facets, highlighted snippets and suggestions.
//
// Every text field (title, lead, body) is indexed twice: by the `vi`
// analyzer, which keeps diacritics, and by `vi_folded` (the "_folded" twin
// field), which removes them. A word typed with diacritics matches both and
// scores exactAccentBoost times higher on the exact field, so "Đảng ủy"
// ranks articles about the party committee above "đang … uy tín"; a word
// typed without diacritics matches the folded field only and so finds both.
// Consecutive words found adjacent in the text earn an extra phrase score.
// Title matches weigh 3, lead 1.5, body 1, under BM25.
//
// Both analyzers keep byte offsets into the original text, so snippets are
// cut from the stored original and the matches of either field are marked
// there.
//
// Callers (the web server, the command line) use *Index through small
// interfaces of their own; nothing outside this package sees bleve.
package search
