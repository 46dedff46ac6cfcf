package web

import (
	"strings"
	"testing"
)

func TestSafeSnippet(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Nhớ lời <mark>Bác</mark> dặn", "Nhớ lời <mark>Bác</mark> dặn"},
		{"a &lt;b&gt; &amp; &#34;c&#34;", "a &lt;b&gt; &amp; &#34;c&#34;"},
		{"raw <b>bold</b> & 'q'", "raw &lt;b&gt;bold&lt;/b&gt; &amp; &#39;q&#39;"},
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
		{`<mark onclick="x">a</mark>`, "&lt;mark onclick=&#34;x&#34;&gt;a"},
		{"<MARK>a</MARK>", "&lt;MARK&gt;a&lt;/MARK&gt;"},
		{"&lt;mark&gt;a&lt;/mark&gt;", "&lt;mark&gt;a&lt;/mark&gt;"},
		{"<mark>open", "<mark>open</mark>"},
		{"stray</mark> close", "stray close"},
		{"<mark><mark>x</mark></mark>", "<mark>x</mark>"},
		{"a < b", "a &lt; b"},
		{"<", "&lt;"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(safeSnippet(tt.in)); got != tt.want {
			t.Errorf("safeSnippet(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// FuzzSafeSnippet checks that no input yields markup other than balanced,
// unnested <mark> tags, and that sanitizing is idempotent.
func FuzzSafeSnippet(f *testing.F) {
	for _, s := range []string{"<mark>x</mark>", "<script>", "&lt;mark&gt;", "<mark", "&#60;script&#62;", "a&b<c>d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := string(safeSnippet(in))
		depth := 0
		for rest := out; rest != ""; {
			i := strings.IndexAny(rest, "<>\"'")
			if i < 0 {
				break
			}
			rest = rest[i:]
			switch {
			case strings.HasPrefix(rest, "<mark>"):
				depth++
			case strings.HasPrefix(rest, "</mark>"):
				depth--
			default:
				t.Fatalf("safeSnippet(%q) = %q has markup", in, out)
			}
			if depth < 0 || depth > 1 {
				t.Fatalf("safeSnippet(%q) = %q: unbalanced marks", in, out)
			}
			rest = rest[strings.IndexByte(rest, '>')+1:]
		}
		if depth != 0 {
			t.Fatalf("safeSnippet(%q) = %q: mark left open", in, out)
		}
		if again := string(safeSnippet(out)); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", in, out, again)
		}
	})
}
