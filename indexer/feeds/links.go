package feeds

import (
	"net/url"
	"path"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// rxArticlePath matches the last path segment of article URLs as news
// CMSes write them: a slug ending in .html/.htm/.ldo or with a numeric id,
// or a slug of at least four words.
var rxArticlePath = regexp.MustCompile(`(?i)(\.(html?|ldo|aspx?)$)|\d{5,}|^[^-]+(-[^-]+){3,}$`)

// Links returns the article links of a listing page: same-site http(s)
// links whose last path segment looks like an article, in page order,
// without fragments or repeats.
func Links(html string, page *url.URL) []Item {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(html))
	if err != nil {
		return nil
	}
	seen := map[string]bool{page.String(): true}
	var out []Item
	doc.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
		u, ok := resolve(page, a.AttrOr("href", ""))
		if !ok || seen[u] {
			return
		}
		seen[u] = true
		if pu, err := url.Parse(u); err == nil && sameSite(pu.Hostname(), page.Hostname()) && rxArticlePath.MatchString(path.Base(pu.Path)) {
			out = append(out, Item{URL: u})
		}
	})
	return out
}

func sameSite(a, b string) bool {
	return strings.TrimPrefix(strings.ToLower(a), "www.") == strings.TrimPrefix(strings.ToLower(b), "www.")
}
