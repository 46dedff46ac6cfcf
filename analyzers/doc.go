// Package analyzers is the Vietnamese text analysis of vnsearch: the
// normalization, folding and syllable tokenization that the index and the
// query side share, and the bleve analyzers built from them.
//
// # Canonical forms
//
// The same word reaches the index in several spellings. Normalize maps them
// to one form:
//
//   - Unicode: NFC. Decomposed text (NFD, sent by some sites and keyboards)
//     is composed first, so it is tokenized and matched exactly like NFC.
//   - Case: lowercase.
//   - Tone placement in open oa/oe/uy syllables: on the first vowel, "hòa",
//     "thủy", "khỏe", "ủy" (the placement the press mostly uses, and the form
//     unit names such as "Đảng ủy" are written in). The other placement
//     ("hoà", "thuỷ", "khoẻ", "uỷ") is rewritten to it. Syllables with a final
//     consonant ("hoàn", "thoát", "quyết", "khuyến") have only one correct
//     placement and are never changed, nor are syllables whose u or i belongs
//     to the onset ("quý", "già"), nor other nuclei ("hoài", "khuya").
//   - i/y: a syllable that is a consonant onset followed by a final i or y
//     (with or without a tone) is spelled with i: "kỹ" → "kĩ", "lý" → "lí",
//     "quý" → "quí", "Mỹ" → "mĩ", "hy" → "hi". After an onset the two letters
//     are the same sound and both spellings are in print; i is the form the
//     1980s spelling rules prefer and it needs no exception for "qu". A y on
//     its own ("y", "ý") or inside a longer nucleus ("tuyến", "yêu", "uy") is
//     kept. This rewrite is for matching only; NormalizeCase, used for names
//     shown to people, keeps the spelling.
//
// Fold goes further: lowercase, every diacritic removed, đ → d, with the same
// i/y rule, so Fold(Normalize(s)) == Fold(s) for every s and a query typed
// without diacritics ("dang uy") finds every spelling ("Đảng uỷ", "Đảng ủy").
package analyzers
