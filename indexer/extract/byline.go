package extract

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// bylineLevels is how far up from the headline the byline zone reaches.
const bylineLevels = 4

// bylineDate reads the date printed in the header zone of the article:
// elements near the headline that are dates (<time>, a date class or
// itemprop) or whose text is little else than a date ("Thứ bảy,
// 7/3/2026, 08:47 (GMT+7)", "07/03/2026 08:47"). Of those, the one nearest
// the headline in document order wins. A date in the article's text is
// never read: text elements must come before the first paragraph of the
// body, and long texts are never dates.
func bylineDate(doc *goquery.Document, title string) time.Time {
	h1 := headlineNode(doc, title)
	if h1.Length() == 0 {
		return time.Time{}
	}
	order := documentOrder(doc)
	at := order[h1.Nodes[0]]
	bodyStart := firstParagraphAfter(doc, order, at)
	scope := h1
	for range bylineLevels {
		scope = scope.Parent()
		if scope.Length() == 0 {
			break
		}
		best, bestDist := time.Time{}, -1
		scope.Find("*").Each(func(_ int, s *goquery.Selection) {
			pos := order[s.Nodes[0]]
			t, ok := dateOf(s, pos < bodyStart)
			if !ok {
				return
			}
			if d := abs(pos - at); bestDist < 0 || d < bestDist {
				best, bestDist = t, d
			}
		})
		if bestDist >= 0 {
			return best
		}
	}
	return time.Time{}
}

// dateOf reads the date an element stands for: the datetime or content
// attribute of a <time> or an itemprop date, the text of an element whose
// class or id names a date, or, when beforeBody, the text of a short
// element that is mostly a date.
func dateOf(s *goquery.Selection, beforeBody bool) (time.Time, bool) {
	prop := s.AttrOr("itemprop", "")
	if goquery.NodeName(s) == "time" || prop == "datePublished" || prop == "dateCreated" {
		for _, a := range []string{"datetime", "content"} {
			if t, ok := ParseTime(s.AttrOr(a, "")); ok {
				return t, true
			}
		}
	}
	if prop == "dateModified" || rxModified.MatchString(s.AttrOr("class", "")) {
		return time.Time{}, false
	}
	dated := goquery.NodeName(s) == "time" || rxDateClass.MatchString(s.AttrOr("class", "")) || rxDateClass.MatchString(s.AttrOr("id", "")) || prop == "datePublished"
	if !dated && !beforeBody {
		return time.Time{}, false
	}
	text := clean(s.Text())
	if utf8.RuneCountInString(text) > 120 || !dated && !mostlyDate(text) {
		return time.Time{}, false
	}
	return VisibleDate(text)
}

var (
	rxModified = regexp.MustCompile(`(?i)(^|[-_ ])(modified|updated?)($|[-_ ])`)
	rxDateWord = regexp.MustCompile(`(?i)thứ\s+(hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s+nhật|cập\s+nhật|đăng\s+(ngày|lúc)|ngày|lúc|giờ|tháng|năm|gmt\s*[+-]\s*\d+|utc\s*[+-]\s*\d+|\d+`)
)

// mostlyDate is true for a short text that holds a date and little else
// (an author's name at most): a byline, not a sentence.
func mostlyDate(text string) bool {
	if utf8.RuneCountInString(text) > 80 {
		return false
	}
	if _, ok := VisibleDate(text); !ok {
		return false
	}
	rest := strings.Trim(rxDateWord.ReplaceAllString(text, " "), " ,.-–|/:()[]")
	return len(strings.Fields(rest)) <= 4
}

// headlineNode returns the element that prints the title: an <h1>,
// else another heading or a short element with exactly its text. It is
// empty when no element does.
func headlineNode(doc *goquery.Document, title string) *goquery.Selection {
	if title == "" {
		return doc.Find("h1").First()
	}
	is := func(_ int, s *goquery.Selection) bool { return sameTitle(metaText(s.Text()), title) }
	for _, css := range []string{"h1", "h2, h3"} {
		if h := doc.Find(css).FilterFunction(is); h.Length() > 0 {
			return h.First()
		}
	}
	// The innermost element printing the title.
	return doc.Find("body div, body p, body span, body td").FilterFunction(is).FilterFunction(func(_ int, s *goquery.Selection) bool {
		return s.Find("div, p, span, td").FilterFunction(is).Length() == 0
	}).First()
}

// documentOrder numbers the page's element nodes in document order.
func documentOrder(doc *goquery.Document) map[*html.Node]int {
	order := map[*html.Node]int{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			order[n] = len(order)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range doc.Nodes {
		walk(n)
	}
	return order
}

// firstParagraphAfter returns the document position of the first long
// paragraph after position at: where the article's text begins.
func firstParagraphAfter(doc *goquery.Document, order map[*html.Node]int, at int) int {
	start := len(order)
	doc.Find("p").EachWithBreak(func(_ int, s *goquery.Selection) bool {
		pos := order[s.Nodes[0]]
		if pos > at && utf8.RuneCountInString(clean(s.Text())) >= 120 {
			start = pos
			return false
		}
		return true
	})
	return start
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
