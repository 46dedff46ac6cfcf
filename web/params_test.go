package web

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/search"
)

func TestParseYears(t *testing.T) {
	tests := []struct {
		in       string
		from, to int
		ok       bool
	}{
		{"", 0, 0, true},
		{"2023", 2023, 2023, true},
		{" 2023 ", 2023, 2023, true},
		{"2020..2023", 2020, 2023, true},
		{"2020..", 2020, 0, true},
		{"..2023", 0, 2023, true},
		{"2023..2023", 2023, 2023, true},
		{"..", 0, 0, false},
		{"2023..2020", 0, 0, false},
		{"23", 0, 0, false},
		{"0999", 0, 0, false},
		{"20233", 0, 0, false},
		{"2020-2023", 0, 0, false},
		{"2020...2023", 0, 0, false},
		{"+202", 0, 0, false},
	}
	for _, tt := range tests {
		from, to, err := parseYears(tt.in)
		if (err == nil) != tt.ok || from != tt.from || to != tt.to {
			t.Errorf("parseYears(%q) = %d, %d, %v; want %d, %d, ok %v", tt.in, from, to, err, tt.from, tt.to, tt.ok)
		}
	}
}

func TestThousands(t *testing.T) {
	for in, want := range map[uint64]string{0: "0", 999: "999", 1000: "1.000", 63512: "63.512", 1234567: "1.234.567"} {
		if got := thousands(in); got != want {
			t.Errorf("thousands(%d) = %q, want %q", in, got, want)
		}
	}
}

// FuzzParseSearch checks that any query string parses to a clamped request
// or to a bad-request error, never anything else.
func FuzzParseSearch(f *testing.F) {
	for _, s := range []string{"q=x&page=100000&size=10000", "year=2020..&from=2021-01-01", "q=%FF", "unit=a&unit=b&sort=newest"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		v, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		req, err := parseSearch(v, true)
		if err != nil {
			if !isBadRequest(err) {
				t.Fatalf("%q: error %v is not a bad request", raw, err)
			}
			return
		}
		if req.Page < 1 || req.Page > search.MaxPage || req.Size < 1 || req.Size > search.MaxSize ||
			len(req.Query) > search.MaxQueryBytes || !utf8.ValidString(req.Query) {
			t.Fatalf("%q: unclamped request %+v", raw, req)
		}
	})
}
