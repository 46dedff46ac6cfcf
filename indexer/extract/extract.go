package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"github.com/andybalholm/cascadia"
	"golang.org/x/text/unicode/norm"
)

// ErrNoArticle is returned for pages without an article body: listing
// pages, error pages, pages cut too short.
var ErrNoArticle = errors.New("no article body")

// MinBodyRunes is the shortest body accepted as an article.
const MinBodyRunes = 150

// Selectors are CSS selectors that override extraction for one source.
// Empty ones are ignored.
type Selectors struct {
	Title     string `yaml:"title"`
	Lead      string `yaml:"lead"`
	Body      string `yaml:"body"`
	Author    string `yaml:"author"`
	Published string `yaml:"published"`
}

// Validate checks that every selector parses.
func (s Selectors) Validate() error {
	for name, css := range map[string]string{"title": s.Title, "lead": s.Lead, "body": s.Body, "author": s.Author, "published": s.Published} {
		if css == "" {
			continue
		}
		if _, err := cascadia.ParseGroup(css); err != nil {
			return fmt.Errorf("selector %s %q: %w", name, css, err)
		}
	}
	return nil
}

// Page is what one article page yields. Text fields are NFC with white
// space collapsed; Body has one paragraph a line.
type Page struct {
	Title     string
	Lead      string
	Body      string
	Author    string
	Category  string
	Published time.Time
	// Canonical is the page's rel=canonical (or og:url), absolute; empty
	// when the page names none.
	Canonical string
	// Description is the page's own summary (JSON-LD, og: or meta
	// description), which may or may not be its lead.
	Description string
	// Blocks are the lines of the whole rendered page, the article's and
	// the template's, for template detection (package boilerplate).
	Blocks []string
}

// Extract reads the article in an HTML page fetched from pageURL.
func Extract(html string, pageURL *url.URL, sel Selectors) (*Page, error) {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(norm.NFC.String(html)))
	if err != nil {
		return nil, fmt.Errorf("parse html: %w", err)
	}
	ld, _ := jsonLD(doc)
	p := &Page{
		Title:     first(selectorText(doc, sel.Title, false), headline(doc, ld, pageURL)),
		Category:  first(ld.Section, meta(doc, "article:section")),
		Canonical: canonical(doc, pageURL),
	}
	p.Published = published(doc, sel, ld)
	author := first(selectorText(doc, sel.Author, false), ld.Author, notURL(meta(doc, "article:author", "author", "dc.creator")), clean(doc.Find(`[itemprop="author"]`).First().Text()))
	description := first(ld.Description, meta(doc, "og:description", "description"))

	p.Description = description
	p.Blocks = pageBlocks(doc)
	removeBoilerplate(doc, p.Title)
	removeTeasers(doc, pageURL)
	p.Author = first(author, byClass(doc, rxAuthorClass, 80))
	if p.Published.IsZero() {
		p.Published = bylineDate(doc, p.Title)
	}
	p.Lead = selectorText(doc, sel.Lead, false)
	if p.Lead == "" {
		p.Lead = takeLead(doc, p.Title, description)
	} else {
		takeLead(doc, p.Title, "")
	}
	body := ""
	if sel.Body != "" {
		body = selectedBody(doc, sel.Body)
	} else {
		body = readableBody(doc, pageURL)
	}
	if utf8.RuneCountInString(body) < MinBodyRunes && utf8.RuneCountInString(ld.ArticleBody) > utf8.RuneCountInString(body) {
		body = paragraphs(ld.ArticleBody)
	}
	p.Body = trimFooter(trimRepeats(body, p.Title, p.Lead))
	if utf8.RuneCountInString(p.Body) < MinBodyRunes {
		return nil, fmt.Errorf("%w (%d characters)", ErrNoArticle, utf8.RuneCountInString(p.Body))
	}
	return p, nil
}

// published reads the publication time from the selector, JSON-LD and
// metadata, in that order.
func published(doc *goquery.Document, sel Selectors, ld ldArticle) time.Time {
	candidates := []string{
		selectorText(doc, sel.Published, true),
		ld.DatePublished,
		meta(doc, "article:published_time", "datePublished", "pubdate", "publishdate", "dc.date.issued", "dc.date", "date"),
		doc.Find(`[itemprop="datePublished"]`).First().AttrOr("datetime", ""),
		doc.Find(`[itemprop="datePublished"]`).First().AttrOr("content", ""),
	}
	for _, c := range candidates {
		if t, ok := ParseTime(c); ok {
			return t
		}
	}
	return time.Time{}
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = clean(v); v != "" {
			return v
		}
	}
	return ""
}

func notURL(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}
