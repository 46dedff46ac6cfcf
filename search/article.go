package search

import "time"

// Article is one news article: one record of the import format and one
// document of the index. The metadata fields (Year, Units, Directives,
// Documents, Example, Models) are filled by the metadata recognizers before
// indexing.
type Article struct {
	ID         string    `json:"id"`
	URL        string    `json:"url,omitempty"`
	Source     string    `json:"source,omitempty"`
	Title      string    `json:"title"`
	Lead       string    `json:"lead,omitempty"`
	Body       string    `json:"body"`
	Author     string    `json:"author,omitempty"`
	Published  time.Time `json:"published,omitzero"`
	Crawled    time.Time `json:"crawled,omitzero"`
	Category   string    `json:"category,omitempty"`
	Year       int       `json:"year,omitempty"`
	Units      []string  `json:"units,omitempty"`
	Directives []string  `json:"directives,omitempty"`
	Documents  []string  `json:"documents,omitempty"`
	Example    bool      `json:"example"`
	Models     []string  `json:"models,omitempty"`
	// Group names the syndication group: copies of one story published by
	// several sites share it. Empty when the article stands alone.
	Group string `json:"group,omitempty"`
}
