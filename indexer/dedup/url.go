package dedup

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that never change the page served.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "zarsrc": true, "utm_source": true,
	"utm_medium": true, "utm_campaign": true, "utm_term": true,
	"utm_content": true, "gidzl": true, "_gl": true, "ref": true,
}

// Key returns the canonical form of an article URL, used to recognize one
// article reached through several addresses. It fails on URLs that are not
// absolute http or https URLs.
func Key(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("canonical url %q: %w", raw, err)
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", fmt.Errorf("canonical url %q: not an absolute http(s) url", raw)
	}
	host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	if port := u.Port(); port != "" && !(u.Scheme == "http" && port == "80") && !(u.Scheme == "https" && port == "443") {
		host += ":" + port
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	// http and https serve the same article: the key ignores the scheme.
	return host + path + cleanQuery(u.Query()), nil
}

func cleanQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		if !trackingParams[strings.ToLower(k)] && !strings.HasPrefix(strings.ToLower(k), "utm_") {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return ""
	}
	sort.Strings(keys)
	var b strings.Builder
	for i, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for j, v := range vs {
			if i+j == 0 {
				b.WriteByte('?')
			} else {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k) + "=" + url.QueryEscape(v))
		}
	}
	return b.String()
}

// ID returns the article id for a canonical key: the first 16 bytes of its
// SHA-256, in hex.
func ID(key string) string {
	sum := sha256.Sum256([]byte(key))
	return hex.EncodeToString(sum[:16])
}
