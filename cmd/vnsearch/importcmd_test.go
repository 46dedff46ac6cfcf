package main

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vnsearch/vnsearch/search"
)

// vnsearch runs the command line in-process.
func vnsearch(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(context.Background(), args, &out, &errb)
	return out.String(), errb.String(), code
}

func TestImportReportsMalformedLinesAndUpdates(t *testing.T) {
	data := t.TempDir()
	in := filepath.Join("testdata", "import.jsonl")
	out, errOut, code := vnsearch(t, "import", "--quiet", "--data", data, in)
	if code != 0 {
		t.Fatalf("import exit %d: %s", code, errOut)
	}
	for _, want := range []string{"line 2: bad JSON", "line 3: bad JSON", `line 5: no "id"`, `line 7: published "hôm qua"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "3 articles indexed (3 new, 0 updated, 0 syndicated copies grouped), 4 malformed lines skipped") {
		t.Errorf("summary: %s", out)
	}
	out, _, code = vnsearch(t, "import", "--quiet", "--data", data, in)
	if code != 0 || !strings.Contains(out, "3 articles indexed (0 new, 3 updated, 0 syndicated copies grouped)") {
		t.Errorf("re-import: exit %d, %s", code, out)
	}
	out, _, _ = vnsearch(t, "stats", "--data", data)
	if !strings.Contains(out, "articles: 3\n") {
		t.Errorf("stats after re-import: %s", out)
	}
}

func TestImportArgs(t *testing.T) {
	for _, args := range [][]string{
		{"import"}, {"import", "a", "b"}, {"import", "--demo", "x"}, {"import", "--data", t.TempDir(), "no-such-file.jsonl"},
	} {
		if _, _, code := vnsearch(t, args...); code == 0 {
			t.Errorf("%v: exit 0", args)
		}
	}
}

func TestSearchCommand(t *testing.T) {
	data := t.TempDir()
	if _, errOut, code := vnsearch(t, "import", "--quiet", "--data", data, filepath.Join("testdata", "import.jsonl")); code != 0 {
		t.Fatal(errOut)
	}
	out, errOut, code := vnsearch(t, "search", "--data", data, "--json", "dang uy chi lang")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var res search.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out)
	}
	if res.Total != 1 || res.Hits[0].ID != "t1" {
		t.Errorf("result: %+v", res)
	}
	h := res.Hits[0]
	if !strings.Contains(strings.Join(h.Snippets, ""), "<mark>") || !contains(h.Directives, "05-CT/TW") || !contains(h.Units, "Đảng ủy xã Chi Lăng") {
		t.Errorf("hit: %+v", h)
	}
	out, _, code = vnsearch(t, "search", "--data", data, "thuy loi")
	if code != 0 || !strings.Contains(out, "1 results") || !strings.Contains(out, "Did you mean: Thủy lợi") {
		t.Errorf("text output: %s", out)
	}
	if _, errOut, code := vnsearch(t, "search", "--data", data, "foo:bar"); code == 0 || !strings.Contains(errOut, "unknown filter") {
		t.Errorf("bad query: exit %d, %s", code, errOut)
	}
	out, _, _ = vnsearch(t, "search", "--data", data, "year:2021")
	if !strings.Contains(out, "Thủy lợi nội đồng") || strings.Contains(out, "Đảng ủy xã") {
		t.Errorf("year filter: %s", out)
	}
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// TestImportIntoServer imports through a running serve's admin API: the
// same summary and the same skipped lines as a local import.
func TestImportIntoServer(t *testing.T) {
	base, stop := startServe(t, "--admin-token", "tok")
	defer stop()
	in := filepath.Join("testdata", "import.jsonl")
	t.Setenv("VNSEARCH_ADMIN_TOKEN", "tok")
	out, errOut, code := vnsearch(t, "import", "--quiet", "--server", base, in)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"skipped line 2: bad JSON", "skipped line 3: bad JSON", `skipped line 5: no "id"`, `skipped line 7: published "hôm qua"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "3 articles indexed (3 new, 0 updated, 0 syndicated copies grouped), 4 malformed lines skipped") {
		t.Errorf("summary: %s", out)
	}
	out, errOut, code = vnsearch(t, "import", "--quiet", "--server", base, "--token", "wrong", in)
	if code == 0 || !strings.Contains(errOut, "missing or wrong bearer token") {
		t.Errorf("wrong token: exit %d, %s %s", code, out, errOut)
	}
}
