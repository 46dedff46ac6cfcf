package model

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vnsearch/vnsearch/analyzers/words"
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

// checkResult fails unless models are distinct, sorted, valid UTF-8,
// non-empty and at most maxNames, and the result is the same on a second
// run. It returns the result.
func checkResult(t *testing.T, title, lead, body string) (bool, []string) {
	t.Helper()
	example, models := Classify(title, lead, body)
	if !slices.IsSorted(models) || len(slices.Compact(slices.Clone(models))) != len(models) {
		t.Fatalf("models not sorted and distinct: %q", models)
	}
	if len(models) > maxNames {
		t.Fatalf("%d models, more than %d", len(models), maxNames)
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
	return example, models
}

// TestAdversarial classifies the adversarial inputs and a megabyte of
// junk, with the same text (cut) as title and lead, and checks what comes
// out: the flag and the names expected, never more than maxNames names,
// each a catalog name or written in the text.
func TestAdversarial(t *testing.T) {
	junk := make([]byte, 1<<20)
	for i := range junk {
		junk[i] = byte(i*7919 + i/13)
	}
	var many strings.Builder // a megabyte of distinct quoted names
	for i := 0; many.Len() < words.MaxBytes+5000; i++ {
		fmt.Fprintf(&many, "phong trào “Vì Nhà %d” ", i)
	}
	tests := []struct {
		text    string
		example bool
		models  []string // nil: none; for many, the first maxNames
	}{
		{adversarial[0], false, nil},
		{adversarial[1], false, nil},
		{adversarial[2], false, nil},
		{adversarial[3], false, nil}, // no closing quote: "khéophong" is one word
		{adversarial[4], false, nil},
		{adversarial[5], false, nil},
		{adversarial[6], false, nil},
		{adversarial[7], false, nil},
		{strings.Repeat("phong trào “Dân vận khéo” ", 40_000), false, []string{"Dân vận khéo"}},
		{strings.Repeat("phong trào “Mỗi tuần một việc tốt”, ", 30_000), true, []string{"Mỗi tuần một việc tốt"}},
		{string(junk), false, nil},
	}
	if len(tests)-3 != len(adversarial) {
		t.Fatalf("%d adversarial inputs, %d checked", len(adversarial), len(tests)-3)
	}
	for _, tt := range tests {
		example, models := checkResult(t, tt.text[:min(len(tt.text), 200)], tt.text[:min(len(tt.text), 2000)], tt.text)
		if example != tt.example || !slices.Equal(models, tt.models) {
			t.Errorf("%.24q…: %v %q, want %v %q", tt.text, example, models, tt.example, tt.models)
		}
		if c := Canonical(tt.text); c != "" {
			t.Errorf("Canonical of a %d-byte repetition = %q, want \"\"", len(tt.text), c)
		}
	}
	_, models := checkResult(t, "", "", many.String())
	if len(models) != maxNames {
		t.Errorf("%d distinct quoted names: %d models, want the bound %d", 30_000, len(models), maxNames)
	}
	for _, m := range models {
		if !strings.Contains(many.String(), "“"+m+"”") {
			t.Errorf("model %q is not quoted in the text", m)
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
