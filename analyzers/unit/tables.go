package unit

import "github.com/vnsearch/vnsearch/analyzers/words"

// level is an administrative level a place is named with.
type level int

const (
	noLevel level = iota
	tinh
	thanhPho
	huyen
	thiXa
	quan
	xa
	phuong
	thiTran
	thon
	khuPho
	toDanPho
	ap
	ban
	xom
	khu
	lang
	to
)

// levelNames are the canonical spellings of the levels.
var levelNames = map[level]string{
	tinh: "tỉnh", thanhPho: "thành phố", huyen: "huyện", thiXa: "thị xã", quan: "quận", xa: "xã",
	phuong: "phường", thiTran: "thị trấn", thon: "thôn", khuPho: "khu phố", toDanPho: "tổ dân phố",
	ap: "ấp", ban: "bản", xom: "xóm", khu: "khu", lang: "làng", to: "tổ",
}

// levelWords are the levels as written.
var levelWords = words.NewDict(map[string]level{
	"tỉnh": tinh, "thành phố": thanhPho, "TP": thanhPho, "TP.": thanhPho, "huyện": huyen,
	"thị xã": thiXa, "TX": thiXa, "quận": quan, "xã": xa, "phường": phuong, "thị trấn": thiTran,
	"thôn": thon, "khu phố": khuPho, "KP": khuPho, "tổ dân phố": toDanPho, "TDP": toDanPho,
	"ấp": ap, "bản": ban, "xóm": xom, "khu": khu, "làng": lang, "tổ": to,
})

// Level sets.
var (
	adminLevels   = []level{tinh, thanhPho, huyen, thiXa, quan, xa, phuong, thiTran}
	upperLevels   = []level{tinh, thanhPho, huyen, thiXa, quan}
	communeLevels = []level{xa, phuong, thiTran}
	villageLevels = []level{thon, khuPho, toDanPho, ap, ban, xom, khu, lang, to}
)

// hcm is the one place whose name includes its level.
const hcm = "Thành phố Hồ Chí Minh"

// hcmForms are the ways Ho Chi Minh City is written, level included.
var hcmForms = words.NewDict(map[string]bool{
	"TP.HCM": true, "TPHCM": true, "TP HCM": true, "TP. HCM": true, "Thành phố Hồ Chí Minh": true,
	"TP Hồ Chí Minh": true, "TP. Hồ Chí Minh": true, "Tp.HCM": true,
})

// head is the name of a unit as written, before its place.
type head struct {
	name     string  // canonical name: "Ủy ban nhân dân", "Tỉnh ủy", "Bộ Chính trị"
	levels   []level // levels a place may be named with after the name
	own      level   // a committee's own level: Tỉnh ủy names a tỉnh
	national string  // the unit when no level follows and "Việt Nam" does (or always, for national bodies)
	byLevel  bool    // Đảng bộ: the name is the committee of the level
	capital  bool    // counts only with a capital: "Công an", not "công an"
	// bareLevel is the level of a unit named with no level at all: "Sở
	// Nội vụ" is a department of the province the text names.
	bareLevel level
}

// committees of each level, for "Đảng bộ tỉnh X" → "Tỉnh ủy X".
var committees = map[level]string{
	tinh: "Tỉnh ủy", thanhPho: "Thành ủy", huyen: "Huyện ủy", thiXa: "Thị ủy", quan: "Quận ủy",
	xa: "Đảng ủy", phuong: "Đảng ủy", thiTran: "Đảng ủy",
}

func national(name string) head { return head{national: name, capital: true} }

func org(name string, levels []level, nat string) head {
	return head{name: name, levels: levels, national: nat}
}

var (
	front   = org("Mặt trận Tổ quốc", adminLevels, "Mặt trận Tổ quốc Việt Nam")
	youth   = org("Đoàn Thanh niên", adminLevels, "")
	women   = org("Hội Liên hiệp Phụ nữ", adminLevels, "Hội Liên hiệp Phụ nữ Việt Nam")
	farmers = org("Hội Nông dân", adminLevels, "Hội Nông dân Việt Nam")
	veteran = org("Hội Cựu chiến binh", adminLevels, "Hội Cựu chiến binh Việt Nam")
)

