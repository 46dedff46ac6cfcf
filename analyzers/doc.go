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
//     are the same sound and both spellings are in print; i is the form
//     school textbooks use and it needs no exception for "qu". A y on
//     its own ("y", "ý") or inside a longer nucleus ("tuyến", "yêu", "uy") is
//     kept. This rewrite is for matching only; NormalizeCase, used for names
//     shown to people, keeps the spelling.
//
// Fold goes further: lowercase, every diacritic removed, đ → d, with the same
// i/y rule, so Fold(Normalize(s)) == Fold(s) for every s and a query typed
// without diacritics ("dang uy") finds every spelling ("Đảng uỷ", "Đảng ủy").
//
// # Tokens
//
// The tokenizer (registered as "vi_syllable") emits syllables: runs of
// letters, combining marks and digits. Vietnamese is isolating, so there are
// no stop words and no stemming; phrase queries do the work of word
// segmentation. Document numbers — runs joined by '-' or '/' where one run
// holds a digit, "05-CT/TW", "08-QĐi/TW", "30/2020/NĐ-CP", "1719/QĐ-TTg" —
// are emitted as their parts and whole, the whole right after its first part
// and at the same position (so the first token at each position is always a
// syllable), so "Chỉ thị 05-CT/TW", "05-CT/TW", "CT/TW" and "chỉ thị 05"
// are all phrases of the text; tokens that share a position are alternatives,
// as bleve's match-phrase query treats them. Ranges and dates ("2020-2025",
// "25/11/2026") follow the same rule. Digit groups joined by '.' or ','
// ("3,5", "0,79", "1.000.000") are one number token, so "5 tỷ" does not match
// inside "3,5 tỷ".
//
// Case and spelling are changed by the token filters ("vi_normalize",
// "vi_fold"), never by a char filter: every token's Start and End are byte
// offsets in the original text, so highlights land on what was written.
//
// # Analyzers
//
// Importing the package registers in bleve's registry the tokenizer, the two
// filters and two analyzers: Name ("vi": vi_syllable + vi_normalize) and
// FoldedName ("vi_folded": vi_syllable + vi_fold). Analyze and AnalyzeFolded
// return exactly what they emit, for the query side.
package analyzers
