package directive

import (
	"os"
	"testing"
	"time"
)

// seedText returns the real seed article, skipping when it is absent.
func seedText(tb testing.TB) string {
	tb.Helper()
	data, err := os.ReadFile("../../../shared/seed/000_b6162edb66d1b8a4.txt")
	if err != nil {
		tb.Skipf("seed article absent: %v", err)
	}
	return string(data)
}

func BenchmarkFind(b *testing.B) {
	text := seedText(b)
	pub := time.Date(2023, 5, 19, 0, 0, 0, 0, time.UTC)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		find(text, pub)
	}
}

func BenchmarkFindDocuments(b *testing.B) {
	text := seedText(b)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		findDocuments(text)
	}
}
