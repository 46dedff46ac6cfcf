package extract_test

import (
	"fmt"

	"github.com/vnsearch/vnsearch/indexer/extract"
)

func ExampleVisibleDate() {
	for _, s := range []string{"Thứ Hai, 24/11/2025 09:15", "24/11/2025 - 09:15 (GMT+7)", "Cập nhật lúc 07:45 ngày 19/11/2025"} {
		t, _ := extract.VisibleDate(s)
		fmt.Println(t.Format("2006-01-02 15:04 -07:00"))
	}
	// Output:
	// 2025-11-24 09:15 +07:00
	// 2025-11-24 09:15 +07:00
	// 2025-11-19 07:45 +07:00
}
