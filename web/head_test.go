package web

import (
	"net/http"
	"strings"
	"testing"
)

// TestHeadOnEveryGetRoute: uptime monitors ask with HEAD; every GET route
// answers it as it answers GET, without a body.
func TestHeadOnEveryGetRoute(t *testing.T) {
	s, _ := newTestServer(t, nil)
	for _, r := range s.engine.Routes() {
		if r.Method != http.MethodGet {
			continue
		}
		path := strings.NewReplacer(":id", "a1", "*file", "app.css", ":name", "x", "*id", "05-CT%2FTW").Replace(r.Path)
		got, want := do(t, s, http.MethodHead, path, nil).Code, get(t, s, path).Code
		if got != want || got == http.StatusMethodNotAllowed {
			t.Errorf("HEAD %s: %d, GET: %d", path, got, want)
		}
	}
}
