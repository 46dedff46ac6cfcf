// Command vnload measures a running `vnsearch serve`: it sends a mix of
// searches (phrases and words, with and without diacritics, filtered,
// sorted, grouped) at several concurrency levels and prints throughput and
// latency percentiles as a Markdown table. It starts nothing itself and
// only talks to loopback addresses.
//
//	vnload [--url http://127.0.0.1:8080] [--levels 1,4,16,64] [--requests 2000] [--duration 20s] [--queries FILE]
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	if err != nil {
		fmt.Fprintln(os.Stderr, "vnload:", err)
		os.Exit(1)
	}
}

// config is what one run measures.
type config struct {
	base     *url.URL
	levels   []int
	requests int           // per level
	duration time.Duration // per level, whichever ends first
	queries  []string      // API query strings, without the leading "?"
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	client := &http.Client{
		Timeout:   30 * time.Second,
		Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256},
	}
	lt := &loadTest{client: client, base: cfg.base, queries: cfg.queries}
	if err := lt.warm(ctx); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "target %s, %d queries in the mix, at most %d requests or %v per level\n\n",
		cfg.base, len(cfg.queries), cfg.requests, cfg.duration)
	fmt.Fprintln(stdout, tableHeader)
	for _, c := range cfg.levels {
		st := lt.level(ctx, c, cfg.requests, cfg.duration)
		fmt.Fprintln(stdout, st.row())
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	return nil
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("vnload", flag.ContinueOnError)
	fs.SetOutput(stderr)
	target := fs.String("url", "http://127.0.0.1:8080", "base URL of a running vnsearch serve (loopback only)")
	levels := fs.String("levels", "1,4,16,64", "comma-separated concurrency levels")
	requests := fs.Int("requests", 2000, "requests per level")
	duration := fs.Duration("duration", 20*time.Second, "time limit per level")
	queries := fs.String("queries", "", "file of API query strings, one a line (default: the built-in mix)")
	if err := fs.Parse(args); err != nil {
		return config{}, err
	}
	if fs.NArg() > 0 {
		return config{}, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	cfg := config{requests: *requests, duration: *duration, queries: defaultMix}
	var err error
	if cfg.base, err = loopbackURL(*target); err != nil {
		return cfg, err
	}
	if cfg.levels, err = parseLevels(*levels); err != nil {
		return cfg, err
	}
	if cfg.requests < 1 || cfg.duration <= 0 {
		return cfg, errors.New("--requests and --duration must be positive")
	}
	if *queries != "" {
		if cfg.queries, err = readQueries(*queries); err != nil {
			return cfg, err
		}
	}
	return cfg, nil
}

// loopbackURL accepts only http(s) URLs on a loopback address: vnload is
// for measuring one's own server, not for loading anyone else's.
func loopbackURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("--url %q: %w", s, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("--url %q: scheme must be http or https", s)
	}
	host := u.Hostname()
	ip := net.ParseIP(host)
	if host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		return nil, fmt.Errorf("--url %q: refusing a non-loopback target (use 127.0.0.1, ::1 or localhost)", s)
	}
	u.Path, u.RawQuery, u.Fragment = strings.TrimSuffix(u.Path, "/"), "", ""
	return u, nil
}

func parseLevels(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || n > 1024 {
			return nil, fmt.Errorf("--levels: %q is not a concurrency between 1 and 1024", f)
		}
		out = append(out, n)
	}
	return out, nil
}

func readQueries(path string) ([]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read queries: %w", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, strings.TrimPrefix(line, "?"))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("read queries: %s has none", path)
	}
	return out, nil
}
