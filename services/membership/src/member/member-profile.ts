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
    if (id !== null && !/^[0-9]{12}$/.test(id)) throw new DomainError('BAD_USER_INPUT', 'Số CCCD phải gồm đúng 12 chữ số.', { field: 'citizenId' });
    values.citizen_id = id;
  }
  if (input.phone !== undefined) {
    const phone = input.phone === null || input.phone.trim() === '' ? null : input.phone.trim();
    if (phone !== null && !/^\+?[0-9 .-]{8,20}$/.test(phone)) throw new DomainError('BAD_USER_INPUT', 'Số điện thoại không hợp lệ.', { field: 'phone' });
    values.phone = phone;
  }
  return values;
}
