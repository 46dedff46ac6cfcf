package analyzers_test

import (
	"fmt"

	"github.com/vnsearch/vnsearch/analyzers"
)

func ExampleNormalize() {
	fmt.Println(analyzers.Normalize("Đảng uỷ phường Hoà Bình"))
	fmt.Println(analyzers.Normalize("Kỹ thuật, lý luận"))
	// Output:
	// đảng ủy phường hòa bình
	// kĩ thuật, lí luận
}

func ExampleNormalizeCase() {
	fmt.Println(analyzers.NormalizeCase("Thị uỷ Quế Võ"))
	// Output: Thị ủy Quế Võ
}

func ExampleFold() {
	fmt.Println(analyzers.Fold("Đảng uỷ xã Chi Lăng"))
	// Output: dang uy xa chi lang
}
