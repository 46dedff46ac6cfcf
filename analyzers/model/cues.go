package model

import "github.com/vnsearch/vnsearch/analyzers/words"

// The cue phrases of the example scorer and their weights. A phrase counts
// where it stands (see sectionWeight), once in the title, once in the lead
// and at most maxBodyCount times in the body. Longer phrases win over the shorter ones they contain, so
// "mô hình tăng trưởng" (weight 0) keeps "mô hình" from counting.
var cueWeights = mergeCues(
	// A model named as such: the words newsrooms use to hold something up.
	map[string]int{
		"điển hình tiêu biểu": 4, "gương điển hình": 4, "điển hình tiên tiến": 4,
		"gương sáng": 4, "tấm gương sáng": 4, "cách làm hay": 4, "cách làm sáng tạo": 3,
		"cách làm hiệu quả": 3, "cách làm mới": 2, "mô hình hay": 3, "mô hình hiệu quả": 3,
		"mô hình điểm": 1, "nhân rộng": 2, "điểm sáng": 2, "gương người tốt, việc tốt": 3,
		"người tốt, việc tốt": 2, "điển hình": 2, "tấm gương": 2, "kiểu mẫu": 2,
		"bí quyết": 1, "biểu dương": 2, "tiêu biểu": 1, "gương mẫu": 1, "nêu gương": 1,
		"mô hình": 1, "lan tỏa": 1, "làm theo Bác": 2, "việc làm cụ thể": 1,
		"việc tốt": 1, "sáng kiến": 1, "đi đầu": 1, "được công nhận": 1, "khen thưởng": 1,
		"thoát nghèo": 1, "làm giàu": 1, "tình nguyện": 1,
		"phong trào thi đua": 1, "cuộc vận động": 1, "giữ lửa": 2, "tận tụy": 1,
		"hết lòng": 1, "người đứng đầu": 0, "cách làm": 1, "việc cụ thể": 1,
		"bằng khen": 1, "thành tích xuất sắc": 2, "tuyên dương": 2, "tôn vinh": 2,
		"hình mẫu": 3, "bài học quý": 2, "bài học kinh nghiệm": 2, "kim chỉ nam": 1,
	},
	// A model that others come to learn from, a movement taken up, results
	// that show: the words of reports that hold something up without the
	// table's words of praise.
	map[string]int{
		"học tập kinh nghiệm": 2, "tham quan, học tập": 2, "đến học tập": 2, "học hỏi kinh nghiệm": 1,
		"hưởng ứng rộng rãi": 3, "được hưởng ứng": 2, "hưởng ứng tích cực": 2,
		"hiệu quả thiết thực": 2, "hiệu quả rõ rệt": 2, "mang lại hiệu quả": 1, "đánh giá cao": 1,
		"chiến sĩ thi đua": 2, "vượt khó": 2, "làm theo": 1,
	},
	// A portrait: a person the people trust, who has worked quietly for
	// years.
	map[string]int{
		"tin yêu": 2, "gọi thân mật": 2, "tin tưởng": 1, "miệt mài": 1, "thầm lặng": 1, "lặng lẽ": 1,
		"tâm huyết": 1, "tận tâm": 1, "không quản": 1, "bám bản": 1, "bám trụ": 1,
	},
	// "mô hình" that names no model: an economic or administrative model;
	// "điển hình" meaning "typical", "for instance".
	map[string]int{
		"điển hình là": 0, "điển hình như": 0, "trường hợp điển hình": 0, "ví dụ điển hình": 0,
		"vụ việc điển hình": 0, "điển hình nhất": 0,
		"mô hình tăng trưởng": 0, "mô hình chính quyền": 0, "mô hình tổ chức": 0,
		"mô hình chính quyền địa phương hai cấp": 0, "mô hình kinh tế": 0,
		"mô hình quản lý": 0, "mô hình hoạt động": 0, "mô hình mới": 0, "mô hình đánh giá": 0,
		"tin tưởng rằng": 0,
	},
	// Emulation as bureaucracy, contests and their prizes: no model is
	// held up.
	map[string]int{
		"thi đua, khen thưởng": -1, "Luật Thi đua": -2, "cuộc thi": -1, "trao giải": -1,
		"kế hoạch hoạt động": -2, "hướng tới kỷ niệm": -2, "diễn đàn": -1, "kêu gọi": -1,
	},
	// Ceremonies of remembrance and of an institution's founding.
	map[string]int{
		"năm thành lập": -2, "dâng hương": -3, "truy điệu": -3, "lễ tang": -3, "từ trần": -3,
	},
	// A meeting, a session, a policy being passed or handed down.
	map[string]int{
		"quán triệt": -3, "hội nghị": -1, "kỳ họp": -3, "tiếp xúc cử tri": -4,
		"cử tri": -2, "chất vấn": -3, "đại biểu Quốc hội": -2, "thông qua": -1,
		"dự thảo": -2, "có hiệu lực": -3, "tập huấn": -2, "hướng dẫn thi hành": -2,
		"giám sát": -2, "khảo sát": -1, "bế mạc": -3, "khai mạc": -2, "công bố": -1,
		"sáp nhập": -1, "hợp nhất": -1, "bỏ phiếu": -2, "biểu quyết": -2,
		"nghị định": -1, "tờ trình": -2, "tổ chức bộ máy": -1, "sắp xếp": -1,
	},
	// Figures and the economy.
	map[string]int{
		"tăng trưởng": -1, "GDP": -2, "ngân sách": -1, "giải ngân": -2, "tổng vốn": -2,
		"tỷ đồng": -1,
	},
	// Business, entertainment, sport and world news: "bí quyết", "điểm
	// sáng", "tấm gương" there praise no model of public life.
	map[string]int{
		"xuất khẩu": -1, "kim ngạch": -2, "doanh thu": -1, "lợi nhuận": -1, "cổ phiếu": -2,
		"lãi suất": -2, "ca sĩ": -2, "diễn viên": -2, "hoa hậu": -2, "người mẫu": -2,
		"bóng đá": -2, "cầu thủ": -2, "huấn luyện viên": -2, "HLV": -2, "giải đấu": -2,
		"bộ phim": -1, "giảm cân": -2, "làm đẹp": -2, "showbiz": -2, "Tổng thống": -2,
		"bất động sản": -2, "chủ đầu tư": -2, "căn hộ": -2, "thương hiệu": -1, "công ty cổ phần": -1,
	},
	// Disasters, accidents, crime and discipline.
	map[string]int{
		"bão": -3, "bão số": -3, "mưa lũ": -3, "lũ lụt": -3, "thiệt hại": -2,
		"hạn mặn": -3, "xâm nhập mặn": -3, "sạt lở": -2, "tử vong": -2, "tai nạn": -2,
		"xét xử": -4, "bị cáo": -4, "khởi tố": -4, "bắt giữ": -3, "tham ô": -3,
		"chiếm đoạt": -2, "kỷ luật": -2, "vi phạm": -1, "sai phạm": -2, "điều tra": -2,
		"con tin": -3, "bắt cóc": -3,
	},
)

// mergeCues joins the groups above into one table.
func mergeCues(groups ...map[string]int) map[string]int {
	all := make(map[string]int)
	for _, g := range groups {
		for p, w := range g {
			all[p] = w
		}
	}
	return all
}

// cue is a cue phrase with its weight.
type cue struct {
	phrase string
	weight int
}

var cues = func() *words.Dict[cue] {
	d := words.NewDictOf[cue](words.Loose)
	for p, w := range cueWeights {
		d.Add(p, cue{phrase: p, weight: w})
	}
	return d
}()
