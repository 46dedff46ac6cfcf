package unit

import (
	"os"
	"testing"
)

func BenchmarkFind(b *testing.B) {
	data, err := os.ReadFile("../../../shared/seed/000_b6162edb66d1b8a4.txt")
	if err != nil {
		b.Skipf("seed article absent: %v", err)
	}
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text)
	}
}
