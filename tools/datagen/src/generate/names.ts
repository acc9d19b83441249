import type { Sex } from '@dangvien/contracts';
import { pick, weightedPick } from './random.ts';

/**
 * Family-name shares in per cent, as usually cited for Vietnam (Nguyễn about 38%); Hoàng/Huỳnh and
 * Vũ/Võ are one name spelled the northern and the southern way. The rest spreads over rarer names.
 */
export const FAMILY_NAME_SHARES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38.4], ['Trần', 12.1], ['Lê', 9.5], ['Phạm', 7.0], ['Hoàng', 3.4], ['Huỳnh', 1.7], ['Phan', 4.5],
  ['Vũ', 2.4], ['Võ', 1.5], ['Đặng', 2.1], ['Bùi', 2.0], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1.0],
  ['Lý', 0.5], ['Đinh', 1.0], ['Trịnh', 0.9], ['Đoàn', 0.8], ['Trương', 0.8], ['Mai', 0.7], ['Lương', 0.6],
  ['Cao', 0.6], ['Tạ', 0.5], ['Hà', 0.6], ['Lâm', 0.5], ['Chu', 0.4], ['Kiều', 0.3], ['Quách', 0.2], ['Vương', 0.3],
  ['Triệu', 0.3], ['Lưu', 0.4], ['Thái', 0.3], ['Tô', 0.3], ['Văn', 0.2],
];

// Middle names by sex: "Văn" and "Thị" dominate among older members, varied names among younger ones.
const MALE_MIDDLE_OLD: readonly (readonly [string, number])[] = [['Văn', 60], ['Đức', 8], ['Hữu', 8], ['Xuân', 6], ['Quang', 5], ['Ngọc', 4], ['Đình', 5], ['Công', 4]];
const MALE_MIDDLE_YOUNG: readonly (readonly [string, number])[] = [
  ['Văn', 25], ['Đức', 10], ['Minh', 12], ['Quang', 8], ['Hữu', 6], ['Xuân', 5], ['Thanh', 6], ['Công', 5], ['Tuấn', 4], ['Hoàng', 5], ['Trung', 4], ['Việt', 4], ['Ngọc', 3], ['Đình', 3],
];
const FEMALE_MIDDLE_OLD: readonly (readonly [string, number])[] = [['Thị', 80], ['Ngọc', 5], ['Thu', 5], ['Kim', 4], ['Thanh', 6]];
const FEMALE_MIDDLE_YOUNG: readonly (readonly [string, number])[] = [
  ['Thị', 40], ['Thu', 10], ['Ngọc', 10], ['Thanh', 8], ['Minh', 6], ['Kim', 5], ['Phương', 6], ['Hồng', 5], ['Bích', 4], ['Khánh', 3], ['Hải', 3],
];
const MALE_GIVEN = [
  'Hùng', 'Dũng', 'Tuấn', 'Nam', 'Sơn', 'Thắng', 'Hải', 'Long', 'Quân', 'Bình', 'Cường', 'Đức', 'Trung', 'Việt', 'An', 'Hòa', 'Thành',
  'Minh', 'Phong', 'Hiếu', 'Khánh', 'Toàn', 'Thịnh', 'Lâm', 'Hưng', 'Tùng', 'Vinh', 'Kiên', 'Huy', 'Quang', 'Tiến', 'Lợi', 'Phúc', 'Định',
  'Chiến', 'Thanh', 'Tâm', 'Trường', 'Đạt', 'Duy', 'Hiệp', 'Thái', 'Tú', 'Khoa', 'Nghĩa', 'Bảo', 'Công', 'Hoàng', 'Sang', 'Lộc',
];
const FEMALE_GIVEN = [
  'Lan', 'Hương', 'Hoa', 'Mai', 'Hằng', 'Nga', 'Thủy', 'Yến', 'Linh', 'Trang', 'Hà', 'Thảo', 'Oanh', 'Ánh', 'Huyền', 'Nhung', 'Dung',
  'Hạnh', 'Loan', 'Phương', 'Vân', 'Tuyết', 'Liên', 'Hiền', 'Ngọc', 'Thu', 'Hồng', 'Thúy', 'Quyên', 'Chi', 'Giang', 'Nhàn', 'Xuân',
  'Hậu', 'Lý', 'Duyên', 'Thơm', 'Tươi', 'Vui', 'Minh', 'Anh', 'Trâm', 'Uyên', 'My', 'Diệp', 'Thắm', 'Bình', 'Đào', 'Lụa', 'Sen',
];

/** A full name (family, middle, given), NFC; `born` picks the older or younger naming habits. */
export function memberName(random: () => number, sex: Sex, born: number): string {
  const family = weightedPick(random, FAMILY_NAME_SHARES);
  const old = born < 1970;
  const middle = weightedPick(random, sex === 'MALE' ? (old ? MALE_MIDDLE_OLD : MALE_MIDDLE_YOUNG) : old ? FEMALE_MIDDLE_OLD : FEMALE_MIDDLE_YOUNG);
  const given = pick(random, sex === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`.normalize('NFC');
}

/** The family name of a full name (the first word). */
export function familyNameOf(fullName: string): string {
  return fullName.split(' ')[0]!;
}