// heads are the units recognized, by the ways they are written.
var heads = words.NewDict(map[string]head{
	// Party committees.
	"Tỉnh ủy": {name: "Tỉnh ủy", own: tinh}, "Thành ủy": {name: "Thành ủy", own: thanhPho},
	"Huyện ủy": {name: "Huyện ủy", own: huyen}, "Thị ủy": {name: "Thị ủy", own: thiXa},
	"Quận ủy":                    {name: "Quận ủy", own: quan},
	"Đảng ủy":                    {name: "Đảng ủy", levels: communeLevels},
	"Đảng bộ":                    {levels: adminLevels, byLevel: true},
	"Chi bộ":                     {name: "Chi bộ", levels: villageLevels},
	"Đảng ủy Công an":            {name: "Đảng ủy Công an", levels: adminLevels},
	"Đảng ủy Công an Trung ương": national("Đảng ủy Công an Trung ương"),
	// State.
	"Ủy ban nhân dân": {name: "Ủy ban nhân dân", levels: adminLevels}, "UBND": {name: "Ủy ban nhân dân", levels: adminLevels},
	"Hội đồng nhân dân": {name: "Hội đồng nhân dân", levels: adminLevels}, "HĐND": {name: "Hội đồng nhân dân", levels: adminLevels},
	"Đoàn đại biểu Quốc hội": {name: "Đoàn đại biểu Quốc hội", levels: []level{tinh, thanhPho}},
	"Đoàn ĐBQH":              {name: "Đoàn đại biểu Quốc hội", levels: []level{tinh, thanhPho}},
	"Công an":                {name: "Công an", levels: adminLevels, capital: true},
	"Thanh tra":              {name: "Thanh tra", levels: upperLevels, capital: true},
	"Tòa án nhân dân":        {name: "Tòa án nhân dân", levels: upperLevels}, "TAND": {name: "Tòa án nhân dân", levels: upperLevels},
	"Viện kiểm sát nhân dân": {name: "Viện kiểm sát nhân dân", levels: upperLevels}, "VKSND": {name: "Viện kiểm sát nhân dân", levels: upperLevels},
	// Mass organisations.
	"Mặt trận Tổ quốc": front, "Ủy ban Mặt trận Tổ quốc": front, "MTTQ": front, "Ủy ban MTTQ": front,
	"UBMTTQ": front, "MTTQVN": front, "Ủy ban Trung ương MTTQ Việt Nam": national("Mặt trận Tổ quốc Việt Nam"),
	"Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam": national("Mặt trận Tổ quốc Việt Nam"),
	"Đoàn":            {name: "Đoàn Thanh niên", levels: adminLevels, capital: true},
	"Đoàn Thanh niên": youth, "Đoàn TN": youth, "Đoàn Thanh niên Cộng sản Hồ Chí Minh": youth,
	"Đoàn TNCS Hồ Chí Minh": youth, "Đoàn TNCS HCM": youth,
	"Tỉnh đoàn": {name: "Đoàn Thanh niên", own: tinh}, "Thành đoàn": {name: "Đoàn Thanh niên", own: thanhPho},
	"Huyện đoàn": {name: "Đoàn Thanh niên", own: huyen}, "Thị đoàn": {name: "Đoàn Thanh niên", own: thiXa},
	"Trung ương Đoàn": national("Trung ương Đoàn"), "T.Ư Đoàn": national("Trung ương Đoàn"),
	"TW Đoàn": national("Trung ương Đoàn"), "Ban Chấp hành Trung ương Đoàn": national("Trung ương Đoàn"),
	"Ban Bí thư Trung ương Đoàn": national("Trung ương Đoàn"),
	"Hội Liên hiệp Phụ nữ":       women, "Hội LHPN": women, "Hội Phụ nữ": women,
	"Trung ương Hội LHPN Việt Nam": national("Hội Liên hiệp Phụ nữ Việt Nam"),
	"Hội Nông dân":                 farmers, "Hội ND": farmers,
	"Hội Cựu chiến binh": veteran, "Hội CCB": veteran,
	// National bodies.
	"Bộ Chính trị": national("Bộ Chính trị"), "Ban Bí thư": national("Ban Bí thư"),
	"Ban Chấp hành Trung ương":      national("Ban Chấp hành Trung ương"),
	"Ban Chấp hành Trung ương Đảng": national("Ban Chấp hành Trung ương"),
	"BCH Trung ương":                national("Ban Chấp hành Trung ương"), "BCH TW": national("Ban Chấp hành Trung ương"),
	"Quốc hội": national("Quốc hội"), "Ủy ban Thường vụ Quốc hội": national("Ủy ban Thường vụ Quốc hội"),
	"UBTVQH": national("Ủy ban Thường vụ Quốc hội"), "Chính phủ": national("Chính phủ"),
	"Thanh tra Chính phủ":            national("Thanh tra Chính phủ"),
	"Tòa án nhân dân tối cao":        national("Tòa án nhân dân tối cao"),
	"Viện kiểm sát nhân dân tối cao": national("Viện kiểm sát nhân dân tối cao"),
	"Bộ Công an":                     national("Bộ Công an"), "Bộ Quốc phòng": national("Bộ Quốc phòng"),
	"Bộ Ngoại giao": national("Bộ Ngoại giao"), "Bộ Nội vụ": national("Bộ Nội vụ"),
	"Bộ Tư pháp": national("Bộ Tư pháp"), "Bộ Tài chính": national("Bộ Tài chính"),
	"Bộ Công Thương": national("Bộ Công Thương"), "Bộ Xây dựng": national("Bộ Xây dựng"),
	"Bộ Y tế": national("Bộ Y tế"), "Bộ Giáo dục và Đào tạo": national("Bộ Giáo dục và Đào tạo"),
	"Bộ GD&ĐT": national("Bộ Giáo dục và Đào tạo"), "Bộ Kế hoạch và Đầu tư": national("Bộ Kế hoạch và Đầu tư"),
	"Bộ KH&ĐT": national("Bộ Kế hoạch và Đầu tư"),
	"Bộ Nông nghiệp và Phát triển nông thôn": national("Bộ Nông nghiệp và Phát triển nông thôn"),
	"Bộ NN&PTNT":                          national("Bộ Nông nghiệp và Phát triển nông thôn"),
	"Bộ Nông nghiệp và Môi trường":        national("Bộ Nông nghiệp và Môi trường"),
	"Bộ Tài nguyên và Môi trường":         national("Bộ Tài nguyên và Môi trường"),
	"Bộ TN&MT":                            national("Bộ Tài nguyên và Môi trường"),
	"Bộ Lao động - Thương binh và Xã hội": national("Bộ Lao động - Thương binh và Xã hội"),
	"Bộ LĐ-TB&XH":                         national("Bộ Lao động - Thương binh và Xã hội"),
	"Bộ Văn hóa, Thể thao và Du lịch":     national("Bộ Văn hóa, Thể thao và Du lịch"),
	"Bộ VH-TT&DL":                         national("Bộ Văn hóa, Thể thao và Du lịch"), "Bộ VHTTDL": national("Bộ Văn hóa, Thể thao và Du lịch"),
	"Bộ Thông tin và Truyền thông": national("Bộ Thông tin và Truyền thông"),
	"Bộ TT&TT":                     national("Bộ Thông tin và Truyền thông"),
	"Bộ Khoa học và Công nghệ":     national("Bộ Khoa học và Công nghệ"), "Bộ KH&CN": national("Bộ Khoa học và Công nghệ"),
	"Bộ Giao thông vận tải": national("Bộ Giao thông vận tải"), "Bộ GTVT": national("Bộ Giao thông vận tải"),
	"Bộ Dân tộc và Tôn giáo": national("Bộ Dân tộc và Tôn giáo"),
})

