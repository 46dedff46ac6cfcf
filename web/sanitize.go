package web

import (
	"html"
	"html/template"
	"strings"
)

const (
	markOpen  = "<mark>"
	markClose = "</mark>"
)

// safeSnippet makes a snippet from the search safe to render as HTML
// without trusting it: every piece of text between the exact tags <mark>
// and </mark> is unescaped and escaped again (so text the search escaped
// stays as it was and anything else, tags included, becomes text), then
// only <mark> and </mark> are put back, balanced and never nested.
func safeSnippet(s string) template.HTML {
	var b strings.Builder
	open := false
	for s != "" {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(escapeText(s))
			break
		}
		b.WriteString(escapeText(s[:i]))
		s = s[i:]
		switch {
		case strings.HasPrefix(s, markOpen):
			if !open {
				b.WriteString(markOpen)
				open = true
			}
			s = s[len(markOpen):]
		case strings.HasPrefix(s, markClose):
			if open {
				b.WriteString(markClose)
				open = false
			}
			s = s[len(markClose):]
		default:
			b.WriteString("&lt;")
			s = s[1:]
		}
	}
	if open {
		b.WriteString(markClose)
	}
	return template.HTML(b.String())
}

// escapeText escapes text that may or may not be escaped already, without
// escaping it twice.
func escapeText(s string) string {
	return template.HTMLEscapeString(html.UnescapeString(s))
}
