import { DomainError, requireDate, requireText } from '@dangvien/server';
import type { MemberProfileInput } from '../generated/graphql.ts';
import type { ProfileValues } from './member.tables.ts';

/** Optional free-text fields: input name → column, label (Vietnamese), maximum length. */
const TEXT_FIELDS = [
  ['birthName', 'birth_name', 'tên khai sinh', 200],
  ['ethnicity', 'ethnicity', 'dân tộc', 100],
  ['religion', 'religion', 'tôn giáo', 100],
  ['hometown', 'hometown', 'quê quán', 300],
  ['residence', 'residence', 'nơi cư trú', 300],
  ['educationLevel', 'education_level', 'trình độ giáo dục phổ thông', 100],
  ['professionalQualification', 'professional_qualification', 'trình độ chuyên môn', 200],
  ['occupation', 'occupation', 'nghề nghiệp', 200],
  ['workplace', 'workplace', 'nơi làm việc', 300],
  ['partyCardNumber', 'party_card_number', 'số thẻ đảng viên', 50],
  ['profileNumber', 'profile_number', 'số hồ sơ', 50],
] as const;

/** Checks the profile at the edge: NFC text, 12-digit CCCD, real dates. Only the fields present are returned. */
export function profileValues(input: MemberProfileInput, today: string): ProfileValues {
  const values: ProfileValues = {};
  if (input.fullName !== undefined) {
    if (input.fullName === null) throw new DomainError('BAD_USER_INPUT', 'Chưa nhập họ và tên.', { field: 'fullName' });
    values.full_name = requireText(input.fullName, 'fullName', 'họ và tên', 200).replace(/\s+/g, ' ');
  }
  for (const [field, column, label, maxLength] of TEXT_FIELDS) {
    const value = input[field];
    if (value === undefined) continue;
    values[column] = value === null || value.trim() === '' ? null : requireText(value, field, label, maxLength);
  }
  if (input.sex !== undefined) values.sex = input.sex;
  if (input.politicalTheoryLevel !== undefined) values.political_theory_level = input.politicalTheoryLevel;
  if (input.dateOfBirth !== undefined) {
    const date = input.dateOfBirth === null ? null : requireDate(input.dateOfBirth, 'dateOfBirth');
    if (date !== null && (date > today || date < '1900-01-01')) throw new DomainError('BAD_USER_INPUT', `Ngày sinh không hợp lệ: ${date}.`, { field: 'dateOfBirth' });
    values.date_of_birth = date;
  }
  if (input.citizenId !== undefined) {
    const id = input.citizenId === null ? null : input.citizenId.replace(/\s/g, '');
    if (id !== null) {
      const problem = citizenIdProblem(id, values.date_of_birth ?? null, values.sex ?? null);
      if (problem) throw new DomainError('BAD_USER_INPUT', problem, { field: 'citizenId' });
    }
    values.citizen_id = id;
  }
  if (input.phone !== undefined) {
    const phone = input.phone === null || input.phone.trim() === '' ? null : input.phone.trim();
    if (phone !== null && !/^\+?[0-9 .-]{8,20}$/.test(phone)) throw new DomainError('BAD_USER_INPUT', 'Số điện thoại không hợp lệ.', { field: 'phone' });
    values.phone = phone;
  }
  return values;
}

/**
 * Province and centrally-run city codes of the CCCD (Circular 59/2021/TT-BCA, appendix): the place of
 * birth registration, kept by a number issued before the 2025 merger of provinces.
 */
const CCCD_PROVINCE_CODES = new Set(
  '001 002 004 006 008 010 011 012 014 015 017 019 020 022 024 025 026 027 030 031 033 034 035 036 037 038 040 042 044 045 046 048 049 051 052 054 056 058 060 062 064 066 067 068 070 072 074 075 077 079 080 082 083 084 086 087 089 091 092 093 094 095 096'.split(' '),
);

/**
 * What is wrong with a CCCD number, or null. Its structure: 3 digits of province code, 1 digit of
 * century and sex (0/1: born 1900–1999, male/female; 2/3: 2000–2099; 4/5: 2100–2199…), the last 2
 * digits of the year of birth, 6 serial digits. With a date of birth (and sex) known, they must agree.
 */
export function citizenIdProblem(id: string, dateOfBirth: string | null, sex: string | null): string | null {
  if (!/^[0-9]{12}$/.test(id)) return 'Số CCCD phải gồm đúng 12 chữ số.';
  if (!CCCD_PROVINCE_CODES.has(id.slice(0, 3))) return `Số CCCD không hợp lệ: ${id.slice(0, 3)} không phải mã tỉnh, thành phố (3 chữ số đầu).`;
  const centurySex = Number(id[3]);
  const bornIn = 1900 + 100 * Math.floor(centurySex / 2) + Number(id.slice(4, 6));
  if (bornIn > 2099) return 'Số CCCD không hợp lệ: chữ số thứ 4 (thế kỷ sinh và giới tính) không đúng.';
  if (dateOfBirth !== null && Number(dateOfBirth.slice(0, 4)) !== bornIn) {
    return `Số CCCD không khớp năm sinh: chữ số thứ 4 đến 6 của số CCCD ứng với năm ${bornIn}, ngày sinh là năm ${dateOfBirth.slice(0, 4)}.`;
  }
  if (sex !== null && (centurySex % 2 === 1 ? 'FEMALE' : 'MALE') !== sex) return 'Số CCCD không khớp giới tính (chữ số thứ 4 của số CCCD).';
  return null;
}
