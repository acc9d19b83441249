import type { OrgUnitCategory } from '@dangvien/contracts';
import { genId } from './ids.ts';
import type { GenUnit } from './model.ts';
import {
  AGENCY_COMMITTEES,
  composedPlaceName,
  DISTRICT_AGENCIES,
  DISTRICT_ENTERPRISES,
  NAM_DINH,
  NGHE_AN_DISTRICTS,
  PROVINCES,
  XUAN_TRUONG,
  type ProvincePlace,
} from './places.ts';
import { between, partRandom } from './random.ts';
import { GRASSROOTS_PER_CHUNK, type Scale } from './scales.ts';
import { isoDate } from './calendar.ts';

/** The 2025 reform (DOMAIN.md §1): no district level from this day; grassroots committees go under the province. */
export const REFORM_DAY = '2025-07-01';
export const REFORM_DECISION = 'Nghị quyết 60-NQ/TW';
/** Biên Hòa dissolved the agency cells of its wards on this day (seed 002); every generated commune does too. */
export const AGENCY_CELLS_DISSOLVED_ON = '2019-04-16';

export const GRASSROOTS_PER_DISTRICT = 72;
const ATTACHED_DISTRICT_INDEX = 999;
const ATTACHED_ID_BLOCK = 5000;
const RESIDENTIAL_COMMITTEES = 21; // the town and 20 communes
const CELLS_PER_RESIDENTIAL_COMMITTEE = 17;
const AGENCY_COMMITTEE_CELLS = [10, 10, 10, 11];
const HIGH_SCHOOLS = 4;

export type GrassrootsRole = 'TOWN' | 'COMMUNE' | 'AGENCY_COMMITTEE' | 'SCHOOL' | 'AGENCY' | 'ENTERPRISE';
/** What kind of cell a member sits in: drives ages, occupations and attendance. */
export type CellRole = 'RESIDENTIAL' | 'AGENCY' | 'SCHOOL' | 'ENTERPRISE' | 'DISSOLVED_AGENCY';

export interface ProvincePlan {
  index: number;
  id: string;
  place: ProvincePlace;
}

export interface DistrictPlan {
  /** Across the whole data set. */
  globalIndex: number;
  indexInProvince: number;
  id: string;
  code: string;
  name: string;
  province: ProvincePlan;
  /** The town and the communes, by grassroots index 0..20. */
  places: string[];
  /** Where the district sits in the 2025 reform: the province its grassroots move to, or none (attached to a living district). */
  reformTo: string | null;
  /** Grassroots organizations not generated (the existing district already has them). */
  skipped: ReadonlySet<number>;
}

export interface ChunkPlan {
  /** 1-based; chunk 0 is the upper tree. */
  index: number;
  /** Numbers the chunk's member and meeting ids: the index, or a block of its own for a district put under an existing one. */
  idBlock: number;
  district: DistrictPlan;
  chunkInDistrict: number;
  grassroots: number[];
}

export interface Plan {
  scale: Scale;
  seed: number;
  /** Units above the grassroots (provinces and districts), loaded first as chunk 0. */
  upperUnits: GenUnit[];
  chunks: ChunkPlan[];
}

export interface CellPlan {
  unit: GenUnit;
  role: CellRole;
  /** Relative size: multiplied by the scale's mean cell size. */
  sizeFactor: number;
}

export interface GrassrootsPlan {
  unit: GenUnit;
  role: GrassrootsRole;
  /** Cells that hold members: the subordinate cells, or the grassroots cell itself. */
  cells: CellPlan[];
  /** The committee's place (for residences and hometowns). */
  place: string;
}

export interface PlanOptions {
  /**
   * Put the one generated district's grassroots under this existing district instead of generating a
   * province and a district (district scale only; no 2025 move, the district lives on), leaving out
   * the grassroots organizations whose names it already has.
   */
  underDistrict?: { id: string; name: string; existingGrassroots: readonly string[] };
}

