package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
)

func TestPublic(t *testing.T) {
	tests := []struct {
		ip     string
		public bool
	}{
		{"8.8.8.8", true},
		{"203.162.4.190", true}, // a Vietnamese news host
		{"2001:4860:4860::8888", true},
		{"127.0.0.1", false},
		{"127.255.0.9", false},
		{"10.1.2.3", false},
		{"172.16.0.1", false},
		{"172.31.255.255", false},
		{"192.168.1.1", false},
		{"169.254.169.254", false}, // cloud metadata
		{"100.64.0.1", false},      // CGNAT
		{"100.127.255.254", false},
		{"0.0.0.0", false},
		{"0.1.2.3", false},
		{"192.0.0.8", false},
		{"198.18.0.1", false},
		{"224.0.0.1", false},
		{"239.255.255.250", false},
		{"240.0.0.1", false},
		{"255.255.255.255", false},
		{"::", false},
		{"::1", false},
		{"::ffff:127.0.0.1", false},
		{"::ffff:10.0.0.1", false},
		{"::ffff:8.8.8.8", true},
		{"64:ff9b::7f00:1", false},
		{"2002:7f00:1::", false},
		{"2001::1", false}, // Teredo
		{"fc00::1", false},
		{"fd12:3456::1", false},
		{"fe80::1", false},
		{"fe80::1%eth0", false},
		{"ff02::1", false},
		{"2001:db8::1", false},
	}
	for _, tt := range tests {
		if got := Public(netip.MustParseAddr(tt.ip)); got != tt.public {
			t.Errorf("Public(%s) = %v, want %v", tt.ip, got, tt.public)
		}
	}
}

// fakeResolver answers its names and leaves the others to the system.
type fakeResolver map[string][]netip.Addr

func (f fakeResolver) LookupNetIP(ctx context.Context, network, host string) ([]netip.Addr, error) {
	if ips, ok := f[host]; ok {
		return ips, nil
	}
	return net.DefaultResolver.LookupNetIP(ctx, network, host)
}

// counted is a test server that counts the requests it receives.
type counted struct {
	*httptest.Server
	hits atomic.Int32
}

func newCounted(t *testing.T, h http.HandlerFunc) *counted {
	c := &counted{}
	c.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c.hits.Add(1)
		h(w, r)
	}))
	t.Cleanup(c.Close)
	return c
}

// TestRefusesPrivateAddresses: a client allowed one loopback host:port
// reaches it and nothing else on loopback, however the URL names the
// address; the forbidden server never sees a connection.
func TestRefusesPrivateAddresses(t *testing.T) {
	forbidden := newCounted(t, func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "secret") })
	_, fport, _ := net.SplitHostPort(forbidden.Listener.Addr().String())
	v6 := listenV6(t)
	allowed := newCounted(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/ok":
			fmt.Fprint(w, "public news")
		case "/jump":
			http.Redirect(w, r, forbidden.URL+"/secret", http.StatusFound)
		case "/jump-name":
			http.Redirect(w, r, "http://intranet.example:"+fport+"/secret", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	})
	_, aport, _ := net.SplitHostPort(allowed.Listener.Addr().String())
	cfg := testConfig()
	cfg.Resolver = fakeResolver{
		"intranet.example": {netip.MustParseAddr("127.0.0.1")},
		"named.example":    {netip.MustParseAddr("127.0.0.1")},
		"mapped.example":   {netip.MustParseAddr("::ffff:127.0.0.1")},
	}
	base, err := New(cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	c := base.WithPrivate(allowed.URL+"/feed.xml", "http://named.example:"+aport+"/sitemap.xml")
	ctx := context.Background()

	for _, ok := range []string{allowed.URL + "/ok", "http://named.example:" + aport + "/ok"} {
		if resp, err := c.Get(ctx, ok, Validators{}); err != nil || string(resp.Body) != "public news" {
			t.Errorf("allowed %s: %v", ok, err)
		}
	}
	refused := []string{
		forbidden.URL + "/secret",
		"http://localhost:" + fport + "/secret",
		"http://LOCALHOST:" + fport + "/secret",
		"http://[::1]:" + v6 + "/secret",
		"http://[::ffff:127.0.0.1]:" + fport + "/secret",
		"http://intranet.example:" + fport + "/secret",
		"http://mapped.example:" + fport + "/secret",
		"http://named.example:" + fport + "/secret", // the allowed name, another port
		allowed.URL + "/jump",
		allowed.URL + "/jump-name",
	}
	for _, u := range refused {
		_, err := c.Get(ctx, u, Validators{})
		if !errors.Is(err, ErrPrivate) || !strings.Contains(err.Error(), "refused: private address") {
			t.Errorf("get %s: %v, want %v", u, err, ErrPrivate)
		}
	}
	// The client without the view reaches no loopback address at all.
	if _, err := base.Get(ctx, allowed.URL+"/ok", Validators{}); !errors.Is(err, ErrPrivate) {
		t.Errorf("client without allowed hosts: %v, want %v", err, ErrPrivate)
	}
	for _, u := range []string{"file:///etc/passwd", "ftp://127.0.0.1:" + fport + "/x", "gopher://localhost/", "//127.0.0.1/x"} {
		if _, err := c.Get(ctx, u, Validators{}); err == nil || !strings.Contains(err.Error(), "not an absolute http(s) url") {
			t.Errorf("get %s: %v, want a scheme refusal", u, err)
		}
	}
	if n := forbidden.hits.Load(); n != 0 {
		t.Errorf("forbidden server received %d requests, want 0", n)
	}
}

// listenV6 returns the port of a server on [::1] that fails the test when
// it is reached, or a port nothing listens on when the machine has no IPv6
// loopback (the refusal comes first either way).
func listenV6(t *testing.T) string {
	ln, err := net.Listen("tcp", "[::1]:0")
	if err != nil {
		return "9"
	}
	srv := &httptest.Server{Listener: ln, Config: &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("[::1] server reached: %s", r.URL)
	})}}
	srv.Start()
	t.Cleanup(srv.Close)
	u, _ := url.Parse(srv.URL)
	return u.Port()
}
