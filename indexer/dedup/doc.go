// Package dedup recognizes one article under several addresses and one story
// published by several sites.
//
// [Key] reduces a URL to the form that names an article (scheme ignored,
// host lowercased, "www." and default ports dropped, fragments and tracking
// parameters removed, the rest of the query sorted) and [ID] hashes that key
// into the article id. [Fingerprint] is a bottom-k MinHash [Sketch] over
// three-word shingles of the diacritic-folded text, so that syndicated copies
// with another credit line, folded accents or a cut sentence are still [Same].
// Copies share sketch values, so candidates are found by exact lookups.
package dedup
