import { DomainError } from '@dangvien/server';
import type { OrgUnitCategory, OrgUnitKind, ResidentialArea } from '../generated/graphql.ts';

/**
 * Which categories (what kind of place a unit is the party organization of, DOMAIN.md §1) each kind of
 * unit can have; provinces, districts and party groups have none. Needed to tell residential cells
 * (Regulation 213) from workplace ones.
 */
export const CATEGORIES_BY_KIND: Record<OrgUnitKind, readonly OrgUnitCategory[]> = {
  PROVINCE: [],
  DISTRICT: [],
  GRASSROOTS_COMMITTEE: ['WARD', 'COMMUNE', 'TOWNSHIP', 'AGENCY', 'ENTERPRISE', 'ARMED_FORCES', 'OTHER'],
  GRASSROOTS_CELL: ['AGENCY', 'ENTERPRISE', 'SCHOOL', 'ARMED_FORCES', 'OTHER'],
  CELL: ['RESIDENTIAL', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'ARMED_FORCES', 'OTHER'],
  PARTY_GROUP: [],
};

const LABELS: Record<OrgUnitCategory, string> = {
  WARD: 'phường',
  COMMUNE: 'xã',
  TOWNSHIP: 'thị trấn',
  AGENCY: 'cơ quan',
  ENTERPRISE: 'doanh nghiệp',
  SCHOOL: 'trường học',
  ARMED_FORCES: 'lực lượng vũ trang',
  RESIDENTIAL: 'khu dân cư',
  OTHER: 'khác',
};

/** Checks a unit's category and residential area against its kind; both optional (not recorded). */
export function requireCategory(
  kind: OrgUnitKind,
  category: OrgUnitCategory | null | undefined,
  residentialArea: ResidentialArea | null | undefined,
): { category: OrgUnitCategory | null; residential_area: ResidentialArea | null } {
  const allowed = CATEGORIES_BY_KIND[kind];
  if (category && !allowed.includes(category)) {
    const choices = allowed.map((value) => LABELS[value]).join(', ');
    throw new DomainError(
      'BAD_USER_INPUT',
      choices ? `Loại hình "${LABELS[category]}" không dùng cho đơn vị loại này; chọn một trong: ${choices}.` : 'Đơn vị loại này không ghi loại hình.',
      { field: 'category' },
    );
  }
  if (residentialArea && category !== 'RESIDENTIAL') {
    throw new DomainError('BAD_USER_INPUT', 'Chỉ chi bộ khu dân cư mới ghi địa bàn (khu phố, tổ dân phố, ấp, thôn).', { field: 'residentialArea' });
  }
  return { category: category ?? null, residential_area: residentialArea ?? null };
}
