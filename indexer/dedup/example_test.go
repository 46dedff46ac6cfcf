package dedup_test

import (
	"fmt"

	"github.com/vnsearch/vnsearch/indexer/dedup"
)

func ExampleKey() {
	for _, u := range []string{
		"https://www.nhandan.vn/bai-viet-post1.html?utm_source=zalo#binh-luan",
		"http://nhandan.vn:80/bai-viet-post1.html",
	} {
		key, _ := dedup.Key(u)
		fmt.Println(key, dedup.ID(key))
	}
	// Output:
	// nhandan.vn/bai-viet-post1.html cb74510973aee5fa3a4cb6424b8b070d
	// nhandan.vn/bai-viet-post1.html cb74510973aee5fa3a4cb6424b8b070d
}
