package model

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// adversarial are inputs built to make a matcher backtrack or loop: the
// same cue, trigger or quote mark over and over, up to and past the 1 MiB
// bound.
var adversarial = []string{
	strings.Repeat("mô hình ", 100_000),
	strings.Repeat("mo hinh ", 200_000),
	strings.Repeat("phong trào “", 60_000),
	strings.Repeat("phong trào “Dân vận khéo", 40_000),
	strings.Repeat("“", 300_000),
	strings.Repeat("học tập và làm theo ", 50_000),
	strings.Repeat("điển hình tiêu biểu, ", 50_000),
	norm.NFD.String(strings.Repeat("gương sáng ", 80_000)),
}

// checkResult fails unless models are distinct, sorted, valid UTF-8 and
// non-empty, and the result is the same on a second run.
func checkResult(t *testing.T, title, lead, body string) {
	t.Helper()
	example, models := Classify(title, lead, body)
	if !slices.IsSorted(models) || len(slices.Compact(slices.Clone(models))) != len(models) {
		t.Fatalf("models not sorted and distinct: %q", models)
	}
	for _, m := range models {
		if m == "" || !utf8.ValidString(m) {
			t.Fatalf("bad model name %q", m)
		}
	}
	again, models2 := Classify(title, lead, body)
	if again != example || !slices.Equal(models, models2) {
		t.Fatalf("Classify is not deterministic")
	}
}

func TestAdversarial(t *testing.T) {
	for _, s := range adversarial {
		checkResult(t, s[:min(len(s), 200)], s[:min(len(s), 2000)], s)
		if c := Canonical(s); c != "" {
			t.Errorf("Canonical of a %d-byte repetition = %q, want \"\"", len(s), c)
		}
	}
}

func FuzzClassify(f *testing.F) {
	f.Add("Cách làm hay", "phong trào “Dân vận khéo”", "điển hình tiêu biểu")
	f.Add("", "", "mô hình “")
	f.Add("Bao so 3", "", "hoc tap va lam theo Bac")
	f.Add(norm.NFD.String("gương sáng"), "\xff\xfe", "phong trào \"Mỗi tuần một việc tốt\"")
	f.Fuzz(func(t *testing.T, title, lead, body string) {
		checkResult(t, title, lead, body)
		if c := Canonical(title + lead); c != "" && !slices.Contains(Catalog(), c) {
			t.Fatalf("Canonical(%q) = %q, not a catalog name", title+lead, c)
		}
	})
}
