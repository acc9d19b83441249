import { DomainError } from '@dangvien/server';
import type { OrgUnitKind } from '../database.ts';

/**
 * What kind of place a unit is the party organization of (DOMAIN.md §1): a grassroots committee of a
 * ward, commune or township, of an agency or enterprise; a cell of a residential area, an agency, a
 * school, an enterprise. Needed to tell residential cells (Regulation 213) from workplace ones.
 */
export const ORG_UNIT_CATEGORIES = ['WARD', 'COMMUNE', 'TOWNSHIP', 'AGENCY', 'ENTERPRISE', 'SCHOOL', 'ARMED_FORCES', 'RESIDENTIAL', 'OTHER'] as const;
export type OrgUnitCategory = (typeof ORG_UNIT_CATEGORIES)[number];

/** Khu dân cư, khu phố, tổ dân phố, ấp, thôn: the residential areas a residential cell may cover. */
export const RESIDENTIAL_AREAS = ['KHU_DAN_CU', 'KHU_PHO', 'TO_DAN_PHO', 'AP', 'THON'] as const;
export type ResidentialArea = (typeof RESIDENTIAL_AREAS)[number];

/** Which categories each kind of unit can have; provinces, districts and party groups have none. */
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
