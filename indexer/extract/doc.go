// Package extract turns a news article's HTML into its title, lead (sapo),
// body, author, category, canonical URL and publication time.
//
// Each field is taken from the most reliable place the page offers: a CSS
// selector configured for the source, then JSON-LD (NewsArticle and its
// kin), then article:, og: and itemprop metadata, then the visible page. A
// publication time without a zone, and the dates Vietnamese papers print
// ("Thứ Hai, 24/11/2025 09:15", "24/11/2025 - 09:15", "09:15 24/11/2025
// (GMT+7)"), are read in Asia/Ho_Chi_Minh.
//
// The body is found by go-readability after menus, related-article boxes,
// footers, share bars, comments and ads — named in English or Vietnamese
// ("tin-lien-quan", "quang-cao", "xem-them") — have been removed.
package extract
