// Package feeds reads the documents that announce article URLs: RSS and
// Atom feeds (through gofeed), XML sitemaps, Google News sitemaps and
// sitemap indexes (monthly sitemaps used for backfill), and the links of
// listing pages.
package feeds
