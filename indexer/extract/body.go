package extract

import (
	"net/url"
	"regexp"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/PuerkitoBio/goquery"
)

// rxBoilerplate matches class and id tokens of page parts that are never
// article text, in the English and Vietnamese names news CMSes use.
var rxBoilerplate = regexp.MustCompile(`(?i)(^|[-_\s])(menu|nav|navbar|navigation|footer|sidebar|related|relate|lien-?quan|tinlienquan|tin-?khac|xem-?them|doc-?them|quang-?cao|qc|ads?|advert|advertisement|banner|share|sharing|social|comments?|binh-?luan|tags?|breadcrumbs?|most-?read|doc-?nhieu|popular|subscribe|newsletter|copyright|chan-?trang|cuoi-?trang|ban-?quyen)($|[-_\s])`)

// removeBoilerplate deletes scripts, forms, navigation, footers, asides,
// site headers and every element whose class or id names boilerplate,
// except long text blocks with few links and elements holding the
// headline (the article itself when its container carries such a class,
// e.g. "has-sidebar", "sidebar-1").
func removeBoilerplate(doc *goquery.Document, title string) {
	doc.Find("script, style, noscript, iframe, form, nav, footer, aside, button, svg, template").Remove()
	doc.Find("header").Each(func(_ int, s *goquery.Selection) {
		if s.Find("h1").Length() == 0 {
			s.Remove()
		}
	})
	doc.Find("body *").Each(func(_ int, s *goquery.Selection) {
		if !rxBoilerplate.MatchString(s.AttrOr("class", "")) && !rxBoilerplate.MatchString(s.AttrOr("id", "")) {
			return
		}
		if !isArticleText(s) && !holdsHeadline(s, title) {
			s.Remove()
		}
	})
}

// Teaser boxes: a box of at most maxTeaserRunes characters is a teaser of
// other articles when links to other pages, one a headline of
// minHeadlineWords words or more, make a quarter of its text; a paragraph
// or item that is nothing but such a link is one too.
const (
	maxTeaserRunes   = 400
	minHeadlineWords = 5
)

// removeTeasers deletes the boxes and lines that tease other articles
// inside the page ("related" boxes without a telling class, a lone
// headline link between two paragraphs).
func removeTeasers(doc *goquery.Document, page *url.URL) {
	doc.Find("div, section, aside, article, table, ul, ol, p, li, h2, h3, h4").Each(func(_ int, s *goquery.Selection) {
		if s.Find("h1").Length() > 0 {
			return
		}
		text := len([]rune(clean(s.Text())))
		if text == 0 || text > maxTeaserRunes {
			return
		}
		links, headline := 0, false
		s.Find("a[href]").Each(func(_ int, a *goquery.Selection) {
			if !otherPage(a.AttrOr("href", ""), page) {
				return
			}
			t := clean(a.Text())
			links += len([]rune(t))
			headline = headline || len(strings.Fields(t)) >= minHeadlineWords
		})
		switch goquery.NodeName(s) {
		case "p", "li", "h2", "h3", "h4":
			if headline && links*10 >= text*9 {
				s.Remove()
			}
		default:
			if headline && links*4 >= text {
				s.Remove()
			}
		}
	})
}

// otherPage is true for a link to another page than page.
func otherPage(href string, page *url.URL) bool {
	if href == "" || strings.HasPrefix(href, "#") || strings.HasPrefix(href, "javascript:") || strings.HasPrefix(href, "mailto:") {
		return false
	}
	if page == nil {
		return true
	}
	u, err := page.Parse(href)
	if err != nil {
		return false
	}
	return u.Host != page.Host || u.Path != page.Path
}

// holdsHeadline is true for an element that holds the article's headline:
// a layout column named "sidebar-1" around a short article is no sidebar.
func holdsHeadline(s *goquery.Selection, title string) bool {
	return title != "" && s.Find("h1").FilterFunction(func(_ int, h *goquery.Selection) bool {
		return sameTitle(metaText(h.Text()), title)
	}).Length() > 0
}

// isArticleText is true for a block of at least 600 characters of which
// less than a quarter are link text.
func isArticleText(s *goquery.Selection) bool {
	text := len([]rune(clean(s.Text())))
	if text < 600 {
		return false
	}
	links := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { links += len([]rune(clean(a.Text()))) })
	return float64(links)/float64(text) < 0.25
}

// maxPageBlocks bounds the lines of a page kept for template detection.
const maxPageBlocks = 4000

// pageBlocks renders the whole page, scripts and styles removed, and
// returns its lines.
func pageBlocks(doc *goquery.Document) []string {
	doc.Find("script, style, noscript, template").Remove()
	body := doc.Find("body")
	if body.Length() == 0 {
		return nil
	}
	lines := strings.Split(paragraphs(render.InnerText(body.Nodes[0])), "\n")
	return lines[:min(len(lines), maxPageBlocks)]
}

// readableBody returns the main text of a cleaned page, one paragraph a
// line.
func readableBody(doc *goquery.Document, page *url.URL) string {
	parser := readability.NewParser()
	art, err := parser.ParseAndMutate(doc.Nodes[0], page)
	if err != nil || art.Node == nil {
		return ""
	}
	return paragraphs(render.InnerText(art.Node))
}

// selectedBody returns the text of the elements matching css, boilerplate
// inside them removed, one paragraph a line.
func selectedBody(doc *goquery.Document, css string) string {
	var parts []string
	doc.Find(css).Each(func(_ int, s *goquery.Selection) {
		for _, n := range s.Nodes {
			parts = append(parts, render.InnerText(n))
		}
	})
	return paragraphs(strings.Join(parts, "\n"))
}

// paragraphs trims every line, collapses spaces and drops empty lines.
func paragraphs(text string) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = clean(line); line != "" {
			out = append(out, line)
		}
	}
	return strings.Join(out, "\n")
}

var rxFooterText = regexp.MustCompile(`(?i)giấy phép (số|hoạt động|thiết lập)|cơ quan (chủ quản|của)|ghi rõ nguồn|bản quyền thuộc|tổng biên tập:|phó tổng biên tập|chịu trách nhiệm (xuất bản|nội dung)|©|copyright`)

// trimFooter drops the site's footer lines from the end of body: lines
// naming at least two of a paper's legal notices (licence, owning body,
// editor-in-chief, copyright), or starting with ©.
func trimFooter(body string) string {
	lines := strings.Split(body, "\n")
	for len(lines) > 0 {
		last := lines[len(lines)-1]
		marks := rxFooterText.FindAllString(last, -1)
		if len(marks) < 2 && !strings.HasPrefix(last, "©") && !strings.HasPrefix(strings.ToLower(last), "copyright") {
			break
		}
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}

// trimRepeats removes the title, lead and byline date from the start of
// body, where many pages repeat them inside the article container.
func trimRepeats(body, title, lead string) string {
	lines := strings.Split(body, "\n")
	for len(lines) > 0 && (lines[0] == title || lines[0] == lead || lead != "" && strings.HasPrefix(lead, lines[0]) || mostlyDate(lines[0])) {
		lines = lines[1:]
	}
	return strings.Join(lines, "\n")
}
