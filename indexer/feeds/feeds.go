package feeds

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// Item is one URL announced by a feed, a sitemap or a listing page.
type Item struct {
	URL string
	// Published is the publication time the document announces; zero
	// when it gives none.
	Published time.Time
	// Modified is the last modification it announces (a sitemap's
	// lastmod); zero when it gives none.
	Modified time.Time
}

// Doc is a parsed feed or sitemap.
type Doc struct {
	// Items are the article URLs.
	Items []Item
	// Sitemaps are the child sitemaps of a sitemap index.
	Sitemaps []Item
}

// Parse reads an RSS, Atom or JSON feed, a sitemap or a sitemap index.
// Relative URLs are resolved against base, the document's own URL.
func Parse(body []byte, base *url.URL) (*Doc, error) {
	switch root := rootElement(body); root {
	case "urlset", "sitemapindex":
		doc, err := parseSitemap(body, base)
		if err != nil {
			return nil, fmt.Errorf("parse sitemap: %w", err)
		}
		return doc, nil
	default:
		doc, err := parseFeed(body, base)
		if err != nil {
			return nil, fmt.Errorf("parse feed: %w", err)
		}
		return doc, nil
	}
}

// rootElement returns the local name of the first XML element, or "" when
// body is not XML.
func rootElement(body []byte) string {
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		if se, ok := tok.(xml.StartElement); ok {
			return se.Name.Local
		}
	}
	return ""
}

func parseFeed(body []byte, base *url.URL) (*Doc, error) {
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	doc := &Doc{}
	for _, it := range f.Items {
		link := it.Link
		if link == "" && len(it.Links) > 0 {
			link = it.Links[0]
		}
		u, ok := resolve(base, link)
		if !ok {
			continue
		}
		item := Item{URL: u}
		if it.PublishedParsed != nil {
			item.Published = *it.PublishedParsed
		}
		if it.UpdatedParsed != nil {
			item.Modified = *it.UpdatedParsed
		}
		doc.Items = append(doc.Items, item)
	}
	return doc, nil
}

// sitemap is both shapes of sitemap XML; news:publication_date is read
// from Google News sitemaps.
type sitemap struct {
	URLs []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			PublicationDate string `xml:"publication_date"`
		} `xml:"news"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	} `xml:"sitemap"`
}

func parseSitemap(body []byte, base *url.URL) (*Doc, error) {
	var sm sitemap
	d := xml.NewDecoder(bytes.NewReader(body))
	d.CharsetReader = charset.NewReaderLabel
	if err := d.Decode(&sm); err != nil && !errors.Is(err, io.EOF) {
		return nil, err
	}
	doc := &Doc{}
	for _, u := range sm.URLs {
		if loc, ok := resolve(base, u.Loc); ok {
			doc.Items = append(doc.Items, Item{URL: loc, Published: parseW3C(u.News.PublicationDate), Modified: parseW3C(u.LastMod)})
		}
	}
	for _, s := range sm.Sitemaps {
		if loc, ok := resolve(base, s.Loc); ok {
			doc.Sitemaps = append(doc.Sitemaps, Item{URL: loc, Modified: parseW3C(s.LastMod)})
		}
	}
	return doc, nil
}

// saigon is the zone of a sitemap time written without one: Vietnamese
// sites write their local time.
var saigon = time.FixedZone("ICT", 7*3600)

// parseW3C reads the W3C datetime profile sitemaps use, and the same
// without a zone or with a space for the "T", as some CMSes write it (then
// in Vietnam's time); zero when absent or malformed.
func parseW3C(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02 15:04:05Z07:00"} {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	for _, l := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(l, s, saigon); err == nil {
			return t
		}
	}
	return time.Time{}
}

// resolve returns ref as an absolute http(s) URL without fragment.
func resolve(base *url.URL, ref string) (string, bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", false
	}
	u, err := base.Parse(ref)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	u.Fragment = ""
	return u.String(), true
}
