// Package unit recognizes the party, state and mass-organisation units a
// Vietnamese text names and writes each one canonically: the full official
// form, NFC, new tone placement, ordinary capitalisation, place included —
// "Thị ủy Quế Võ", "Đảng ủy phường Phố Mới", "Chi bộ thôn Quế Ổ", "Ủy ban
// nhân dân xã Chi Lăng", "Mặt trận Tổ quốc tỉnh Bắc Ninh", "Bộ Chính trị".
//
// One organisation, one value: abbreviations are expanded (UBND, HĐND,
// MTTQ, Hội LHPN, CCB), a committee's bodies count as the committee ("Ban
// Thường vụ Tỉnh ủy Bắc Ninh" → "Tỉnh ủy Bắc Ninh"), a party organisation
// (đảng bộ) as its committee ("Đảng bộ tỉnh Bắc Ninh" → "Tỉnh ủy Bắc
// Ninh"), "Ủy ban MTTQ Việt Nam tỉnh X" as "Mặt trận Tổ quốc tỉnh X". A
// unit named without its place ("Ban Thường vụ Thị ủy", "Đảng ủy, UBND
// phường") takes the place of that level the text names nearest before it
// (else after it); with none it is left out. A place alone ("tỉnh Bắc
// Ninh") is not a unit, nor is "Ban" in ordinary words. Names are kept as
// written: units merged or abolished in the 2025 reform keep their names.
package unit
