// Package model finds the model examples of Vietnamese political news: whether
// an article presents a unit, a person, a movement or a way of working as a
// model to follow (the example facet), and which named movements, campaigns
// and models it quotes (the model facet).
//
// # Names
//
// catalog.txt, embedded, lists well-known movements ("Dân vận khéo",
// "Cựu chiến binh gương mẫu", "Học tập và làm theo tư tưởng, đạo đức,
// phong cách Hồ Chí Minh") with the other ways the press writes them ("học
// tập và làm theo Bác"). They are found diacritic-insensitively — case,
// tone placement ("hoà" ≡ "hòa"), NFD and missing diacritics do not matter,
// but a word written with diacritics must carry the right ones — with
// commas and dashes between words ignored, and returned in their canonical
// form. A name outside the catalog is taken when it is quoted right after
// "phong trào", "phong trào thi đua", "cuộc vận động", "danh hiệu",
// "điển hình" or "chiến dịch" and starts with a capital: phong trào “Mỗi
// tuần một việc tốt”. Quotes after "mô hình" are not taken: there they name
// clubs, teams and slogans as often as movements.
//
// # The example scorer
//
// Classify adds up cue phrases (cues.go), each weighted by where it stands:
// ×3 in the title, ×2 in the lead, ×1 in the body, where one cue counts at
// most twice. Positive cues are the words newsrooms use to hold something
// up: "điển hình tiêu biểu", "gương sáng", "cách làm hay", "nhân rộng",
// "mô hình hiệu quả", "biểu dương", "kiểu mẫu", "bí quyết". Negative cues
// mark the reports that are not examples: meetings and sessions ("quán
// triệt", "kỳ họp", "tiếp xúc cử tri", "chất vấn", "bế mạc"), laws and
// policy ("có hiệu lực", "dự thảo", "nghị định"), figures ("GDP", "giải
// ngân"), disasters, accidents and courts ("bão", "hạn mặn", "xét xử",
// "khởi tố"). "mô hình" in "mô hình tăng trưởng", "mô hình chính quyền
// địa phương hai cấp", "mô hình tổ chức" counts nothing. Each named
// movement adds its section weight (at most three of them). An article
// scoring 6 or more is an example. With no lead, the body's first
// paragraph stands in for it.
//
// Work is linear in the text; texts are cut at 1 MiB as in the other
// recognizers.
package model
