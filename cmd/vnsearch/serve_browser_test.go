package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts a fresh headless Chromium for one test, or skips the test
// when Chromium is absent outside CI (in CI its absence is a failure).
func browser(t *testing.T) context.Context {
	t.Helper()
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("no Chromium at %s (apt-get install chromium); set CI=true to make this a failure", chromiumPath)
		}
		t.Fatalf("CI=%s but no Chromium at %s: %v", os.Getenv("CI"), chromiumPath, err)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(chromiumPath),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	// Start the browser on the test-long context: steps run under shorter
	// contexts derived from it, which must not own the browser.
	must(t, "start Chromium", chromedp.Do(ctx))
	return ctx
}

// demoServer serves the page over a real index of the demo corpus.
func demoServer(t *testing.T) *httptest.Server {
	t.Helper()
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	ix, err := openIndex(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if err := ensureDemo(context.Background(), ix, log); err != nil {
		t.Fatal(err)
	}
	h, err := newHandler(defaultServeConfig(), ix, nil, log)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(h)
	t.Cleanup(ts.Close)
	return ts
}

// TestBrowserSearch drives the page in headless Chromium on the demo
// corpus: a quote typed without diacritics finds its article first with
// highlights, a directive facet narrows the results, and on a phone the
// keyboard picks a suggestion as the user types.
func TestBrowserSearch(t *testing.T) {
	ctx := browser(t)
	ts := demoServer(t)

	// A quote typed without diacritics finds the article quoting it.
	do(t, ctx, "open the page",
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "de tram lan khong dan cung chiu"),
	)
	navigate(t, ctx, "submit the quote", chromedp.Submit(chromedp.ID("q")))
	first := value(t, ctx, chromedp.AttributeValue(chromedp.CSS("ol.hits li.hit h2 a"), "href"))
	if first.Value != "/articles/demo-001" {
		t.Errorf("first hit %q, want /articles/demo-001 (the article quoting the saying)", first.Value)
	}
	marks := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("ol.hits li.hit:first-child .snippet mark").length`))
	if marks == 0 {
		t.Error("first hit has no <mark> highlight")
	}
	screenshot(t, ctx, "quote-desktop.png")

	// A directive facet narrows the results to its count and shows itself
	// as selected.
	const facet = `.facet[data-facet="directive"] li:first-child`
	do(t, ctx, "search dan van", chromedp.Navigate(ts.URL+"/?q=dan+van"), chromedp.WaitVisible(chromedp.CSS(facet+" a")))
	before := value(t, ctx, chromedp.Text(chromedp.ID("total")))
	facetCount := value(t, ctx, chromedp.Text(chromedp.CSS(facet+" .count")))
	navigate(t, ctx, "click the directive facet", chromedp.Click(chromedp.CSS(facet+" a")))
	do(t, ctx, "see the facet selected", chromedp.WaitVisible(chromedp.CSS(`.facet[data-facet="directive"] a.selected`)))
	after := value(t, ctx, chromedp.Text(chromedp.ID("total")))
	if count(t, after) >= count(t, before) || after != facetCount {
		t.Errorf("directive facet: %s results before, %s after, facet said %s", before, after, facetCount)
	}
	if chip := value(t, ctx, chromedp.Text(chromedp.CSS(".chips .chip"))); !strings.HasPrefix(chip, "Văn bản chỉ đạo:") {
		t.Errorf("selected filter shown as %q", chip)
	}
	screenshot(t, ctx, "search-desktop.png")

	// On a phone, typing shows suggestions.
	do(t, ctx, "type on a phone",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "dân v"),
		// The suggestions for the whole text, not for a prefix typed
		// while the keys were still arriving.
		chromedp.WaitVisible(chromedp.CSS(`#suggestions[data-for="dân v"] li`)),
	)
	screenshot(t, ctx, "suggest-mobile.png")

	// The keyboard picks a suggestion and searches for it.
	want := value(t, ctx, chromedp.Text(chromedp.CSS(`#suggestions[data-for="dân v"] li`)))
	do(t, ctx, "highlight the first suggestion", chromedp.KeyEvent(kb.ArrowDown))
	navigate(t, ctx, "search for it with Enter", chromedp.KeyEvent(kb.Enter))
	do(t, ctx, "see its results", chromedp.WaitVisible(chromedp.CSS("ol.hits li.hit")))
	if got := value(t, ctx, chromedp.Value(chromedp.ID("q"))); got != want {
		t.Errorf("searched for %q, want the suggestion %q", got, want)
	}
}

