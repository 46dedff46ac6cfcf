package extract

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/text/unicode/norm"
)

// headline picks the article's title. The visible <h1> wins when a
// metadata title (JSON-LD headline, og:title, twitter:title, <title>) is
// the same text up to escaping, quotation marks and a site suffix
// ("Tiêu đề - VnExpress", "Tiêu đề | Báo Nhân Dân"); otherwise a metadata
// title, stripped of its site suffix, wins over a different <h1>.
func headline(doc *goquery.Document, ld ldArticle, page *url.URL) string {
	site := siteNames(doc, page)
	metas := []string{ld.Headline, meta(doc, "og:title"), meta(doc, "twitter:title"), metaText(doc.Find("title").First().Text())}
	stripped := make([]string, len(metas))
	for i, m := range metas {
		stripped[i] = stripSiteSuffix(m, site)
	}
	if h1 := headlineH1(doc, stripped); h1 != "" {
		for _, m := range stripped {
			if m != "" && sameTitle(m, h1) {
				if h1 == strings.ToUpper(h1) && m != h1 {
					return m // an <h1> typed in capitals: the metadata has the case
				}
				return h1
			}
		}
		if first(stripped[:3]...) == "" {
			return h1
		}
	}
	return fullest(stripped)
}

// fullest returns the first non-empty title, or a later one that is it
// uncut: JSON-LD headlines are often cut to 110 characters ("… …").
func fullest(titles []string) string {
	best := first(titles...)
	if !strings.HasSuffix(best, "…") && !strings.HasSuffix(best, "...") {
		return best
	}
	stem := strings.TrimRight(best, ".… ")
	for _, t := range titles {
		if len(t) > len(best) && strings.HasPrefix(t, stem) {
			best = t
		}
	}
	return best
}

// headlineH1 returns the text of the <h1> that is a metadata title, or
// else of the first <h1> of three words or more (not a logo).
func headlineH1(doc *goquery.Document, titles []string) string {
	var texts []string
	doc.Find("h1").Each(func(_ int, s *goquery.Selection) {
		if t := metaText(s.Text()); t != "" {
			texts = append(texts, t)
		}
	})
	for _, t := range texts {
		for _, m := range titles {
			if m != "" && sameTitle(m, t) {
				return t
			}
		}
	}
	for _, t := range texts {
		if len(strings.Fields(t)) >= 3 {
			return t
		}
	}
	return ""
}

var rxTitleSep = regexp.MustCompile(`\s+[-|–—:]{1,2}\s+`)

// stripSiteSuffix removes a trailing " - Site name" (or a leading one)
// when the name is the
// site's: its og:site_name, a name built from the host ("VnExpress" for
// vnexpress.net, "Người Lao Động" for nld.com.vn) or a paper's name
// ("Báo …", "Tạp chí …", a domain).
func stripSiteSuffix(title string, site siteName) string {
	for range 2 {
		seps := rxTitleSep.FindAllStringIndex(title, -1)
		if len(seps) == 0 {
			break
		}
		last := seps[len(seps)-1]
		if !site.matches(title[last[1]:]) || last[0] == 0 {
			break
		}
		title = strings.TrimSpace(title[:last[0]])
	}
	return stripSitePrefix(title, site)
}

// stripSitePrefix removes a leading "Site name - " the same way.
func stripSitePrefix(title string, site siteName) string {
	sep := rxTitleSep.FindStringIndex(title)
	if sep == nil || sep[1] == len(title) || !site.matches(title[:sep[0]]) {
		return title
	}
	return strings.TrimSpace(title[sep[1]:])
}

// siteName is what a page says its site is called.
type siteName struct {
	names []string // folded og:site_name, application-name
	label string   // the host's main label: "vnexpress", "nld"
}

func siteNames(doc *goquery.Document, page *url.URL) siteName {
	s := siteName{}
	for _, n := range []string{meta(doc, "og:site_name"), meta(doc, "application-name"), meta(doc, "apple-mobile-web-app-title")} {
		if f := fold(n); f != "" {
			s.names = append(s.names, f)
		}
	}
	if page != nil {
		for _, l := range strings.Split(strings.ToLower(page.Hostname()), ".") {
			if l != "www" && l != "m" && l != "amp" && l != "" {
				s.label = l
				break
			}
		}
	}
	return s
}

var rxPaperName = regexp.MustCompile(`^(Báo|BÁO|Tạp chí|Cổng thông tin|Trang thông tin|Tin tức|Đài|Thông tấn)\s+\p{Lu}|(?i)\.(vn|com|net|org|info)$`)

func (s siteName) matches(suffix string) bool {
	suffix = strings.TrimSpace(suffix)
	words := strings.Fields(suffix)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	if rxPaperName.MatchString(suffix) {
		return true
	}
	f := fold(suffix)
	for _, n := range s.names {
		// The suffix may hold the name ("Báo Thanh Niên" for "Thanh Niên")
		// or be most of it ("VnExpress" for "VnExpress.net"), not a part
		// of it ("Hà Nội" for "Hà Nội Mới").
		if strings.Contains(f, n) || strings.Contains(n, f) && len(f)*10 >= len(n)*7 {
			return true
		}
	}
	if s.label == "" {
		return false
	}
	initials := ""
	for _, w := range words {
		initials += fold(string([]rune(w)[:1]))
	}
	return len(s.label) >= 4 && strings.Contains(f, s.label) || initials == s.label
}

// sameTitle is true when two titles read the same once case, quotation
// marks, dashes and spacing are set aside.
func sameTitle(a, b string) bool { return titleKey(a) == titleKey(b) }

var titlePunct = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "-", "—", "-", "…", "...")

func titleKey(s string) string {
	return strings.ToLower(clean(titlePunct.Replace(norm.NFC.String(s))))
}

// fold lowers s, drops its diacritics and keeps letters and digits only.
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case r == 'đ':
			b.WriteRune('d')
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}