/** The skeleton of the data set: which provinces and districts, and which grassroots organizations each chunk holds. */
export function planDataSet(scale: Scale, seed: number, options: PlanOptions = {}): Plan {
  const upperUnits: GenUnit[] = [];
  const districts: DistrictPlan[] = [];
  if (options.underDistrict) {
    if (scale.provinces !== 1 || scale.districtsPerProvince !== 1) throw new Error('Only the district scale can be put under an existing district.');
    const province: ProvincePlan = { index: 0, id: '', place: NAM_DINH };
    const places = [XUAN_TRUONG.town, ...XUAN_TRUONG.communes];
    const existing = new Set(options.underDistrict.existingGrassroots.map((name) => name.normalize('NFC')));
    const skipped = new Set(places.map((place, g) => (g === 0 ? `Đảng bộ thị trấn ${place}` : `Đảng bộ xã ${place}`)).flatMap((name, g) => (existing.has(name) ? [g] : [])));
    districts.push({
      // Numbers no scale uses (national has 680 districts), so this can sit beside a generated data set.
      globalIndex: ATTACHED_DISTRICT_INDEX, indexInProvince: 19, id: options.underDistrict.id, code: `DG-${NAM_DINH.cccdCode}-00`, name: options.underDistrict.name,
      province, places, reformTo: null, skipped,
    });
  } else {
    for (let p = 0; p < scale.provinces; p++) {
      const place = scale.provinces === 1 ? (scale.districtsPerProvince === 1 ? NAM_DINH : PROVINCES[9]!) : PROVINCES[p]!;
      const province: ProvincePlan = { index: p, id: genId('unit', 1 + p), place };
      upperUnits.push(unit(province.id, `DG-${place.cccdCode}`, 'PROVINCE', `Đảng bộ ${place.name}`, null, '1930-02-03'));
      for (let d = 0; d < scale.districtsPerProvince; d++) {
        const globalIndex = districts.length;
        const districtName =
          scale.districtsPerProvince === 1 ? XUAN_TRUONG.name : scale.provinces === 1 ? NGHE_AN_DISTRICTS[d % NGHE_AN_DISTRICTS.length]! : composedPlaceName(globalIndex * 13 + 5);
        const places = districtName === XUAN_TRUONG.name ? [XUAN_TRUONG.town, ...XUAN_TRUONG.communes] : communeNames(globalIndex, districtName);
        const district: DistrictPlan = {
          globalIndex, indexInProvince: d, id: genId('unit', 1000 + globalIndex), code: `DG-${place.cccdCode}-${String(d + 1).padStart(2, '0')}`,
          name: `Đảng bộ huyện ${districtName}`, province, places, reformTo: province.id, skipped: new Set(),
        };
        districts.push(district);
        const districtUnit = unit(district.id, district.code, 'DISTRICT', district.name, province.id, '1946-01-01');
        endUnit(districtUnit, REFORM_DAY, province.id, REFORM_DECISION);
        upperUnits.push(districtUnit);
      }
    }
  }
  const chunks: ChunkPlan[] = [];
  for (const district of districts) {
    // Interleaved (every sixth grassroots organization), so that chunks hold about as many members each.
    const perDistrict = GRASSROOTS_PER_DISTRICT / GRASSROOTS_PER_CHUNK;
    for (let k = 0; k < perDistrict; k++) {
      const grassroots = Array.from({ length: GRASSROOTS_PER_CHUNK }, (_, i) => k + i * perDistrict).filter((g) => !district.skipped.has(g));
      const index = chunks.length + 1;
      chunks.push({ index, idBlock: district.globalIndex === ATTACHED_DISTRICT_INDEX ? ATTACHED_ID_BLOCK + index : index, district, chunkInDistrict: k, grassroots });
    }
  }
  return { scale, seed, upperUnits, chunks };
}

function communeNames(districtIndex: number, districtName: string): string[] {
  const names = [districtName];
  for (let c = 0; names.length < RESIDENTIAL_COMMITTEES; c++) {
    const name = composedPlaceName(districtIndex * 31 + c * 3 + 1);
    if (!names.includes(name)) names.push(name);
  }
  return names;
}

