package web

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/vnsearch/vnsearch/search"
)

// feedSize is the default number of items of /search.rss.
const feedSize = 20

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string `xml:"title"`
	Link        string `xml:"link"`
	Description string `xml:"description"`
	Language    string `xml:"language"`
	// Self is the feed's own address, which feed readers subscribe to.
	Self  atomLink  `xml:"http://www.w3.org/2005/Atom link"`
	Items []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate,omitempty"`
	Source      string  `xml:"category,omitempty"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	ID        string `xml:",chardata"`
	PermaLink bool   `xml:"isPermaLink,attr"`
}

// feed answers GET /search.rss with an RSS 2.0 feed of the newest matches
// of a search (its sort and page are ignored).
func (s *Server) feed(c *gin.Context) {
	v := c.Request.URL.Query()
	req, err := parseSearch(v, true)
	if err != nil {
		s.failErr(c, err)
		return
	}
	req.Sort, req.Page, req.Interval = search.SortNewest, 1, search.IntervalNone
	if !v.Has("size") {
		req.Size = feedSize
	}
	ctx, cancel := s.withTimeout(c)
	defer cancel()
	res, err := s.searcher.Search(ctx, req)
	if err != nil {
		s.failErr(c, err)
		return
	}
	base := s.cfg.PublicURL
	page := base + "/?" + without(v, "sort", "page", "size").Encode()
	doc := rss{Version: "2.0", Channel: rssChannel{
		Title:       "vnsearch: " + feedTitle(req.Query),
		Link:        page,
		Description: "Các bài mới nhất khớp với tìm kiếm " + feedTitle(req.Query),
		Language:    "vi",
		Self:        atomLink{Href: base + c.Request.URL.RequestURI(), Rel: "self", Type: "application/rss+xml"},
	}}
	for _, h := range res.Hits {
		doc.Channel.Items = append(doc.Channel.Items, feedItem(base, h))
	}
	out, err := xml.MarshalIndent(doc, "", "  ")
	if err != nil {
		s.failErr(c, err)
		return
	}
	c.Data(http.StatusOK, "application/rss+xml; charset=utf-8", append([]byte(xml.Header), out...))
}

func feedTitle(q string) string {
	if q == "" {
		return "tất cả bài viết"
	}
	return "«" + q + "»"
}

func feedItem(base string, h search.Hit) rssItem {
	link := webURL(h.URL)
	if link == "" {
		link = base + "/articles/" + url.PathEscape(h.ID)
	}
	item := rssItem{
		Title:       plainText(h.Title),
		Link:        link,
		GUID:        rssGUID{ID: h.ID},
		Source:      h.Source,
		Description: string(safeSnippet(strings.Join(h.Snippets, " … "))),
	}
	if !h.Published.IsZero() {
		item.PubDate = h.Published.Format(time.RFC1123Z)
	}
	return item
}

// tagLike matches what a reader rendering titles as HTML would take for
// markup.
var tagLike = regexp.MustCompile(`<[^>]*>?`)

// plainText is a title without anything a reader could render as markup:
// tags are dropped, other angle brackets and ampersands spelled out.
func plainText(s string) string {
	s = tagLike.ReplaceAllString(s, "")
	return strings.NewReplacer("<", "‹", ">", "›", "&", "＆").Replace(s)
}
