import type { Sex } from '@dangvien/contracts';
import { weightedPick } from './random.ts';

// Family-name shares, roughly as in the population (Nguyễn about 38%).
const FAMILY_NAMES: readonly (readonly [string, number])[] = [
  ['Nguyễn', 38], ['Trần', 11], ['Lê', 9.5], ['Phạm', 7], ['Hoàng', 5], ['Phan', 4.5], ['Vũ', 4],
  ['Đặng', 2], ['Bùi', 2], ['Đỗ', 1.4], ['Hồ', 1.3], ['Ngô', 1.3], ['Dương', 1], ['Lý', 0.5],
];
const MALE_MIDDLE = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Thanh', 'Công'];
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Kim'];
const MALE_GIVEN = ['Hùng', 'Dũng', 'Tuấn', 'Nam', 'Sơn', 'Thắng', 'Hải', 'Long', 'Quân', 'Bình', 'Cường', 'Đức', 'Trung', 'Việt', 'An'];
const FEMALE_GIVEN = ['Lan', 'Hương', 'Hoa', 'Mai', 'Hằng', 'Nga', 'Thủy', 'Yến', 'Linh', 'Trang', 'Hà', 'Thảo', 'Oanh', 'Ánh'];

export function vietnameseName(random: () => number, sex: Sex): string {
  const pick = (list: readonly string[]): string => list[Math.floor(random() * list.length)]!;
  const family = weightedPick(random, FAMILY_NAMES);
  const middle = pick(sex === 'MALE' ? MALE_MIDDLE : FEMALE_MIDDLE);
  const given = pick(sex === 'MALE' ? MALE_GIVEN : FEMALE_GIVEN);
  return `${family} ${middle} ${given}`;
}
