package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

var (
	rxLeadClass    = regexp.MustCompile(`(?i)(^|[-_ ])(sapo|lead|chap?peau|summary|tom-?tat|des|desc|description|excerpt|intro|abstract|trich-?dan)($|[-_ ])|^(sapo|lead)`)
	rxCaptionClass = regexp.MustCompile(`(?i)caption|photo|image|img|picture|figure|media|video|expnoedit|chu-?thich`)
	rxCaptionText  = regexp.MustCompile(`(?i)(^|[-–.(]\s*)(ảnh|nguồn ảnh|ảnh minh họa|đồ họa|video|clip|infographic)\s*:`)
)

// Lead words: a lead shorter than minLeadWords is a label (a category
// name, a breadcrumb), one longer than maxLeadRunes is the body.
const (
	minLeadWords = 8
	maxLeadRunes = 1500
)

// maxBylineRunes bounds what the header zone passes over and removes: a
// byline, a category, a short link list; never a body.
const maxBylineRunes = 300

// takeLead finds the sapo between the headline and the body, removes its
// element from doc (so the body does not repeat it) and returns its text.
// It also removes the header zone — what precedes the headline, and the
// byline, category and links between the headline and the lead or body —
// so that none of it is taken for article text. Photos and captions stay.
//
// Walking the page from the headline, captions, figures, links and short
// labels (a byline, a category) are passed over; the first element named
// as a lead (sapo, lead, chapeau, summary, description…) is the lead, and
// the first paragraph of text is the lead only when it is set in bold or
// is the page's own description. Otherwise the body has begun and there is
// no lead: "" is returned and the text stays in the body.
func takeLead(doc *goquery.Document, title, description string) string {
	h1 := headlineNode(doc, title)
	if h1.Length() == 0 {
		return onlyNamedLead(doc, description)
	}
	head := h1.Nodes[0]
	var lead *goquery.Selection
	var passed []*html.Node
	after := false
	var walk func(n *html.Node) bool // false stops the walk
	walk = func(n *html.Node) bool {
		if n == head {
			after = true
			return true
		}
		if n.Type == html.ElementNode && after {
			s := goquery.NewDocumentFromNode(n).Selection
			switch leadDecision(s, description) {
			case leadFound:
				lead = s
				return false
			case leadStop:
				return false
			case leadSkip:
				if text := clean(s.Text()); utf8.RuneCountInString(text) <= maxBylineRunes && !isCaption(s, text) && s.Find("img, picture, video, iframe").Length() == 0 {
					passed = append(passed, n)
				}
				return true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	clearHeader(h1, passed)
	if lead == nil {
		return ""
	}
	text := clean(lead.Text())
	lead.Remove()
	return withoutStamp(text, description)
}

// onlyNamedLead is the lead of a page that does not print its headline:
// the element named as a lead, when the page has exactly one (a list of
// teasers has many).
func onlyNamedLead(doc *goquery.Document, description string) string {
	var found []*goquery.Selection
	doc.Find("body *").Each(func(_ int, s *goquery.Selection) {
		if !rxLeadClass.MatchString(s.AttrOr("class", "")) && !rxLeadClass.MatchString(s.AttrOr("id", "")) {
			return
		}
		if s.ParentsFiltered("*").FilterFunction(func(_ int, p *goquery.Selection) bool {
			return rxLeadClass.MatchString(p.AttrOr("class", "")) || rxLeadClass.MatchString(p.AttrOr("id", ""))
		}).Length() > 0 {
			return // inside another: counted there
		}
		if leadDecision(s, description) == leadFound {
			found = append(found, s)
		}
	})
	if len(found) != 1 {
		return ""
	}
	text := clean(found[0].Text())
	found[0].Remove()
	return withoutStamp(text, description)
}

// clearHeader removes the header zone: the elements passed over between
// the headline and the lead or body, and everything before the headline
// on its branch of the page (site header, breadcrumb, category, date).
// Only a headline that is the article's title anchors it.
func clearHeader(h1 *goquery.Selection, passed []*html.Node) {
	for _, n := range passed {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	switch h1.Nodes[0].Data {
	case "h1", "h2", "h3":
	default:
		return // a headline found in a plain element may be a list's
	}
	for n := h1.Nodes[0]; n.Parent != nil && n.Data != "body"; n = n.Parent {
		for c := n.Parent.FirstChild; c != nil && c != n; {
			next := c.NextSibling
			if c.Type == html.ElementNode && !keepBeforeHeadline(c) {
				n.Parent.RemoveChild(c)
			}
			c = next
		}
	}
}

// keepBeforeHeadline is true for what may precede a headline and still be
// the article's: a photo, with its caption or without text, or paragraphs
// of text.
func keepBeforeHeadline(n *html.Node) bool {
	switch n.Data {
	case "figure", "picture", "img":
		return true
	}
	s := goquery.NewDocumentFromNode(n).Selection
	text := clean(s.Text())
	if longParagraphs(s) > 0 && !linkHeavy(s, text) {
		return true // text, not a header: leave it to the body's judges
	}
	return text == "" || s.Find("img").Length() > 0 && isCaption(s, text)
}

// withoutStamp returns the page's description when the lead is it behind
// a place stamp of a few words ("Hà Nội", "TP HCM"), printed in an element
// of its own without a separator; otherwise the lead as printed.
func withoutStamp(lead, description string) string {
	if description == "" || lead == description || !strings.HasSuffix(lead, description) {
		return lead
	}
	if len(strings.Fields(strings.TrimSuffix(lead, description))) > 4 {
		return lead
	}
	return description
}

type leadVerdict int

const (
	leadDescend leadVerdict = iota // look inside
	leadSkip                       // pass over it and what it holds
	leadFound                      // this is the lead
	leadStop                       // the body has begun: no lead
)

// leadDecision judges one element met after the headline.
func leadDecision(s *goquery.Selection, description string) leadVerdict {
	name := goquery.NodeName(s)
	text := clean(s.Text())
	switch {
	case name == "figure" || name == "figcaption" || name == "picture" || name == "img" || name == "table" && s.Find("img").Length() > 0:
		return leadSkip
	case isCaption(s, text):
		return leadSkip
	case name == "a" || linkHeavy(s, text):
		return leadSkip
	case bylineClass(s) && utf8.RuneCountInString(text) <= 120:
		return leadSkip
	case text == "":
		return leadSkip
	}
	words := len(strings.Fields(text))
	named := rxLeadClass.MatchString(s.AttrOr("class", "")) || rxLeadClass.MatchString(s.AttrOr("id", ""))
	if named && words >= minLeadWords && utf8.RuneCountInString(text) <= maxLeadRunes && longParagraphs(s) < 2 {
		return leadFound
	}
	if !isTextBlock(s) {
		return leadDescend
	}
	if words < minLeadWords {
		return leadSkip
	}
	if utf8.RuneCountInString(text) <= maxLeadRunes && (isBold(s, text) || name == "h2" && words >= 12 || matchesDescription(text, description)) {
		return leadFound
	}
	return leadStop
}

// bylineClass is true for an element whose class or id names an author,
// a date or a category: when short, the byline zone, not a lead.
func bylineClass(s *goquery.Selection) bool {
	for _, a := range []string{s.AttrOr("class", ""), s.AttrOr("id", "")} {
		if rxAuthorClass.MatchString(a) || rxDateClass.MatchString(a) || rxCategoryClass.MatchString(a) {
			return !rxLeadClass.MatchString(a)
		}
	}
	return false
}

var rxCategoryClass = regexp.MustCompile(`(?i)(^|[-_ ])(cate|category|categories|chuyen-?muc|zone|breadcrumbs?)($|[-_ ])`)

// isTextBlock is true for a paragraph or heading, or an element holding
// text of its own rather than other blocks.
func isTextBlock(s *goquery.Selection) bool {
	switch goquery.NodeName(s) {
	case "p", "h2", "h3", "h4", "blockquote", "li":
		return true
	case "div", "section", "span", "em", "strong", "b", "i":
		for c := s.Nodes[0].FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode && len(strings.Fields(c.Data)) >= 3 {
				return s.Find("p, div, li, h2, h3, table").Length() == 0
			}
		}
	}
	return false
}

// isCaption is true for a photo or video caption: inside a figure, or a
// caption class on the element or its two nearest ancestors, or a text
// crediting a photo ("Ảnh: …").
func isCaption(s *goquery.Selection, text string) bool {
	if s.Closest("figure, figcaption").Length() > 0 {
		return true
	}
	e := s
	for range 3 {
		if e.Length() == 0 || goquery.NodeName(e) == "body" {
			break
		}
		if rxCaptionClass.MatchString(e.AttrOr("class", "")) || rxCaptionClass.MatchString(e.AttrOr("id", "")) {
			return true
		}
		e = e.Parent()
	}
	return rxCaptionText.MatchString(text) && utf8.RuneCountInString(text) < 300
}

// linkHeavy is true when links make half the text: a breadcrumb, a
// list of other articles.
func linkHeavy(s *goquery.Selection, text string) bool {
	n := utf8.RuneCountInString(text)
	if n == 0 {
		return false
	}
	links := 0
	s.Find("a").Each(func(_ int, a *goquery.Selection) { links += utf8.RuneCountInString(clean(a.Text())) })
	return links*2 >= n
}

// isBold is true when nearly all of the text is set in bold.
func isBold(s *goquery.Selection, text string) bool {
	if strings.Contains(strings.ReplaceAll(strings.ToLower(s.AttrOr("style", "")), " ", ""), "font-weight:bold") {
		return true
	}
	bold := 0
	s.Find("strong, b").Each(func(_ int, b *goquery.Selection) {
		if b.ParentsFiltered("strong, b").Length() == 0 {
			bold += utf8.RuneCountInString(clean(b.Text()))
		}
	})
	return bold*10 >= utf8.RuneCountInString(text)*9
}

// matchesDescription is true when the page's description is this text,
// whole, or behind a place stamp of a few words. A description that is
// only the beginning of the paragraph is no sign: CMSes cut it from the
// body when nobody wrote a sapo.
func matchesDescription(text, description string) bool {
	d, t := titleKey(description), titleKey(text)
	if len(strings.Fields(d)) < minLeadWords {
		return false
	}
	return t == d || strings.HasSuffix(t, d) && len(strings.Fields(strings.TrimSuffix(t, d))) <= 4
}

// longParagraphs counts the paragraphs of 120 characters or more inside s.
func longParagraphs(s *goquery.Selection) int {
	n := 0
	s.Find("p").Each(func(_ int, p *goquery.Selection) {
		if utf8.RuneCountInString(clean(p.Text())) >= 120 {
			n++
		}
	})
	return n
}
