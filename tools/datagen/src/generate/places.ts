/** Place names for the generated tree: real ones where the scale mirrors a real place, composed ones elsewhere. */

export interface ProvincePlace {
  name: string;
  /** The first three digits of a CCCD issued there (and the prefix of generated codes). */
  cccdCode: string;
}

/** The 34 provinces and cities after the 2025 reform. */
export const PROVINCES: readonly ProvincePlace[] = [
  ['thành phố Hà Nội', '001'], ['thành phố Huế', '046'], ['tỉnh Quảng Ninh', '022'], ['tỉnh Cao Bằng', '004'], ['tỉnh Lạng Sơn', '020'],
  ['tỉnh Lai Châu', '012'], ['tỉnh Điện Biên', '011'], ['tỉnh Sơn La', '014'], ['tỉnh Thanh Hóa', '038'], ['tỉnh Nghệ An', '040'],
  ['tỉnh Hà Tĩnh', '042'], ['tỉnh Tuyên Quang', '008'], ['tỉnh Lào Cai', '010'], ['tỉnh Thái Nguyên', '019'], ['tỉnh Phú Thọ', '025'],
  ['tỉnh Bắc Ninh', '027'], ['tỉnh Hưng Yên', '033'], ['thành phố Hải Phòng', '031'], ['tỉnh Ninh Bình', '037'], ['tỉnh Quảng Trị', '045'],
  ['thành phố Đà Nẵng', '048'], ['tỉnh Quảng Ngãi', '051'], ['tỉnh Gia Lai', '052'], ['tỉnh Khánh Hòa', '056'], ['tỉnh Lâm Đồng', '068'],
  ['tỉnh Đắk Lắk', '066'], ['thành phố Hồ Chí Minh', '079'], ['tỉnh Đồng Nai', '075'], ['tỉnh Tây Ninh', '072'], ['thành phố Cần Thơ', '092'],
  ['tỉnh Vĩnh Long', '086'], ['tỉnh Đồng Tháp', '087'], ['tỉnh Cà Mau', '096'], ['tỉnh An Giang', '089'],
].map(([name, cccdCode]) => ({ name: name!, cccdCode: cccdCode! }));

export const NAM_DINH: ProvincePlace = { name: 'tỉnh Nam Định', cccdCode: '036' };

/** Xuân Trường (seed 001): its town and 20 communes, as before the 2025 reform. */
export const XUAN_TRUONG = {
  name: 'Xuân Trường',
  town: 'Xuân Trường',
  communes: [
    'Xuân Bắc', 'Xuân Châu', 'Xuân Đài', 'Xuân Hòa', 'Xuân Hồng', 'Xuân Kiên', 'Xuân Ngọc', 'Xuân Ninh', 'Xuân Phong', 'Xuân Phú',
    'Xuân Phúc', 'Xuân Phương', 'Xuân Tân', 'Xuân Thành', 'Xuân Thủy', 'Xuân Thượng', 'Xuân Tiến', 'Xuân Trung', 'Xuân Vinh', 'Thọ Nghiệp',
  ],
} as const;

/** Districts of Nghệ An before 2025 (193,584 members in 7,893 cells: the province scale's model). */
export const NGHE_AN_DISTRICTS = [
  'Anh Sơn', 'Con Cuông', 'Diễn Châu', 'Đô Lương', 'Hưng Nguyên', 'Kỳ Sơn', 'Nam Đàn', 'Nghi Lộc', 'Nghĩa Đàn', 'Quế Phong',
  'Quỳ Châu', 'Quỳ Hợp', 'Quỳnh Lưu', 'Tân Kỳ', 'Thanh Chương', 'Tương Dương', 'Yên Thành', 'Hưng Nguyên Đông', 'Diễn Châu Nam', 'Nam Đàn Bắc',
];

const SYLLABLES = [
  'An', 'Bình', 'Châu', 'Đông', 'Đức', 'Gia', 'Hòa', 'Hồng', 'Hưng', 'Hải', 'Khánh', 'Lạc', 'Lâm', 'Long', 'Minh', 'Mỹ', 'Nam', 'Nghĩa',
  'Ngọc', 'Phú', 'Phúc', 'Phong', 'Quang', 'Sơn', 'Tân', 'Thạch', 'Thanh', 'Thành', 'Thịnh', 'Thọ', 'Thuận', 'Tiến', 'Trung', 'Trường',
  'Vĩnh', 'Xuân', 'Yên', 'Cẩm', 'Diễn', 'Hợp', 'Kim', 'Liên', 'Lộc', 'Mai', 'Nhân', 'Tây', 'Bắc', 'Hà', 'Hiệp', 'Lợi',
];

/** A two-syllable place name, the same for the same number. */
export function composedPlaceName(n: number): string {
  const first = SYLLABLES[n % SYLLABLES.length]!;
  const second = SYLLABLES[Math.floor(n / SYLLABLES.length + n * 7) % SYLLABLES.length]!;
  return first === second ? `${first} ${SYLLABLES[(n + 1) % SYLLABLES.length]}` : `${first} ${second}`;
}

/** Agencies and enterprises of a district with a grassroots cell of their own (47 with the schools). */
export const DISTRICT_AGENCIES = [
  'Ngân hàng Nông nghiệp và Phát triển nông thôn huyện', 'Chi cục Thuế huyện', 'Kho bạc Nhà nước huyện', 'Trung tâm Y tế huyện',
  'Viện Kiểm sát nhân dân huyện', 'Tòa án nhân dân huyện', 'Chi cục Thống kê huyện', 'Bảo hiểm xã hội huyện', 'Điện lực huyện',
  'Bưu điện huyện',
];
export const DISTRICT_ENTERPRISES = [
  'Công ty Cổ phần May', 'Công ty TNHH Cơ khí', 'Hợp tác xã Nông nghiệp', 'Công ty Cổ phần Xây dựng', 'Công ty TNHH Thủy sản',
  'Công ty Cổ phần Vận tải', 'Công ty TNHH Dệt', 'Hợp tác xã Dịch vụ', 'Công ty Cổ phần Thương mại', 'Công ty TNHH Giày da',
  'Công ty Cổ phần Nước sạch', 'Công ty TNHH Chế biến nông sản',
];
export const AGENCY_COMMITTEES = [
  { name: 'Đảng bộ Cơ quan Chính quyền huyện', cell: 'Chi bộ Phòng' },
  { name: 'Đảng bộ Quân sự huyện', cell: 'Chi bộ Ban' },
  { name: 'Đảng bộ Công an huyện', cell: 'Chi bộ Đội' },
  { name: 'Đảng bộ Bệnh viện Đa khoa huyện', cell: 'Chi bộ Khoa' },
] as const;

export const FAR_AWAY_PLACES = ['Bình Dương', 'Thành phố Hồ Chí Minh', 'Đồng Nai', 'Hà Nội', 'Bắc Ninh', 'Hàn Quốc', 'Nhật Bản', 'Đài Loan', 'Hải Phòng', 'Quảng Ninh'];
