// Package extract turns a news article's HTML into its title, lead (sapo),
// body, author, category, canonical URL and publication time.
//
// Each field is taken from the most reliable place the page offers: a CSS
// selector configured for the source, then JSON-LD (NewsArticle and its
// kin), then article:, og: and itemprop metadata, then the visible page.
// Text taken from metadata is entity-decoded until stable and NFC. The
// title is the headline as printed, without escaping or site name; the
// lead is the sapo between headline and body, never a breadcrumb or a
// caption, and empty when unsure (its text then stays in the body); the
// publication time is read from metadata, then the byline near the
// headline, never from the article's text. A time without a zone, and the
// dates Vietnamese papers print ("Thứ Hai, 24/11/2025 09:15", "24/11/2025 -
// 09:15", "09:15 24/11/2025 (GMT+7)"), are read in Asia/Ho_Chi_Minh.
//
// The body is found by go-readability after menus, related-article boxes,
// teasers of other articles, footers, share bars, comments and ads — named
// in English or Vietnamese ("tin-lien-quan", "quang-cao", "xem-them") or
// shaped like them — and the header zone above the lead have been removed.
// Page.Blocks keeps every line of the page for the crawler's template
// detection (package boilerplate). docs/extraction.md says more.
package extract
