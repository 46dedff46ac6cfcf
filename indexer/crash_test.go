package indexer

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vnsearch/vnsearch/indexer/dedup"
	"github.com/vnsearch/vnsearch/search"
)

// The crash test runs the crawl in a child process (this test binary,
// re-executed) and kills it with SIGKILL.
const (
	envChildState = "VNSEARCH_CRASH_STATE"      // crawl.db of the child
	envChildFeed  = "VNSEARCH_CRASH_FEED"       // feed to crawl
	envChildIndex = "VNSEARCH_CRASH_INDEX"      // file the child's store appends ids to
	envChildHang  = "VNSEARCH_CRASH_HANG_INDEX" // the Nth Index call hangs before writing
)

func TestMain(m *testing.M) {
	if os.Getenv(envChildState) != "" {
		os.Exit(crashChild())
	}
	os.Exit(m.Run())
}

func crashChild() int {
	hang, _ := strconv.Atoi(os.Getenv(envChildHang))
	store := &fileStore{path: os.Getenv(envChildIndex), hangAt: hang}
	cfg := testConfig()
	cfg.Fetch.Timeout, cfg.MaxFailures = 10*time.Second, 3 // no spurious failure on a loaded machine
	c := NewCrawler(cfg, os.Getenv(envChildState), store)
	ctx := context.Background()
	if err := c.Open(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer c.Close()
	rep := c.Crawl(ctx, Source{Name: "Crash", Schedule: "@hourly", AllowPrivate: true, Feeds: []string{os.Getenv(envChildFeed)}})
	fmt.Println("DONE", rep)
	return 0
}

// fileStore appends the id of every article it indexes to a file, synced.
type fileStore struct {
	path   string
	hangAt int
	calls  int
}

func (s *fileStore) Index(ctx context.Context, articles ...search.Article) error {
	s.calls++
	if s.calls == s.hangAt {
		fmt.Println("HANG")
		time.Sleep(time.Hour) // until the parent kills us

	}
	f, err := os.OpenFile(s.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	for _, a := range articles {
		fmt.Fprintln(f, a.ID)
	}
	return f.Sync()
}

func (s *fileStore) Article(ctx context.Context, id string) (*search.Article, error) {
	return nil, search.ErrNotFound
}

// crashSite serves a feed of n generated articles; a request for article
// blockAt (when >= 0) is reported on blocked and never answered.
type crashSite struct {
	*httptest.Server
	n       int
	mu      sync.Mutex
	hits    map[string]int
	blockAt int
	blocked chan string
}

var words = strings.Fields(`cán bộ đảng viên nhân dân chi bộ thôn xã huyện tỉnh hội nghị phong trào
thi đua xây dựng nông thôn mới kinh tế văn hóa giáo dục y tế đường giao thông nhà văn hóa mô hình điển hình
tiêu biểu sáng tạo đoàn thanh niên phụ nữ nông dân cựu chiến binh mặt trận tổ quốc chính quyền ủy ban
kiểm tra giám sát tuyên truyền vận động hiến đất trồng cây chăn nuôi hợp tác xã sản phẩm thị trường`)

func (s *crashSite) page(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	var body strings.Builder
	for p := range 3 {
		body.WriteString("<p>")
		for range 40 {
			body.WriteString(words[r.IntN(len(words))] + " ")
		}
		fmt.Fprintf(&body, "đoạn %d.</p>\n", p)
	}
	return fmt.Sprintf(`<html><head><meta charset="utf-8"><title>Bài số %d</title>
<meta property="article:published_time" content="2025-11-%02dT08:00:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>Bài số %d</h1>%s</article></body></html>`, i, 1+i, i, body.String())
}

func (s *crashSite) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

func (s *crashSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.hits[r.URL.Path]++
	block := s.blockAt >= 0 && r.URL.Path == fmt.Sprintf("/a/%d.html", s.blockAt)
	if block {
		s.blockAt = -1
	}
	s.mu.Unlock()
	switch {
	case block:
		s.blocked <- r.URL.Path
		<-r.Context().Done()
	case r.URL.Path == "/feed.xml":
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Crash</title>`)
		for i := range s.n {
			fmt.Fprintf(w, "<item><title>Bài số %d</title><link>%s/a/%d.html</link></item>", i, s.URL, i)
		}
		fmt.Fprint(w, "</channel></rss>")
	case strings.HasPrefix(r.URL.Path, "/a/"):
		i, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/a/"), ".html"))
		if err != nil || i >= s.n {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, s.page(i))
	default:
		http.NotFound(w, r)
	}
}

// crashChildCmd starts the crawl in a child process whose stdout lines go to lines.
func crashChildCmd(t *testing.T, dir, feed string, hangAt int) (*exec.Cmd, chan string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(),
		envChildState+"="+filepath.Join(dir, "crawl.db"),
		envChildFeed+"="+feed,
		envChildIndex+"="+filepath.Join(dir, "index.txt"),
		envChildHang+"="+strconv.Itoa(hangAt))
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	lines := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	return cmd, lines
}

func kill(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
}

func TestCrashRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("runs child processes")
	}
	site := &crashSite{n: 12, hits: map[string]int{}, blockAt: 4, blocked: make(chan string, 1)}
	site.Server = httptest.NewUnstartedServer(http.HandlerFunc(site.serve))
	site.Start()
	defer site.Close()
	dir := t.TempDir()
	feed := site.URL + "/feed.xml"

	// 1. Killed while fetching article 4: articles 0-3 are indexed.
	cmd, _ := crashChildCmd(t, dir, feed, 0)
	<-site.blocked
	kill(t, cmd)

	// 2. Killed after article 5 was recorded pending, before its index
	//    write (the second Index call of this process: article 4 is first).
	cmd, lines := crashChildCmd(t, dir, feed, 2)
	for line := range lines {
		if line == "HANG" {
			break
		}
	}
	kill(t, cmd)

	// 3. Runs to the end: article 5 is indexed from the pending record,
	//    then 6-11 are crawled.
	cmd, lines = crashChildCmd(t, dir, feed, 0)
	var done string
	for line := range lines {
		if strings.HasPrefix(line, "DONE") {
			done = line
		}
	}
	if err := cmd.Wait(); err != nil || done == "" {
		t.Fatalf("last run: %v %q", err, done)
	}
	t.Log(done)

	raw, err := os.ReadFile(filepath.Join(dir, "index.txt"))
	if err != nil {
		t.Fatal(err)
	}
	writes := map[string]int{}
	for _, id := range strings.Fields(string(raw)) {
		writes[id]++
	}
	for i := range site.n {
		key, _ := dedup.Key(fmt.Sprintf("%s/a/%d.html", site.URL, i))
		if n := writes[dedup.ID(key)]; n != 1 {
			t.Errorf("article %d indexed %d times, want 1", i, n)
		}
		delete(writes, dedup.ID(key))
	}
	if len(writes) != 0 {
		t.Errorf("unexpected index writes: %v", writes)
	}
	for i := range site.n {
		want := 1
		if i == 4 {
			want = 2 // in flight when the first child was killed
		}
		if n := site.count(fmt.Sprintf("/a/%d.html", i)); n != want {
			t.Errorf("article %d fetched %d times, want %d", i, n, want)
		}
	}
}