// departments are the provincial departments (sở), named like the
// ministries above them.
var departments = map[string]string{
	"Nội vụ": "", "Tư pháp": "", "Tài chính": "", "Y tế": "", "Giáo dục và Đào tạo": "", "GD&ĐT": "Giáo dục và Đào tạo",
	"Xây dựng": "", "Công Thương": "", "Nông nghiệp và Phát triển nông thôn": "", "NN&PTNT": "Nông nghiệp và Phát triển nông thôn",
	"Nông nghiệp và Môi trường": "", "Tài nguyên và Môi trường": "", "TN&MT": "Tài nguyên và Môi trường",
	"Lao động - Thương binh và Xã hội": "", "LĐ-TB&XH": "Lao động - Thương binh và Xã hội",
	"Văn hóa, Thể thao và Du lịch": "", "VH-TT&DL": "Văn hóa, Thể thao và Du lịch", "VHTTDL": "Văn hóa, Thể thao và Du lịch",
	"Văn hóa và Thể thao": "", "Thông tin và Truyền thông": "", "TT&TT": "Thông tin và Truyền thông",
	"Khoa học và Công nghệ": "", "KH&CN": "Khoa học và Công nghệ", "Kế hoạch và Đầu tư": "", "KH&ĐT": "Kế hoạch và Đầu tư",
	"Giao thông vận tải": "", "GTVT": "Giao thông vận tải", "Ngoại vụ": "", "Dân tộc và Tôn giáo": "",
}

