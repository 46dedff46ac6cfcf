package feeds

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

const site = "../testdata/site"

func read(t testing.TB, name string) []byte {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(site, name))
	if err != nil {
		t.Fatal(err)
	}
	return []byte(strings.ReplaceAll(string(raw), "{{BASE}}", "https://baomau.example"))
}

func urls(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, strings.TrimPrefix(it.URL, "https://baomau.example"))
	}
	return out
}

func TestParse(t *testing.T) {
	base, _ := url.Parse("https://baomau.example/feed.xml")
	ict := time.FixedZone("", 7*3600)
	tests := []struct {
		file        string
		items, maps []string
		first       Item
		firstMapMod time.Time
	}{
		{file: "feed-v1.xml", items: []string{"/tin-tuc/hoi-nghi-xay-dung-dang.html", "/tin-tuc/chuyen-doi-so-cap-xa.html",
			"/tin-tuc/nong-thon-moi-kieu-mau.html", "/tin-tuc/cuu-chien-binh-que-o.html", "/tin-tuc/dan-van-kheo.html",
			"/private/bai-noi-bo.html", "/tin-tuc/bai-da-go.html", "/tin-tuc/bai-bi-cat.html", "/tin-tuc/trang-rac.html",
			"/tin-tuc/may-chu-cham.html", "/tin-tuc/vong-lap.html"},
			first: Item{URL: "https://baomau.example/tin-tuc/hoi-nghi-xay-dung-dang.html", Published: time.Date(2025, 11, 24, 9, 15, 0, 0, ict)}},
		{file: "sitemap-index.xml", maps: []string{"/site-b/sitemap-2025-11.xml", "/site-b/sitemap-2025-10.xml"},
			firstMapMod: time.Date(2025, 11, 24, 7, 0, 0, 0, ict)},
		{file: "site-b/sitemap-2025-11.xml", items: []string{"/site-b/hoi-nghi-gia-binh.html"},
			first: Item{URL: "https://baomau.example/site-b/hoi-nghi-gia-binh.html", Published: time.Date(2025, 11, 24, 7, 0, 0, 0, ict)}},
		{file: "site-b/sitemap-2025-10.xml", items: []string{"/site-b/le-hoi-mua-thu.html"},
			first: Item{URL: "https://baomau.example/site-b/le-hoi-mua-thu.html", Modified: time.Date(2025, 10, 5, 19, 30, 0, 0, ict)}},
	}
	for _, tt := range tests {
		doc, err := Parse(read(t, tt.file), base)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := strings.Join(urls(doc.Items), " "); got != strings.Join(tt.items, " ") {
			t.Errorf("%s items = %v, want %v", tt.file, got, tt.items)
		}
		if got := strings.Join(urls(doc.Sitemaps), " "); got != strings.Join(tt.maps, " ") {
			t.Errorf("%s sitemaps = %v, want %v", tt.file, got, tt.maps)
		}
		if len(doc.Items) > 0 {
			f := doc.Items[0]
			if f.URL != tt.first.URL || !f.Published.Equal(tt.first.Published) || !f.Modified.Equal(tt.first.Modified) {
				t.Errorf("%s first item = %+v, want %+v", tt.file, f, tt.first)
			}
		}
		if len(doc.Sitemaps) > 0 && !doc.Sitemaps[0].Modified.Equal(tt.firstMapMod) {
			t.Errorf("%s first sitemap lastmod = %v", tt.file, doc.Sitemaps[0].Modified)
		}
	}
}

func TestParseW3C(t *testing.T) {
	ict := time.FixedZone("", 7*3600)
	want := time.Date(2025, 11, 24, 9, 30, 0, 0, ict)
	for _, s := range []string{"2025-11-24T09:30:00+07:00", "2025-11-24T02:30:00Z", "2025-11-24T09:30+07:00",
		"2025-11-24T09:30:00", "2025-11-24 09:30:00", " 2025-11-24T09:30 ", "2025-11-24 09:30:00+07:00", "2025-11-24T09:30:00.000+07:00"} {
		if got := parseW3C(s); !got.Equal(want) {
			t.Errorf("parseW3C(%q) = %v, want %v", s, got, want)
		}
	}
	if got := parseW3C("2025-11-24"); !got.Equal(time.Date(2025, 11, 24, 0, 0, 0, 0, ict)) {
		t.Errorf("date only: %v", got)
	}
	for _, s := range []string{"", "hôm qua", "24/11/2025"} {
		if got := parseW3C(s); !got.IsZero() {
			t.Errorf("parseW3C(%q) = %v, want zero", s, got)
		}
	}
}

func TestParseAtomRelative(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Báo</title>
<entry><title>Một</title><link href="/tin/mot.html"/><published>2025-11-24T09:00:00+07:00</published></entry>
<entry><title>Hai</title><link href="mailto:a@b.c"/></entry>
</feed>`
	base, _ := url.Parse("https://baomau.example/rss/atom.xml")
	doc, err := Parse([]byte(atom), base)
	if err != nil || len(doc.Items) != 1 || doc.Items[0].URL != "https://baomau.example/tin/mot.html" {
		t.Fatalf("atom: %+v %v", doc, err)
	}
	if _, err := Parse([]byte("<html><body>not a feed</body></html>"), base); err == nil {
		t.Error("html parsed as a feed")
	}
}

func TestLinks(t *testing.T) {
	page, _ := url.Parse("https://www.baomau.example/chuyen-muc/xay-dung-dang.html")
	got := urls(Links(string(read(t, "chuyen-muc/xay-dung-dang.html")), page))
	want := []string{"https://www.baomau.example/tin-tuc/hoi-nghi-xay-dung-dang.html?utm_source=chuyenmuc", "https://www.baomau.example/tin-tuc/dan-van-kheo.html"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("links = %v, want %v", got, want)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(read(f, "feed-v1.xml"))
	f.Add(read(f, "sitemap-index.xml"))
	base, _ := url.Parse("https://baomau.example/")
	f.Fuzz(func(t *testing.T, body []byte) {
		doc, err := Parse(body, base)
		if err != nil {
			return
		}
		for _, it := range append(doc.Items, doc.Sitemaps...) {
			if u, err := url.Parse(it.URL); err != nil || u.Host == "" {
				t.Errorf("bad url %q", it.URL)
			}
		}
	})
}
