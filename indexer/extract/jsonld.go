package extract

import (
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

var rxArticleType = regexp.MustCompile(`^(News|Reportage|Analysis|Opinion|Background)?Article$|^BlogPosting$|^Report$`)

// ldArticle is the part of a schema.org Article that we read.
type ldArticle struct {
	Headline      string
	Description   string
	ArticleBody   string
	Author        string
	DatePublished string
	Section       string
}

// jsonLD returns the first Article-typed object of the page's JSON-LD
// scripts, looking into arrays and @graph.
func jsonLD(doc *goquery.Document) (ldArticle, bool) {
	var found ldArticle
	ok := false
	doc.Find(`script[type="application/ld+json"]`).EachWithBreak(func(_ int, s *goquery.Selection) bool {
		v, err := parseJSONLD(s.Text())
		if err != nil {
			return true
		}
		found, ok = findArticle(v)
		return !ok
	})
	return found, ok
}

var rxTrailingComma = regexp.MustCompile(`,\s*([}\]])`)

// parseJSONLD reads a JSON-LD script as the sites write it: raw line breaks
// and tabs inside strings, trailing commas, or the whole script
// entity-escaped ("{&quot;@type&quot;: …}").
func parseJSONLD(script string) (any, error) {
	script = strings.TrimSpace(script)
	script = strings.TrimSuffix(strings.TrimPrefix(script, "<!--"), "-->")
	var v any
	err := json.Unmarshal([]byte(script), &v)
	if err == nil {
		return v, nil
	}
	fixed := strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, script)
	fixed = rxTrailingComma.ReplaceAllString(fixed, "$1")
	if strings.HasPrefix(fixed, "{&quot;") || strings.HasPrefix(fixed, "[&quot;") || strings.HasPrefix(fixed, "[{&quot;") {
		fixed = html.UnescapeString(fixed)
	}
	if json.Unmarshal([]byte(fixed), &v) != nil {
		return nil, fmt.Errorf("json-ld: %w", err)
	}
	return v, nil
}

func findArticle(v any) (ldArticle, bool) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			if a, ok := findArticle(e); ok {
				return a, true
			}
		}
	case map[string]any:
		if isArticle(v["@type"]) {
			return ldArticle{
				Headline:      str(v["headline"]),
				Description:   str(v["description"]),
				ArticleBody:   metaBody(v["articleBody"]),
				Author:        names(v["author"]),
				DatePublished: str(v["datePublished"]),
				Section:       strings.Join(strs(v["articleSection"]), ", "),
			}, true
		}
		if g, ok := v["@graph"]; ok {
			return findArticle(g)
		}
	}
	return ldArticle{}, false
}

func isArticle(t any) bool {
	for _, s := range strs(t) {
		if rxArticleType.MatchString(s) {
			return true
		}
	}
	return false
}

// names reads an author given as a string, a Person or a list of either.
func names(v any) string {
	var out []string
	switch v := v.(type) {
	case string:
		out = append(out, v)
	case map[string]any:
		out = append(out, str(v["name"]))
	case []any:
		for _, e := range v {
			out = append(out, names(e))
		}
	}
	var kept []string
	for _, n := range out {
		if n = strings.TrimSpace(n); n != "" && !strings.HasPrefix(n, "http") {
			kept = append(kept, n)
		}
	}
	return strings.Join(kept, ", ")
}

func str(v any) string {
	s, _ := v.(string)
	return metaText(s)
}

// metaBody decodes a JSON-LD articleBody like metaText but keeps its line
// breaks as paragraph breaks.
func metaBody(v any) string {
	s, _ := v.(string)
	var lines []string
	for _, line := range strings.Split(s, "\n") {
		if line = metaText(line); line != "" {
			lines = append(lines, line)
		}
	}
	return strings.Join(lines, "\n")
}

func strs(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}
