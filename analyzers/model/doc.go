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
// "phong trào", "phong trào thi đua" or "cuộc vận động" (up to two words
// between) and starts with a capital: phong trào “Mỗi tuần một việc tốt”;
// a list of quotes after one trigger gives each name (mô hình “Tổ tàu an
// toàn”, “Camera an ninh xóm biển”). Quotes after "mô hình" and
// "chương trình" are taken only when the article presents a model: on the
// corpus they name business models, software and shows as often as
// movements elsewhere. "danh hiệu" and "chiến dịch" are not triggers:
// they quote awards and military operations. An article gives at most
// maxNames names, the first it names: a page of quotes stays a handful of
// facet values.
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
// instance). A positive cue right after "phải" is an exhortation ("tuổi
// trẻ phải đi đầu") and counts nothing. Each named movement adds its
// section weight (at most three of them). An article is an example when it
// scores 6 or more with at least two distinct positive cues or named
// movements, and its title or lead holds a positive cue or a named
// movement — or, failing that, its body holds four distinct positive cues
// at two points or more per 1000 bytes: a speech or a ceremony report
// passes by "tấm gương" and "tuyên dương" in a long text, a portrait is
// full of them. So one stray "bí quyết" or "điểm sáng" is not enough.
// Besides the words of praise, cues include the signs of a model others
// follow ("đến học tập kinh nghiệm", "được hưởng ứng rộng rãi", "hình
// mẫu") and of a portrait ("được dân tin yêu", "miệt mài", "thầm lặng").
// With no lead, the body's first paragraph stands in for it.
//
// Work is linear in the text; texts are cut at 1 MiB as in the other
// recognizers.
package model