function unit(id: string, code: string, kind: GenUnit['kind'], name: string, parentId: string | null, establishedOn: string | null): GenUnit {
  const normalized = name.normalize('NFC');
  return {
    id, code, kind, establishedOn, endedOn: null, successorId: null, endDecision: null,
    versions: [{ parentId, name: normalized, validFrom: establishedOn, validTo: null, change: 'CREATED', decisionNumber: null }],
  };
}

function endUnit(target: GenUnit, day: string, successorId: string, decision: string): void {
  target.endedOn = day;
  target.successorId = successorId;
  target.endDecision = decision;
  target.versions.at(-1)!.validTo = day;
}

/** From the reform day the unit sits directly under the province. */
function moveToProvince(target: GenUnit, provinceId: string): void {
  const current = target.versions.at(-1)!;
  current.validTo = REFORM_DAY;
  target.versions.push({ parentId: provinceId, name: current.name, validFrom: REFORM_DAY, validTo: null, change: 'MOVED', decisionNumber: REFORM_DECISION });
}

function unitNumber(district: DistrictPlan, local: number): number {
  return 1_000_000 + district.globalIndex * 1000 + local;
}

/** The residential cells of a district (town and communes), by number: a working member's residence for Regulation 213. */
export const RESIDENTIAL_CELLS_PER_DISTRICT = RESIDENTIAL_COMMITTEES * CELLS_PER_RESIDENTIAL_COMMITTEE;

export function residentialCell(district: DistrictPlan, n: number): { wardId: string; cellId: string } {
  const committees = Array.from({ length: RESIDENTIAL_COMMITTEES }, (_, g) => g).filter((g) => !district.skipped.has(g));
  const g = committees[Math.floor(n / CELLS_PER_RESIDENTIAL_COMMITTEE) % committees.length]!;
  const c = n % CELLS_PER_RESIDENTIAL_COMMITTEE;
  return { wardId: genId('unit', unitNumber(district, g)), cellId: genId('unit', unitNumber(district, 100 + g * 20 + c)) };
}

/** Organization's loại hình of each kind of grassroots organization the generator makes. */
const CATEGORY_OF_ROLE: Record<GrassrootsRole, OrgUnitCategory> = { TOWN: 'TOWNSHIP', COMMUNE: 'COMMUNE', AGENCY_COMMITTEE: 'AGENCY', SCHOOL: 'SCHOOL', AGENCY: 'AGENCY', ENTERPRISE: 'ENTERPRISE' };

