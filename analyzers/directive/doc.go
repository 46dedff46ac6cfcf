// Package directive recognizes party documents (chỉ thị, nghị quyết, kết
// luận, quy định, hướng dẫn, thông báo of the Central Committee and its
// bodies) and state legal documents (nghị định, quyết định, luật …) in
// Vietnamese text and gives each one canonical id.
//
// A party document's id is its symbol in official spelling, "05-CT/TW",
// "08-QĐi/TW", "144-QĐ/TW". Party numbers restart every term, so when the
// shipped catalog (catalog.json) holds several documents with one symbol
// the id gets the year: "12-NQ/TW@2012" (party building) and
// "12-NQ/TW@2022" (the police force). Find resolves such a symbol by a date
// or term named next to it ("ngày 16/3/2022", "khóa XI"), then by the
// subject that follows it ("về xây dựng lực lượng Công an …"), then by the
// article's date.
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
// are found by FindDocuments and never returned by Find. Documents of
// provincial bodies ("15-NQ/TU", "10/QĐ-UBND") are left out of both: their
// numbers are only unique within one province.
package directive
