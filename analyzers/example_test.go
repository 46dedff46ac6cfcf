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

func ExampleAnalyze() {
	for _, t := range analyzers.Analyze("Chỉ thị 05-CT/TW") {
		fmt.Println(t.Term, t.Position, t.Start, t.End)
	}
	// Output:
	// chỉ 1 0 5
	// thị 2 6 11
	// 05 3 12 14
	// 05-ct/tw 3 12 20
	// ct 4 15 17
	// tw 5 18 20
}

func ExampleAnalyzeFolded() {
	for _, t := range analyzers.AnalyzeFolded("Đảng uỷ") {
		fmt.Println(t.Term, t.Position, t.Start, t.End)
	}
	// Output:
	// dang 1 0 7
	// uy 2 8 12
}

func ExampleHasDiacritics() {
	fmt.Println(analyzers.HasDiacritics("dang uy"), analyzers.HasDiacritics("Đảng ủy"))
	// Output: false true
}
