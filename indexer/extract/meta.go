package extract

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// meta returns the content of the first <meta> whose property, name or
// itemprop is one of keys, in the order of keys.
func meta(doc *goquery.Document, keys ...string) string {
	for _, k := range keys {
		for _, attr := range []string{"property", "name", "itemprop"} {
			sel := doc.Find("meta[" + attr + "=\"" + k + "\"]")
			if v := metaText(sel.First().AttrOr("content", "")); v != "" {
				return v
			}
		}
	}
	return ""
}

// selectorText returns the text of the first element matching css, or its
// datetime or content attribute when it has one and wantAttr is set.
func selectorText(doc *goquery.Document, css string, wantAttr bool) string {
	if css == "" {
		return ""
	}
	s := doc.Find(css).First()
	if wantAttr {
		for _, a := range []string{"datetime", "content"} {
			if v, ok := s.Attr(a); ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		}
	}
	return clean(s.Text())
}

var (
	rxAuthorClass = regexp.MustCompile(`(?i)(^|[-_ ])(author|byline|tac-?gia|but-?danh)($|[-_ ])`)
	rxDateClass   = regexp.MustCompile(`(?i)(^|[-_ ])(date|time|datetime|ngay|publish(ed)?|pubdate|thoi-?gian)($|[-_ ])`)
)

// byClass returns the text of the first element of the body whose class
// or id matches rx and whose text is at most maxRunes long.
func byClass(doc *goquery.Document, rx *regexp.Regexp, maxRunes int) string {
	var out string
	doc.Find("body *").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		if !rx.MatchString(s.AttrOr("class", "")) && !rx.MatchString(s.AttrOr("id", "")) {
			return true
		}
		if t := clean(s.Text()); t != "" && len([]rune(t)) <= maxRunes {
			out = t
			return false
		}
		return true
	})
	return out
}

// canonical returns the page's rel=canonical or og:url, resolved against
// the page URL, or "" when it has none.
func canonical(doc *goquery.Document, page *url.URL) string {
	href := strings.TrimSpace(doc.Find(`link[rel="canonical"]`).First().AttrOr("href", ""))
	if href == "" {
		href = meta(doc, "og:url")
	}
	if href == "" {
		return ""
	}
	u, err := page.Parse(href)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	u.Fragment = ""
	return u.String()
}