func init() {
	for written, full := range departments {
		if full == "" {
			full = written
		}
		heads.Add("Sở "+written, head{name: "Sở " + full, levels: []level{tinh, thanhPho}, bareLevel: tinh, capital: true})
	}
}

// titles are the words of a person's title before a unit ("Chủ tịch UBND
// tỉnh …", "Bí thư Tỉnh ủy …"): a name after such a unit may be the
// person's, not the place's.
var titles = map[string]bool{
	"tich": true, "thu": true, "doc": true, "truong": true, "pho": true, "vien": true, "truc": true,
}

// surnames start Vietnamese personal names.
var surnames = foldSet("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
	"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đoàn", "Lương", "Mai", "Trương", "Tạ",
	"Hà", "Lâm", "Đào", "Cao", "Chu", "Tô", "Vương", "Thái", "Quách", "Lại", "Kiều", "La", "Triệu",
	"Tăng", "Lưu", "Khuất", "Lò", "Nông", "Hứa", "Châu", "Tống", "Từ", "Thân", "Âu", "Giang")

// provinces are the province-level units, by the names they had before
// the 2025 merger (and Huế, a city since), to tell a province written
// after a district ("huyện Can Lộc, Hà Tĩnh") from a list of districts
// ("huyện Gia Bình, Lương Tài"), and the names written with a dash.
var provinces = foldSet("An Giang", "Bà Rịa - Vũng Tàu", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh",
	"Bến Tre", "Bình Dương", "Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ",
	"Đà Nẵng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam",
	"Hà Nội", "Hà Tĩnh", "Hải Dương", "Hải Phòng", "Hậu Giang", "Hòa Bình", hcm, "TP.HCM", "Hưng Yên",
	"Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lạng Sơn", "Lào Cai", "Lâm Đồng", "Long An",
	"Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam",
	"Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên",
	"Thanh Hóa", "Thừa Thiên Huế", "Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
	"Yên Bái", "Hà Tây", "Thừa Thiên - Huế", "Phan Rang - Tháp Chàm")

// centralCities are the centrally-run cities: a bare "Thành ủy" in a text
// naming one of them is its committee.
var centralCities = foldSet("Hà Nội", hcm, "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế")

// titleWords before a national body make it part of a person's title or
// of a holiday's name, not a unit the text is about: "Thủ tướng Chính
// phủ", "Ủy viên Bộ Chính trị", "thành viên Chính phủ", "Ngày truyền thống
// Mặt trận Tổ quốc Việt Nam", "Ngày thành lập Đoàn".
var titleWords = foldSet("tướng", "viên", "thống", "lập")

func foldSet(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[words.Key(w)] = true
	}
	return m
}

// vietNam follows a mass organisation's name: "Hội Nông dân Việt Nam".
var vietNam = words.NewDict(map[string]bool{"Việt Nam": true, "VN": true})

// threeSyllablePlaces are names longer than two syllables, for text in
// capitals where case does not show where a name ends.
var threeSyllablePlaces = words.NewDict(map[string]bool{
	"Thừa Thiên Huế": true, "Hồ Chí Minh": true,
})
