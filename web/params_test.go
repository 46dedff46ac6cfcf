package web

import (
	"net/url"
	"testing"
	"unicode/utf8"

	"github.com/vnsearch/vnsearch/search"
	"github.com/vnsearch/vnsearch/search/query"
)

// TestParamsAgreeWithQueryLanguage: a filter value means the same as a
// URL parameter and in the query language, refused or accepted by both.
func TestParamsAgreeWithQueryLanguage(t *testing.T) {
	tests := []struct {
		name, value string
		ok          bool
	}{
		{"year", "2023", true},
		{"year", "2020..2023", true},
		{"year", "2020..", true},
		{"year", "..2023", true},
		{"year", "1850", false},
		{"year", "..", false},
		{"year", "2023..2020", false},
		{"year", "23", false},
		{"year", "2020-2023", false},
		{"year", "2020...2023", false},
		{"example", "có", true},
		{"example", "khong", true},
		{"example", "yes", true},
		{"example", "maybe", false},
		{"unit", "Thị ủy Quế Võ", true},
		{"directive", "05-CT/TW", true},
	}
	for _, tt := range tests {
		_, paramErr := parseSearch(url.Values{tt.name: {tt.value}}, true)
		_, langErr := query.Parse(tt.name + `:"` + tt.value + `"`)
		if (paramErr == nil) != tt.ok || (langErr == nil) != tt.ok {
			t.Errorf("%s=%q: parameter error %v, query-language error %v; want ok %v", tt.name, tt.value, paramErr, langErr, tt.ok)
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
