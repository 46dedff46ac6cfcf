package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers"
)

// corpusFile writes a small corpus of three articles.
func corpusFile(t *testing.T) string {
	t.Helper()
	para := func(s string) string { return strings.Repeat(s+" ", 8) }
	var b strings.Builder
	for i, body := range []string{
		para("Đảng ủy xã lãnh đạo xây dựng nông thôn mới.") + "\n" + para("Người dân hiến đất làm đường giao thông."),
		para("Hội đồng nhân dân tỉnh họp kỳ thứ mười."),
		para("Công an huyện tuần tra bảo đảm an ninh trật tự."),
	} {
		line, _ := json.Marshal(map[string]string{"id": "a" + string(rune('0'+i)), "title": "Tiêu đề số " + string(rune('0'+i)), "body": body, "source": "Báo " + string(rune('A'+i))})
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestArticles(t *testing.T) {
	path := corpusFile(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"articles", "--n", "50", path}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		if ids[r.ID] || r.Title == "" || r.Published == "" || strings.Count(r.Body, "\n") < 4 {
			t.Errorf("bad article %+v", r)
		}
		ids[r.ID] = true
	}
	if len(ids) != 50 {
		t.Errorf("%d articles, want 50", len(ids))
	}
	var again bytes.Buffer
	if err := run(context.Background(), []string{"articles", "--n", "50", path}, &again, os.Stderr); err != nil || again.String() != out.String() {
		t.Errorf("a second run with the same seed differs (%v)", err)
	}
}

func TestQueries(t *testing.T) {
	path := corpusFile(t)
	var out bytes.Buffer
	if err := run(context.Background(), []string{"queries", "--n", "5", path}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	quoted := 0
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		v, err := url.ParseQuery(line)
		if err != nil || v.Get("q") == "" || seen[line] {
			t.Fatalf("bad or repeated query line %q (%v)", line, err)
		}
		seen[line] = true
		if strings.HasPrefix(v.Get("q"), `"`) {
			quoted++
		}
	}
	if quoted < 10 {
		t.Errorf("%d quoted passages, want the passages in several typings", quoted)
	}
}

func TestQueryShapes(t *testing.T) {
	path := corpusFile(t)
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"queries", "--n", "5", "--shapes", dir, path}, &out, os.Stderr); err != nil {
		t.Fatal(err)
	}
	mix := strings.Fields(out.String())
	var all []string
	for _, shape := range queryShapes {
		b, err := os.ReadFile(filepath.Join(dir, shape+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Fields(string(b))
		if len(lines) == 0 && shape != "tone" { // a passage may have no other tone placement
			t.Errorf("no %s queries", shape)
		}
		for _, line := range lines {
			v, _ := url.ParseQuery(line)
			q := v.Get("q")
			quoted := strings.HasPrefix(q, `"`)
			var ok bool
			switch shape {
			case "exact", "tone":
				ok = quoted && analyzers.HasDiacritics(q) && norm.NFC.IsNormalString(q)
			case "folded":
				ok = quoted && !analyzers.HasDiacritics(q)
			case "nfd":
				ok = quoted && !norm.NFC.IsNormalString(q)
			case "titles":
				ok = !quoted && !analyzers.HasDiacritics(q)
			}
			if !ok {
				t.Errorf("%s file holds %q", shape, q)
			}
		}
		all = append(all, lines...)
	}
	slices.Sort(all)
	slices.Sort(mix)
	if !slices.Equal(all, mix) {
		t.Errorf("the shape files hold %d queries, the mix %d: not the same queries", len(all), len(mix))
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"nope"}, {"articles"}, {"articles", "--n", "0", "x"}} {
		if err := run(context.Background(), args, &bytes.Buffer{}, &bytes.Buffer{}); err == nil {
			t.Errorf("%q: no error", args)
		}
	}
}
