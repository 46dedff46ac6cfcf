// Package directive recognizes party documents (chỉ thị, nghị quyết, kết
// luận, quy định, hướng dẫn, thông báo of the Central Committee and its
// bodies) and state legal documents (nghị định, quyết định, luật …) in
// Vietnamese text and gives each one canonical id.
//
// A party document's id is its symbol in official spelling, "05-CT/TW",
// "08-QĐi/TW", "144-QĐ/TW". Party numbers restart every term, so a symbol
// names a document only with its time, and the id carries the year when
// the symbol is shared: "12-NQ/TW@2012" (party building) and
// "12-NQ/TW@2022" (the police force). IDsIn resolves a symbol in this
// order: a date, year or term written next to it ("ngày 16/6/2022",
// "(2022)", "khóa XI") decides, catalog or not — a date no catalog
// document of that symbol fits gives the symbol and that year,
// "18-NQ/TW@2022" or "99-NQ/TW@2024"; then the subject around it against
// the catalog titles ("về xây dựng lực lượng Công an …"); then the
// article's date, when exactly one catalog document with the symbol had
// been issued by then (a document is not cited before it exists).
// Otherwise the id stays the bare symbol, "12-NQ/TW": never a guess.
// "Quy định 07-QĐ/TW" is the catalog's 07-QĐi/TW (the press mixes the two
// spellings). A filter value typed without a year ("12-NQ/TW") stands for
// every id the symbol may have been filed under.
//
// Surface forms recognized, with or without diacritics, in any case and in
// NFC or NFD: the full symbol ("Chỉ thị số 05-CT/TW", "Kết luận số 01
// -KL/TW"), a kind and a number ("Chỉ thị 05", "Kết luận số 01", "CT 05",
// "Nghị quyết số 18, 19-NQ/TW"), and a plenum ("Nghị quyết Trung ương 4
// khóa XII", "NQ TW4 (khóa XI, XII, XIII)", "Nghị quyết Hội nghị lần thứ
// tư Ban Chấp hành Trung ương khóa XII"). A kind and a bare number count
// when the text gives the number's full symbol elsewhere; when the number
// names a catalog document issued before the article, in the term named
// after it, with a compatible subject ("… về …"), in a text about the
// party or followed by a central issuer; or, outside the catalog, when a
// central issuer follows ("Chỉ thị 15 của Ban Bí thư"). "Nghị quyết số 01
// của Huyện ủy", "Chỉ thị 16" next to "16/CT-TTg" and "Chỉ thị 27" in a
// text about household registration are not party directives.
//
// State legal documents ("30/2020/NĐ-CP", "1719/QĐ-TTg", "31/2024/QH15")
// are returned by DocumentIDsIn and never by IDsIn.
//
// Local party documents — of a province's or city's committee ("/TU",
// "/ThU"), a district's ("/HU", "/QU", "/TxU"), a commune's or an
// agency's party committee ("/ĐU"), a party group ("/ĐĐ", "/BCS") — are
// directives too, but their numbers repeat in every province, so the id
// carries the issuer, canonical as package unit writes it: "Chỉ thị số
// 05-CT/TU của Ban Thường vụ Tỉnh ủy Bắc Ninh" is "05-CT/TU Tỉnh ủy Bắc
// Ninh". The issuer is the unit named after the symbol, else the only one
// of that kind named before it in its clause, else the only one of that
// kind the text names; a local number whose issuer the text does not name
// is not counted, nor a "Quyết định" (a decision on staff or property).
// State documents of provincial bodies ("10/QĐ-UBND") are left out.
package directive
