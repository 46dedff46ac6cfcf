package model_test

import (
	"fmt"

	"github.com/vnsearch/vnsearch/analyzers/model"
)

func ExampleClassify() {
	example, models := model.Classify(
		"Cách làm hay của Chi đoàn thôn Hà Thạch",
		"Hưởng ứng phong trào “Tuổi trẻ chung tay xây dựng nông thôn mới”, chi đoàn được huyện chọn là điển hình tiêu biểu.",
		"Mô hình đang được nhân rộng ra các thôn.")
	fmt.Println(example, models)
	// Output: true [Tuổi trẻ chung tay xây dựng nông thôn mới]
}

func ExampleCanonical() {
	fmt.Println(model.Canonical("hoc tap va lam theo Bac"))
	fmt.Println(model.Canonical("Toàn dân đoàn kết xây dựng đời sống văn hoá"))
	fmt.Printf("%q\n", model.Canonical("mô hình tăng trưởng"))
	// Output:
	// Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh
	// Toàn dân đoàn kết xây dựng đời sống văn hóa
	// ""
}
