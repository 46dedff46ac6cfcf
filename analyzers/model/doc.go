// Package model finds the model examples of Vietnamese political news:
// whether an article presents a unit, a person, a movement or a way of
// working as a model to follow (the example facet), and which named
// movements, campaigns and models it quotes (the model facet).
//
// # Names
//
// catalog.txt, embedded, lists well-known movements ("Dân vận khéo",
// "Cựu chiến binh gương mẫu", "Học tập và làm theo tư tưởng, đạo đức,
// phong cách Hồ Chí Minh") with the other ways the press writes them ("học
// tập và làm theo Bác", "5 không 3 sạch"). They are found
// diacritic-insensitively — case, tone placement ("hoà" ≡ "hòa"), NFD and
// missing diacritics do not matter, but a word written with diacritics must
// carry the right ones, and a single bare word does not stand for a marked
// one ("bao" is a word, not "bão") — with commas and dashes between words
// ignored, and are returned in their canonical form. Everyday phrases that
// are also movement names ("đền ơn đáp nghĩa") are taken only when quoted.
// A name outside the catalog is taken when it is quoted right after
// "phong trào", "phong trào thi đua" or "cuộc vận động" and starts with a
// capital: phong trào “Mỗi tuần một việc tốt”. Quotes after "mô hình",
// "danh hiệu" and "chiến dịch" are not taken: measured on the corpus they
// name clubs, awards and military operations as often as movements.
//
// # The example scorer
//
// Classify adds up cue phrases (cues.go), each weighted by where it stands:
// ×3 in the title, ×2 in the lead, ×1 in the body; a cue counts once in
// the title, once in the lead and at most twice in the body. Positive cues
// are the words newsrooms use to hold something up: "điển hình tiêu
// biểu", "gương sáng", "cách làm hay", "nhân rộng", "mô hình hiệu quả",
// "biểu dương", "tuyên dương", "kiểu mẫu". Negative cues mark the reports
// that are not examples: meetings and sessions ("quán triệt", "kỳ họp",
// "tiếp xúc cử tri", "chất vấn", "bế mạc"), laws and policy ("có hiệu lực",
// "dự thảo", "nghị định"), figures ("GDP", "giải ngân"), business,
// entertainment and sport ("kim ngạch", "ca sĩ", "cầu thủ"), disasters,
// accidents and courts ("bão", "hạn mặn", "xét xử", "khởi tố"). Phrases
// that contain a cue but mean something else count nothing: "mô hình tăng
// trưởng", "mô hình chính quyền địa phương hai cấp", "điển hình là" (for
// instance). Each named movement adds its section weight (at most three of
// them). An article is an example when it scores 6 or more with at least
// two distinct positive cues or named movements, so one stray "bí quyết"
// or "điểm sáng" is not enough. With no lead, the body's first paragraph
// stands in for it.
//
// Work is linear in the text; texts are cut at 1 MiB as in the other
// recognizers.
package model
