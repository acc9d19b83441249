import type { Grade, MemberStatus, OrgUnitCategory, OrgUnitKind, ResidentialArea, Sex } from '@dangvien/contracts';
import { vietnameseName } from './names.ts';
import { seededRandom, weightedPick } from './random.ts';

/**
 * The small demo data set the start command seeds: one district of the old (pre-2025) shape,
 * a few grassroots committees, their residential cells and members with several years of reviews.
 * Each subgraph writes only its own share of it. The large generator is a separate issue.
 */

export interface DemoOrgUnit {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
  parentId: string | null;
  establishedOn: string;
  /** Loại hình and, for residential cells, the area (organization's OrgUnitCategory / ResidentialArea). */
  category?: OrgUnitCategory;
  residentialArea?: ResidentialArea;
}
export interface DemoMember { id: string; fullName: string; sex: Sex; birthDate: string; status: MemberStatus; cellId: string }
export interface DemoReview { id: string; memberId: string; year: number; score: number; grade: Grade }

export interface DemoDataSet {
  orgUnits: DemoOrgUnit[];
  members: DemoMember[];
  reviews: DemoReview[];
}

/** Readable fixed UUIDs: the first group says what the id is for, the last its number. */
export function demoId(entity: 'unit' | 'member' | 'review', n: number): string {
  const prefix = { unit: '10000000', member: '20000000', review: '30000000' }[entity];
  return `${prefix}-0000-4000-8000-${n.toString().padStart(12, '0')}`;
}

/**
 * Two districts of the old shape. Xuân Trường is the one the demo accounts work in; Giao Thủy is
 * there so that a district's users have something outside their scope.
 */
const DISTRICTS = [
  {
    n: 2,
    code: 'ND-XT',
    name: 'Đảng bộ huyện Xuân Trường',
    committees: [
      { name: 'Đảng bộ thị trấn Xuân Trường', category: 'TOWNSHIP', cellPrefix: 'Chi bộ Tổ dân phố số', area: 'TO_DAN_PHO', cells: 3 },
      { name: 'Đảng bộ xã Xuân Hồng', category: 'COMMUNE', cellPrefix: 'Chi bộ xóm', area: 'THON', cells: 3 },
      { name: 'Đảng bộ xã Xuân Ninh', category: 'COMMUNE', cellPrefix: 'Chi bộ xóm', area: 'THON', cells: 3 },
    ],
  },
  {
    n: 3,
    code: 'ND-GT',
    name: 'Đảng bộ huyện Giao Thủy',
    committees: [{ name: 'Đảng bộ xã Giao Thiện', category: 'COMMUNE', cellPrefix: 'Chi bộ xóm', area: 'THON', cells: 2 }],
  },
] as const;
const REVIEW_YEARS = [2023, 2024, 2025];

export function gradeForScore(score: number): Grade {
  if (score >= 90) return 'EXCELLENT';
  if (score >= 70) return 'GOOD';
  if (score >= 50) return 'COMPLETED';
  return 'NOT_COMPLETED';
}

export function demoDataSet(seed = 2026): DemoDataSet {
  const random = seededRandom(seed);
  const orgUnits: DemoOrgUnit[] = [];
  const members: DemoMember[] = [];
  const reviews: DemoReview[] = [];
  const province = { id: demoId('unit', 1), code: 'ND', name: 'Đảng bộ tỉnh Nam Định', kind: 'PROVINCE', parentId: null, establishedOn: '1930-02-03' } as const;
  // Members of one cell, with their reviews; the order of random draws keeps the data the same on every machine.
  const addMembers = (cell: DemoOrgUnit): void => {
    const size = 6 + Math.floor(random() * 6);
    for (let m = 0; m < size; m++) {
      const sex: Sex = random() < 0.6 ? 'MALE' : 'FEMALE';
      const member: DemoMember = {
        id: demoId('member', members.length + 1),
        fullName: vietnameseName(random, sex),
        sex,
        // Residential cells skew old.
        birthDate: `${1940 + Math.floor(random() * 60)}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`,
        status: weightedPick(random, [['OFFICIAL', 85], ['PROBATIONARY', 7], ['EXEMPT', 8]] as const),
        cellId: cell.id,
      };
      members.push(member);
      for (const year of REVIEW_YEARS) {
        if (member.status === 'PROBATIONARY' && year < 2025) continue;
        const score = Math.min(100, Math.round(55 + random() * 45));
        reviews.push({ id: demoId('review', reviews.length + 1), memberId: member.id, year, score, grade: gradeForScore(score) });
      }
    }
  };

  orgUnits.push(province);
  let committeeIndex = 0;
  for (const districtSpec of DISTRICTS) {
    const district: DemoOrgUnit = {
      id: demoId('unit', districtSpec.n),
      code: districtSpec.code,
      name: districtSpec.name,
      kind: 'DISTRICT',
      parentId: province.id,
      establishedOn: '1946-01-01',
    };
    orgUnits.push(district);
    districtSpec.committees.forEach((committee, c) => {
      // Ids by position across districts: 10, 11, 12 … for committees, 101 … for their cells.
      const index = committeeIndex++;
      const committeeUnit: DemoOrgUnit = {
        id: demoId('unit', 10 + index),
        code: `${district.code}-${c + 1}`,
        name: committee.name,
        kind: 'GRASSROOTS_COMMITTEE',
        category: committee.category,
        parentId: district.id,
        establishedOn: '1976-05-19',
      };
      orgUnits.push(committeeUnit);
      for (let k = 1; k <= committee.cells; k++) {
        const cell: DemoOrgUnit = {
          id: demoId('unit', 100 + index * 10 + k),
          code: `${committeeUnit.code}-${k}`,
          name: `${committee.cellPrefix} ${k}`,
          kind: 'CELL',
          category: 'RESIDENTIAL',
          residentialArea: committee.area,
          parentId: committeeUnit.id,
          establishedOn: '1990-02-03',
        };
        orgUnits.push(cell);
        addMembers(cell);
      }
    });
  }
  return { orgUnits, members, reviews };
}

function pad(n: number): string {
  return n.toString().padStart(2, '0');
}