// TestBrowserExamplesAndModels drives the staff workflows on the demo
// corpus: the "Chỉ điển hình" box keeps only model examples, and the models
// view lists a known model with its articles, whose search finds as many.
func TestBrowserExamplesAndModels(t *testing.T) {
	ctx := browser(t)
	ts := demoServer(t)

	do(t, ctx, "search dan van", chromedp.Navigate(ts.URL+"/?q=dan+van"), chromedp.WaitVisible(chromedp.ID("example")))
	before := value(t, ctx, chromedp.Text(chromedp.ID("total")))
	navigate(t, ctx, "tick Chỉ điển hình", chromedp.Click(chromedp.ID("example")))
	do(t, ctx, "see the box ticked", chromedp.WaitVisible(chromedp.CSS("#example:checked")))
	after := value(t, ctx, chromedp.Text(chromedp.ID("total")))
	if n := count(t, after); n == 0 || n >= count(t, before) {
		t.Errorf("Chỉ điển hình: %s results before, %s after", before, after)
	}
	hits := value(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll("ol.hits li.hit").length`))
	badged := value(t, ctx, chromedp.Evaluate[int](
		`[...document.querySelectorAll("ol.hits li.hit")].filter(h => h.querySelector(".badge")?.textContent === "Điển hình").length`))
	if hits == 0 || badged != hits {
		t.Errorf("%d of %d results carry the Điển hình badge", badged, hits)
	}
	screenshot(t, ctx, "examples-desktop.png")

	// The header leads to the models view, which lists a model of the demo
	// corpus with its articles.
	navigate(t, ctx, "open the models view", chromedp.Click(chromedp.CSS(`.top .nav a`)))
	do(t, ctx, "see the models", chromedp.WaitVisible(chromedp.CSS(".model")))
	const card = `[...document.querySelectorAll(".model")].find(m => m.querySelector("h2 a").textContent === "Dân vận khéo")`
	articles := value(t, ctx, chromedp.Evaluate[int](`(`+card+`)?.querySelectorAll(".model-articles li").length ?? -1`))
	if articles <= 0 {
		t.Fatalf("the models view has no Dân vận khéo card with articles (%d)", articles)
	}
	units := value(t, ctx, chromedp.Evaluate[int](`(`+card+`).querySelectorAll(".breakdown li").length`))
	if units == 0 {
		t.Error("Dân vận khéo has no breakdown by unit or directive")
	}
	shown := value(t, ctx, chromedp.Evaluate[string](`(`+card+`).querySelector("h2 .count").textContent`))
	screenshot(t, ctx, "models-desktop.png")

	// Its search finds as many articles as the card says.
	more := value(t, ctx, chromedp.Evaluate[string](`(`+card+`).querySelector(".more a").getAttribute("href")`))
	do(t, ctx, "open its articles", chromedp.Navigate(ts.URL+more), chromedp.WaitVisible(chromedp.ID("total")))
	if total := value(t, ctx, chromedp.Text(chromedp.ID("total"))); total+" bài" != shown {
		t.Errorf("the card says %q, its search finds %s", shown, total)
	}

	do(t, ctx, "models on a phone",
		chromedp.EmulateViewport(390, 844),
		chromedp.Navigate(ts.URL+"/models"),
		chromedp.WaitVisible(chromedp.CSS(".model")),
	)
	screenshot(t, ctx, "models-mobile.png")
}

// stepTimeout bounds one step, so that a missing element fails the test
// quickly with the step's name.
const stepTimeout = 20 * time.Second

func must(t *testing.T, step string, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
}

func do(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	must(t, step, chromedp.Do(ctx, actions...))
}

// navigate runs an action that loads a new page and waits for the load.
func navigate(t *testing.T, ctx context.Context, step string, a chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	_, err := chromedp.RunResponse(ctx, a)
	must(t, step, err)
}

func value[T any](t *testing.T, ctx context.Context, a chromedp.Action[T]) T {
	t.Helper()
	ctx, cancel := context.WithTimeout(ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	must(t, "browser", err)
	return v
}

func count(t *testing.T, s string) int {
	t.Helper()
	n, err := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	if err != nil {
		t.Fatalf("result count %q: %v", s, err)
	}
	return n
}

// screenshot saves the whole page as PNG (quality 100) to $VNSEARCH_SCREENSHOT_DIR, or the test's
// temporary directory.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png := value(t, ctx, chromedp.FullScreenshot(100))
	dir := os.Getenv("VNSEARCH_SCREENSHOT_DIR")
	if dir == "" {
		dir = t.TempDir()
	}
	path := filepath.Join(dir, name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", path)
}
