package extract

import (
	"net/url"
	"os"
	"path/filepath"
	"testing"

	"github.com/vnsearch/vnsearch/indexer/fetch"
)

// BenchmarkExtract extracts the three CMS shapes of the test site.
//
//	go test -run=NONE -bench=Extract ./indexer/extract/
func BenchmarkExtract(b *testing.B) {
	for _, name := range []string{"tin-tuc/hoi-nghi-xay-dung-dang.html", "tin-tuc/chuyen-doi-so-cap-xa.html", "tin-tuc/nong-thon-moi-kieu-mau.html"} {
		raw, err := os.ReadFile(filepath.Join(site, name))
		if err != nil {
			b.Fatal(err)
		}
		html, _ := fetch.DecodeHTML(raw, "text/html")
		u, _ := url.Parse("https://baomau.example/" + name)
		b.Run(filepath.Base(name), func(b *testing.B) {
			b.SetBytes(int64(len(raw)))
			for range b.N {
				if _, err := Extract(html, u, Selectors{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
