package fetch

import (
	"testing"
	"time"
)

const robotsTxt = `# test robots
User-agent: *
Disallow: /private/
Disallow: /*.pdf$
Allow: /private/public-note.html
Crawl-delay: 3

User-agent: BadBot
Disallow: /

User-agent: vnsearch
User-agent: otherbot
Disallow: /search
Allow: /search/tin-tuc
Crawl-delay: 0.5
`

func TestRobotsGroups(t *testing.T) {
	star := parseRobots(robotsTxt, "somebot")
	mine := parseRobots(robotsTxt, "vnsearch")
	tests := []struct {
		r     *robots
		path  string
		allow bool
	}{
		{star, "/", true},
		{star, "/private/x.html", false},
		{star, "/private/public-note.html", true},
		{star, "/files/report.pdf", false},
		{star, "/files/report.pdf?x=1", true},
		{star, "/search?q=a", true},
		{mine, "/private/x.html", true},
		{mine, "/search?q=a", false},
		{mine, "/search/tin-tuc/a.html", true},
		{parseRobots(robotsTxt, "badbot"), "/anything", false},
		{parseRobots("", "vnsearch"), "/anything", true},
		{parseRobots("User-agent: *\nDisallow:\n", "vnsearch"), "/a", true},
	}
	for _, tt := range tests {
		if got := tt.r.allowed(tt.path); got != tt.allow {
			t.Errorf("allowed(%q) = %v, want %v", tt.path, got, tt.allow)
		}
	}
	if star.delay != 3*time.Second || mine.delay != 500*time.Millisecond {
		t.Errorf("crawl delays %v %v", star.delay, mine.delay)
	}
}

func TestMatchRobots(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/a", "/abc", true},
		{"/a$", "/a", true},
		{"/a$", "/ab", false},
		{"/*.pdf$", "/x/y.pdf", true},
		{"/*.pdf$", "/x/y.pdf.html", false},
		{"/*.pdf$", "/a.pdf/b.pdf", true},
		{"/*/print", "/2025/11/print", true},
		{"/*/print", "/print", false},
	}
	for _, tt := range tests {
		if got := matchRobots(tt.pattern, tt.path); got != tt.want {
			t.Errorf("matchRobots(%q, %q) = %v", tt.pattern, tt.path, got)
		}
	}
}

func FuzzParseRobots(f *testing.F) {
	f.Add(robotsTxt, "/private/a")
	f.Add("User-agent: *\nDisallow: /*$*\n", "/x")
	f.Fuzz(func(t *testing.T, body, path string) {
		r := parseRobots(body, "vnsearch")
		r.allowed(path)
	})
}
