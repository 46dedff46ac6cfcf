package search

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
)

func TestOpenRefusesAnotherAnalysisVersion(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := ix.Version(); v != AnalysisVersion {
		t.Fatalf("a new index records %q, want %q", v, AnalysisVersion)
	}
	if err := ix.Index(context.Background(), fixtures...); err != nil {
		t.Fatal(err)
	}
	ix.Close()
	tests := []struct {
		name, recorded string
		wantErr        bool
	}{
		{"same version", AnalysisVersion, false},
		{"older version", "0-000000000000", true},
		{"none recorded", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setRecordedVersion(t, dir, tt.recorded)
			ix, err := Open(dir)
			var ve *VersionError
			switch {
			case !tt.wantErr && err != nil:
				t.Fatalf("Open: %v", err)
			case !tt.wantErr:
				ix.Close()
			case !errors.As(err, &ve):
				t.Fatalf("Open: %v, want a *VersionError", err)
			case ve.Index != tt.recorded || ve.Binary != AnalysisVersion || ve.Dir != dir:
				t.Errorf("VersionError %+v", ve)
			}
		})
	}
}

// setRecordedVersion records v (none when empty) as the analysis version
// of the closed index in dir.
func setRecordedVersion(t *testing.T, dir, v string) {
	t.Helper()
	ix, err := OpenAnyVersion(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if v == "" {
		err = ix.bleve.DeleteInternal(versionKey)
	} else {
		err = ix.bleve.SetInternal(versionKey, []byte(v))
	}
	if err != nil {
		t.Fatal(err)
	}
}

func TestAnEmptyIndexWithoutVersionIsStamped(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ix.Close()
	setRecordedVersion(t, dir, "")
	ix, err = Open(dir)
	if err != nil {
		t.Fatalf("an empty index without a version (a crash right after creation): %v", err)
	}
	defer ix.Close()
	if v, _ := ix.Version(); v != AnalysisVersion {
		t.Errorf("recorded %q, want %q", v, AnalysisVersion)
	}
}

func TestAnalysisVersionFollowsTheData(t *testing.T) {
	a := analysisVersion(1, "vocab", "catalog")
	for _, other := range []string{analysisVersion(2, "vocab", "catalog"), analysisVersion(1, "vocab2", "catalog"), analysisVersion(1, "vocab", "catalog2")} {
		if other == a {
			t.Errorf("%s: a change of revision or data keeps the version", other)
		}
	}
}

func TestArticlesReadsEveryStoredArticle(t *testing.T) {
	var want []Article
	for i := range 23 {
		a := fixtures[i%len(fixtures)]
		a.ID = fmt.Sprintf("a%02d", i)
		want = append(want, a)
	}
	ix := newTestIndex(t, want...)
	var got []Article
	pages := 0
	err := ix.Articles(context.Background(), 5, func(page []Article) error {
		pages++
		got = append(got, page...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if pages != 5 || len(got) != len(want) {
		t.Fatalf("%d articles in %d pages, want %d in 5", len(got), pages, len(want))
	}
	slices.SortFunc(got, func(a, b Article) int { return cmp.Compare(a.ID, b.ID) })
	for i := range want {
		stored, err := ix.Article(context.Background(), want[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(got[i]) != fmt.Sprint(*stored) {
			t.Errorf("Articles gave\n%+v\nArticle gives\n%+v", got[i], *stored)
		}
		if got[i].Body != want[i].Body || got[i].Title != want[i].Title {
			t.Errorf("%s: text differs from what was indexed", want[i].ID)
		}
	}
}

func TestCopyToWhileWriting(t *testing.T) {
	ix := newTestIndex(t, fixtures...)
	ctx := context.Background()
	done := make(chan error, 1)
	go func() {
		for i := range 20 {
			a := fixtures[0]
			a.ID = fmt.Sprintf("w%02d", i)
			if err := ix.Index(ctx, a); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	dir := filepath.Join(t.TempDir(), "copy")
	if err := ix.CopyTo(dir); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	cp, err := Open(dir)
	if err != nil {
		t.Fatalf("open the copy: %v", err)
	}
	defer cp.Close()
	n, _ := cp.Count()
	if n < uint64(len(fixtures)) || n > uint64(len(fixtures)+20) {
		t.Errorf("the copy holds %d articles, want %d to %d", n, len(fixtures), len(fixtures)+20)
	}
	if _, err := cp.Article(ctx, "f3"); err != nil {
		t.Errorf("the copy lost f3: %v", err)
	}
}
