package state

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/indexer/fetch"
	"github.com/vnsearch/vnsearch/search"
)

func open(t *testing.T, path string) *DB {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestRecordsSurviveReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.db")
	db := open(t, path)
	now := time.Date(2025, 11, 24, 9, 0, 0, 0, time.UTC)
	a := Record{ID: "a", URL: "https://x.vn/a.html", Status: Pending, Keys: []string{"x.vn/a.html", "x.vn/a-amp.html"},
		Crawled: now, Sketch: dedup.Sketch{1, 2, 3, 4}, Article: &search.Article{ID: "a", Title: "Một"}}
	b := Record{ID: "b", Status: Indexed, Keys: []string{"y.vn/b.html"}, Crawled: now, Sketch: dedup.Sketch{1, 2, 3, 9}, Group: "b"}
	c := Record{ID: "c", Status: Indexed, Keys: []string{"z.vn/c.html"}, Crawled: now, Sketch: dedup.Sketch{5, 6, 7, 8}}
	if err := db.Fail("x.vn/a.html", "timeout", false, now); err != nil {
		t.Fatal(err)
	}
	if err := db.Put(a, b, c); err != nil {
		t.Fatal(err)
	}
	if err := db.SetValidators("https://x.vn/rss", fetch.Validators{ETag: `"7"`}); err != nil {
		t.Fatal(err)
	}
	if err := db.SetLastmod("https://x.vn/sitemap-2025-10.xml", now); err != nil {
		t.Fatal(err)
	}
	if err := db.SetUpdated("x.vn/a.html", now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	db.Close()

	db = open(t, path)
	defer db.Close()
	if rec, ok, err := db.Lookup("x.vn/a-amp.html"); err != nil || !ok || rec.ID != "a" || rec.Article.Title != "Một" {
		t.Errorf("lookup: %+v %v %v", rec, ok, err)
	}
	if _, ok, _ := db.Failure("x.vn/a.html"); ok {
		t.Error("failure not cleared by a successful save")
	}
	pending, err := db.Pending()
	if err != nil || len(pending) != 1 || pending[0].ID != "a" {
		t.Errorf("pending: %+v %v", pending, err)
	}
	similar, err := db.Similar(dedup.Sketch{1, 2, 3, 10}, "a")
	if err != nil || len(similar) != 1 || similar[0].ID != "b" {
		t.Errorf("similar: %+v %v", similar, err)
	}
	if v, _ := db.Validators("https://x.vn/rss"); v.ETag != `"7"` {
		t.Errorf("validators %+v", v)
	}
	if lm, err := db.Lastmod("https://x.vn/sitemap-2025-10.xml"); err != nil || !lm.Equal(now) {
		t.Errorf("lastmod %v %v", lm, err)
	}
	if lm, err := db.Lastmod("https://x.vn/other.xml"); err != nil || !lm.IsZero() {
		t.Errorf("unknown lastmod %v %v", lm, err)
	}
	if up, err := db.Updated("x.vn/a.html"); err != nil || !up.Equal(now.Add(time.Hour)) {
		t.Errorf("update time %v %v", up, err)
	}
	if up, err := db.Updated("x.vn/b.html"); err != nil || !up.IsZero() {
		t.Errorf("unknown update time %v %v", up, err)
	}

	// Moving b to another group removes it from the old one.
	a.Status, a.Article, a.Group, b.Group = Indexed, nil, "a", "a"
	if err := db.Put(a, b); err != nil {
		t.Fatal(err)
	}
	if m, _ := db.Members("b"); len(m) != 0 {
		t.Errorf("old group members %+v", m)
	}
	if m, _ := db.Members("a"); len(m) != 2 {
		t.Errorf("new group members %+v", m)
	}
	if p, _ := db.Pending(); len(p) != 0 {
		t.Errorf("pending after index: %+v", p)
	}
}

func TestFailures(t *testing.T) {
	db := open(t, filepath.Join(t.TempDir(), "crawl.db"))
	defer db.Close()
	now := time.Now()
	db.Fail("x.vn/gone", "http status 404", true, now)
	db.Fail("x.vn/gone", "http status 404", true, now)
	f, ok, err := db.Failure("x.vn/gone")
	if err != nil || !ok || f.Count != 2 || !f.Permanent || f.Reason != "http status 404" {
		t.Errorf("failure %+v %v %v", f, ok, err)
	}
}

func TestOpenLocked(t *testing.T) {
	path := filepath.Join(t.TempDir(), "crawl.db")
	db := open(t, path)
	defer db.Close()
	if _, err := Open(path); err == nil {
		t.Error("second open of a locked state file succeeded")
	}
}