/** One grassroots organization and its cells (plus, in communes, the agency cell dissolved in 2019). */
export function planGrassroots(plan: Plan, district: DistrictPlan, g: number): GrassrootsPlan {
  const random = partRandom(plan.seed, 1, district.globalIndex, g);
  const id = genId('unit', unitNumber(district, g));
  const code = `${district.code}-${String(g + 1).padStart(2, '0')}`;
  const established = isoDate(between(random, 1976, 1992), between(random, 1, 12), between(random, 1, 28));
  const place = district.places[g % RESIDENTIAL_COMMITTEES]!;
  const shortDistrict = district.name.replace('Đảng bộ huyện ', '');
  let role: GrassrootsRole;
  let name: string;
  if (g === 0) [role, name] = ['TOWN', `Đảng bộ thị trấn ${place}`];
  else if (g < RESIDENTIAL_COMMITTEES) [role, name] = ['COMMUNE', `Đảng bộ xã ${place}`];
  else if (g < RESIDENTIAL_COMMITTEES + AGENCY_COMMITTEES.length) [role, name] = ['AGENCY_COMMITTEE', `${AGENCY_COMMITTEES[g - RESIDENTIAL_COMMITTEES]!.name} ${shortDistrict}`];
  else {
    const k = g - RESIDENTIAL_COMMITTEES - AGENCY_COMMITTEES.length; // 0..46
    if (k < HIGH_SCHOOLS) [role, name] = ['SCHOOL', `Chi bộ Trường THPT ${shortDistrict} ${'ABCD'[k]}`];
    else if (k < HIGH_SCHOOLS + RESIDENTIAL_COMMITTEES) [role, name] = ['SCHOOL', `Chi bộ Trường THCS ${district.places[k - HIGH_SCHOOLS]}`];
    else if (k < HIGH_SCHOOLS + RESIDENTIAL_COMMITTEES + DISTRICT_AGENCIES.length) [role, name] = ['AGENCY', `Chi bộ ${DISTRICT_AGENCIES[k - HIGH_SCHOOLS - RESIDENTIAL_COMMITTEES]} ${shortDistrict}`];
    else [role, name] = ['ENTERPRISE', `Chi bộ ${DISTRICT_ENTERPRISES[k - HIGH_SCHOOLS - RESIDENTIAL_COMMITTEES - DISTRICT_AGENCIES.length]} ${shortDistrict}`];
  }
  const isCommittee = role === 'TOWN' || role === 'COMMUNE' || role === 'AGENCY_COMMITTEE';
  const grassroots = unit(id, code, isCommittee ? 'GRASSROOTS_COMMITTEE' : 'GRASSROOTS_CELL', name.replace(/\s+/g, ' ').trim(), district.id, established);
  grassroots.category = CATEGORY_OF_ROLE[role];
  if (district.reformTo) moveToProvince(grassroots, district.reformTo);

  const cells: CellPlan[] = [];
  const cellEstablished = (): string => isoDate(between(random, Math.max(1990, Number(established.slice(0, 4))), 2012), between(random, 1, 12), between(random, 1, 28));
  if (role === 'TOWN' || role === 'COMMUNE') {
    for (let c = 0; c < CELLS_PER_RESIDENTIAL_COMMITTEE; c++) {
      const cellName = role === 'TOWN' ? `Chi bộ Tổ dân phố số ${c + 1}` : `Chi bộ xóm ${c + 1}`;
      const cell = unit(genId('unit', unitNumber(district, 100 + g * 20 + c)), `${code}-${String(c + 1).padStart(2, '0')}`, 'CELL', cellName, id, cellEstablished());
      [cell.category, cell.residentialArea] = ['RESIDENTIAL', role === 'TOWN' ? 'TO_DAN_PHO' : 'THON'];
      cells.push({ unit: cell, role: 'RESIDENTIAL', sizeFactor: 1.1 });
    }
    // The agency cell of the commune office, dissolved on 16-4-2019; its members move to the first residential cell.
    const dissolved = unit(genId('unit', unitNumber(district, 700 + g)), `${code}-CQ`, 'CELL', `Chi bộ Cơ quan Đảng ủy - Ủy ban nhân dân ${role === 'TOWN' ? 'thị trấn' : 'xã'} ${place}`, id, '1995-03-01');
    dissolved.category = 'AGENCY';
    endUnit(dissolved, AGENCY_CELLS_DISSOLVED_ON, cells[0]!.unit.id, `Quyết định ${between(random, 100, 999)}-QĐ/ĐU`);
    cells.push({ unit: dissolved, role: 'DISSOLVED_AGENCY', sizeFactor: 0.6 });
  } else if (role === 'AGENCY_COMMITTEE') {
    const spec = AGENCY_COMMITTEES[g - RESIDENTIAL_COMMITTEES]!;
    const count = AGENCY_COMMITTEE_CELLS[g - RESIDENTIAL_COMMITTEES]!;
    for (let c = 0; c < count; c++) {
      const cell = unit(genId('unit', unitNumber(district, 100 + g * 20 + c)), `${code}-${String(c + 1).padStart(2, '0')}`, 'CELL', `${spec.cell} ${c + 1}`, id, cellEstablished());
      cell.category = 'AGENCY';
      cells.push({ unit: cell, role: 'AGENCY', sizeFactor: 0.7 });
    }
  } else {
    cells.push({ unit: grassroots, role: role === 'SCHOOL' ? 'SCHOOL' : role === 'AGENCY' ? 'AGENCY' : 'ENTERPRISE', sizeFactor: 0.8 });
  }
  return { unit: grassroots, role, cells, place };
}

/** Total number of subordinate cells (kind CELL) alive today in one district: 398 as in Xuân Trường. */
export const LIVE_CELLS_PER_DISTRICT = RESIDENTIAL_COMMITTEES * CELLS_PER_RESIDENTIAL_COMMITTEE + AGENCY_COMMITTEE_CELLS.reduce((a, b) => a + b, 0);
