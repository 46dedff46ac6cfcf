package search

import (
	"context"
	"testing"
	"time"

	bsearch "github.com/blevesearch/bleve/v2/search"
)

// TestFacetTableCountsAsBleve checks that facets counted in the facet
// table equal bleve's, and that a write makes the table stale (counted
// by bleve meanwhile) until it is read again.
func TestFacetTableCountsAsBleve(t *testing.T) {
	ctx := context.Background()
	articles := loadDemo(t)
	ix := newTestIndex(t, articles...)
	queries := []string{"", "Đảng ủy", "nong thon moi", `"xây dựng nông thôn mới"`, "chinh phu year:2013", "tham nhũng -year:2013"}
	check := func(when string) {
		t.Helper()
		for _, q := range queries {
			req := Request{Query: q}
			ctx, c, err := ix.prepare(ctx, &req)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ix.searchFaceted(ctx, ix.request(req, c.base, c.hasText, 10, 0))
			if err != nil {
				t.Fatal(err)
			}
			want, err := ix.bleve.SearchInContext(ctx, ix.request(req, c.base, c.hasText, 10, 0))
			if err != nil {
				t.Fatal(err)
			}
			sameFacets(t, when+" "+q, got.Facets, want.Facets)
			if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
				t.Errorf("%s %q: %d hits of %d, want %d of %d", when, q, len(got.Hits), got.Total, len(want.Hits), want.Total)
			}
		}
	}
	waitTable := func() {
		t.Helper()
		for start := time.Now(); ix.currentFacetTable() == nil; time.Sleep(10 * time.Millisecond) {
			if time.Since(start) > time.Minute {
				t.Fatal("no facet table after a minute")
			}
		}
	}
	waitTable()
	check("table")
	a := articles[0]
	a.ID, a.Source, a.Units = "new-article", "Nguồn mới", []string{"Ủy ban nhân dân tỉnh Nghệ An"}
	if err := ix.Index(ctx, a); err != nil {
		t.Fatal(err)
	}
	if ix.currentFacetTable() != nil {
		t.Error("the facet table is current after a write")
	}
	check("after a write")
	waitTable()
	check("new table")
}

func sameFacets(t *testing.T, name string, got, want bsearch.FacetResults) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d facets, want %d", name, len(got), len(want))
	}
	for field, w := range want {
		g := got[field]
		if g == nil {
			t.Errorf("%s: no facet %s", name, field)
			continue
		}
		if g.Total != w.Total || g.Missing != w.Missing || g.Other != w.Other || g.Field != w.Field {
			t.Errorf("%s: facet %s total/missing/other %d/%d/%d, want %d/%d/%d", name, field, g.Total, g.Missing, g.Other, w.Total, w.Missing, w.Other)
		}
		gt, wt := g.Terms.Terms(), w.Terms.Terms()
		if len(gt) != len(wt) {
			t.Errorf("%s: facet %s has %d terms, want %d", name, field, len(gt), len(wt))
			continue
		}
		for i := range wt {
			if *gt[i] != *wt[i] {
				t.Errorf("%s: facet %s term %d is %+v, want %+v", name, field, i, *gt[i], *wt[i])
			}
		}
	}
}

// TestCloseStopsFacetRead closes indexes while their facet table is being
// read in the background: Close waits for the read (it read a closed
// snapshot before and panicked), and no read starts after it.
func TestCloseStopsFacetRead(t *testing.T) {
	articles := loadDemo(t)[:10]
	for range 5 {
		ix, err := Open(t.TempDir() + "/index")
		if err != nil {
			t.Fatal(err)
		}
		if err := ix.Index(context.Background(), articles...); err != nil {
			t.Fatal(err)
		}
		if ix.currentFacetTable() != nil {
			t.Fatal("a facet table before the first search")
		}
		if err := ix.Close(); err != nil {
			t.Fatal(err)
		}
		ix.facets.mu.Lock()
		reading := ix.facets.stop != nil
		ix.facets.mu.Unlock()
		if reading {
			t.Fatal("the facet table is still being read after Close")
		}
		adv, err := ix.bleve.Advanced()
		if err != nil {
			t.Fatal(err)
		}
		ix.facets.startRead(adv)
		ix.facets.done.Wait()
		if ix.facets.table.Load() != nil {
			t.Fatal("a facet table was read after Close")
		}
	}
}
