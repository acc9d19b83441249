import { addDays, addMonths, DATA_DAY, dayBetween, isoDate, pad, yearOf } from './calendar.ts';
import { statusOn } from './lifecycle.ts';
import { genId } from './ids.ts';
import type { GenMember, GenMemberEvent, GenPlacement, GenPlacementChange, GenResidenceLink, MemberStatus } from './model.ts';
import type { Sex } from '@dangvien/contracts';
import { memberName } from './names.ts';
import { FAR_AWAY_PLACES, PROVINCES } from './places.ts';
import { between, pick, roughlyNormal, weightedPick } from './random.ts';
import type { Scale } from './scales.ts';
import { AGENCY_CELLS_DISSOLVED_ON, RESIDENTIAL_CELLS_PER_DISTRICT, residentialCell, type CellPlan, type DistrictPlan, type GrassrootsPlan } from './tree.ts';

/** What the evaluation part needs to know about a member beyond the record. */
export interface MemberTraits {
  /** The usual review score. */
  ability: number;
  /** Đi làm ăn xa: rarely at meetings, more often struck off. */
  farAway: boolean;
}

export interface GeneratedMember {
  member: GenMember;
  traits: MemberTraits;
}

export interface MemberContext {
  scale: Scale;
  district: DistrictPlan;
  grassroots: GrassrootsPlan;
  /** Allocates the member's number (for its id) and its serial within the province (for CCCD and card numbers). */
  allocate(): { id: string; serial: number };
}

const TERMINAL: readonly (MemberStatus | null)[] = ['LEFT', 'DECEASED'];

/** Members by every cell they were ever placed in (in generation order): rosters and attendance look only there. */
export function membersByCell(members: readonly GeneratedMember[]): Map<string, GeneratedMember[]> {
  const byCell = new Map<string, GeneratedMember[]>();
  for (const generated of members) {
    for (const cellId of new Set(generated.member.placements.map((placement) => placement.cellId))) {
      const list = byCell.get(cellId);
      if (list) list.push(generated);
      else byCell.set(cellId, [generated]);
    }
  }
  return byCell;
}

/** The members of one grassroots organization, cell by cell, with their whole recorded history. */
export function generateMembers(random: () => number, context: MemberContext): GeneratedMember[] {
  const generated: GeneratedMember[] = [];
  const liveCells = context.grassroots.cells.filter((cell) => cell.unit.endedOn === null);
  for (const cell of context.grassroots.cells) {
    const size = Math.max(3, Math.min(300, Math.round(context.scale.meanCellSize * cell.sizeFactor * (0.4 + 1.2 * random()))));
    for (let i = 0; i < size; i++) generated.push(generateMember(random, context, cell, liveCells));
  }
  return generated;
}

function generateMember(random: () => number, context: MemberContext, cell: CellPlan, liveCells: readonly CellPlan[]): GeneratedMember {
  const { scale, district, grassroots } = context;
  const { id, serial } = context.allocate();
  const residential = cell.role === 'RESIDENTIAL';
  const dissolvedCell = cell.role === 'DISSOLVED_AGENCY';
  const sex: Sex = random() < (residential ? 0.56 : 0.52) ? 'MALE' : 'FEMALE';
  // Residential cells skew old (retirees); workplaces employ people of working age.
  const bornYear = residential
    ? weightedPick(random, [[between(random, 1932, 1950), 30], [between(random, 1951, 1965), 34], [between(random, 1966, 1985), 23], [between(random, 1986, 2004), 13]] as const)
    : dissolvedCell
      ? between(random, 1958, 1985)
      : weightedPick(random, [[between(random, 1966, 1975), 25], [between(random, 1976, 1990), 50], [between(random, 1991, 2003), 25]] as const);
  const dateOfBirth = isoDate(bornYear, between(random, 1, 12), between(random, 1, 28));
  const adult = addMonths(dateOfBirth, 18 * 12);
  const lastAdmissionDay = addDays(DATA_DAY, -20);
  let admitted = addDays(addMonths(dateOfBirth, (18 + Math.floor(Math.pow(random(), 1.6) * 30)) * 12), between(random, 0, 364));
  if (random() < 0.04 && bornYear >= yearOf(DATA_DAY) - 58 && adult < '2024-09-01') admitted = dayBetween(random, '2024-09-01', lastAdmissionDay);
  if (admitted > lastAdmissionDay) admitted = dayBetween(random, adult, lastAdmissionDay);
  if (dissolvedCell && admitted >= '2019-01-01') admitted = dayBetween(random, adult > '1985-01-01' ? adult : '1985-01-01', '2018-12-31');

  const events: GenMemberEvent[] = [];
  const add = (kind: GenMemberEvent['kind'], occurredOn: string, decisionNumber: string | null = null, details: Record<string, unknown> = {}): void => {
    events.push({ kind, occurredOn, decisionNumber, details });
  };
  const decision = (what: string, on: string): string => `${between(random, 1, 999)}-${what}/ĐU ngày ${on.slice(8)}/${on.slice(5, 7)}/${on.slice(0, 4)}`;
  if (yearOf(admitted) >= scale.historyFrom) add('CANDIDATE', addMonths(admitted, -6));
  add('ADMITTED', admitted, decision('QĐ', admitted));
  let status: MemberStatus = 'PROBATIONARY';
  let last = admitted;
  const officialOn = addDays(addMonths(admitted, 12), between(random, 0, 20));
  if (officialOn <= DATA_DAY) {
    add('OFFICIAL', officialOn, decision('QĐ', officialOn));
    status = 'OFFICIAL';
    last = officialOn;
  }

  const placements: GenPlacement[] = [];
  let cellId = cell.unit.id;
  const historyStart = `${scale.historyFrom}-01-01`;
  // Some members arrived by official transfer from elsewhere: their placement here starts then.
  const arrival = !dissolvedCell && last < historyStart && random() < 0.03 ? dayBetween(random, historyStart, addDays(DATA_DAY, -60)) : null;
  placements.push({ cellId, validFrom: arrival ?? admitted, validTo: null });
  if (arrival && arrival > last) last = arrival;
  const farAway = residential && bornYear >= 1975 && random() < 0.12;
  const ability = farAway ? roughlyNormal(random, 62, 10) : roughlyNormal(random, 80, 7);

  const moveTo = (day: string, target: string): void => {
    placements.at(-1)!.validTo = day;
    placements.push({ cellId: target, validFrom: day, validTo: null });
    cellId = target;
  };
  if (dissolvedCell) {
    // The 2019 dissolution moves every active member to the successor cell on its date.
    const successor = cell.unit.successorId!;
    const eventsBefore = (): MemberStatus | null => statusOn(events, AGENCY_CELLS_DISSOLVED_ON);
    simulateYears(random, { from: scale.historyFrom, until: addDays(AGENCY_CELLS_DISSOLVED_ON, -1) });
    if (!TERMINAL.includes(eventsBefore())) moveTo(AGENCY_CELLS_DISSOLVED_ON, successor);
    if (last < AGENCY_CELLS_DISSOLVED_ON) last = AGENCY_CELLS_DISSOLVED_ON;
    simulateYears(random, { from: 2019, until: DATA_DAY });
  } else {
    simulateYears(random, { from: scale.historyFrom, until: DATA_DAY });
  }

  /** Yearly chances of death, exemption, discipline, removal and transfer, after the last recorded event. */
  function simulateYears(rand: () => number, window: { from: number; until: string }): void {
    for (let year = window.from; year <= yearOf(window.until); year++) {
      if (TERMINAL.includes(status)) return;
      const yearEnd = `${year}-12-31` < window.until ? `${year}-12-31` : window.until;
      const next = (): string | null => {
        const start = addDays(last, 1) > `${year}-01-01` ? addDays(last, 1) : `${year}-01-01`;
        if (start > yearEnd) return null;
        last = dayBetween(rand, start, yearEnd);
        return last;
      };
      const age = year - bornYear;
      const deathChance = age >= 85 ? 0.09 : age >= 80 ? 0.06 : age >= 75 ? 0.035 : age >= 70 ? 0.02 : age >= 60 ? 0.008 : 0.0015;
      if (rand() < deathChance) {
        const day = next();
        if (day) {
          add('DIED', day);
          status = 'DECEASED';
          return;
        }
      }
      if (status === 'OFFICIAL' && age >= 72 && rand() < 0.12) {
        const day = next();
        if (day) {
          add('EXEMPT', day, decision('NQ', day), { reason: 'Tuổi cao, sức yếu' });
          status = 'EXEMPT';
        }
      } else if (status === 'OFFICIAL' && age < 72 && rand() < 0.004) {
        const day = next();
        if (day) {
          add('EXEMPT', day, decision('NQ', day), { reason: 'Ốm đau phải điều trị dài ngày', temporary: true });
          status = 'EXEMPT';
          const ends = addMonths(day, between(rand, 6, 12));
          if (ends <= DATA_DAY && rand() < 0.6) {
            add('EXEMPT_ENDED', ends, decision('NQ', ends));
            status = 'OFFICIAL';
            last = ends;
          }
        }
      }
      if (rand() < 0.005) {
        const day = next();
        if (day) {
          const level = weightedPick(rand, [['REPRIMAND', 60], ['WARNING', 30], ['DISMISSAL', 5], ['EXPULSION', 5]] as const);
          add('DISCIPLINE', day, decision('QĐ', day), { disciplineLevel: level });
          if (level === 'EXPULSION') {
            status = 'LEFT';
            return;
          }
        }
      }
      if (rand() < (farAway ? 0.02 : 0.0012)) {
        const day = next();
        if (day) {
          add('NAME_REMOVED', day, decision('QĐ', day), { reason: farAway ? 'Bỏ sinh hoạt đảng 3 tháng trong năm không có lý do' : 'Không đóng đảng phí 3 tháng trong năm không có lý do' });
          status = 'LEFT';
          return;
        }
      }
      if (rand() < 0.0003) {
        const day = next();
        if (day) {
          add('LEFT', day, decision('QĐ', day), { reason: 'Xin ra khỏi Đảng' });
          status = 'LEFT';
          return;
        }
      }
      if (!dissolvedCell && status !== 'EXEMPT' && liveCells.length > 1 && rand() < 0.01) {
        const day = next();
        const target = pick(rand, liveCells.filter((other) => other.unit.id !== cellId));
        if (day) moveTo(day, target.unit.id);
      }
    }
  }

  const province = district.province.place;
  const shortDistrict = district.name.replace('Đảng bộ huyện ', '');
  const address = (place: string): string => `xã ${place}, huyện ${shortDistrict}, ${province.name}`;
  const homePlace = pick(random, district.places);
  const cellName = cell.unit.versions[0]!.name.replace(/^Chi bộ /, '');
  const working = !residential;
  const residence = farAway
    ? `Đi làm ăn xa: ${pick(random, FAR_AWAY_PLACES)}`
    : residential
      ? `${cellName}, ${grassroots.unit.versions[0]!.name.replace(/^Đảng bộ /, '')}, huyện ${shortDistrict}, ${province.name}`
      : `Xóm ${between(random, 1, 17)}, ${address(homePlace)}`;
  const ageNow = yearOf(DATA_DAY) - bornYear;
  const occupation = occupationFor(random, cell, grassroots, ageNow, farAway);
  const serialText = pad(serial, 6);
  const centurySex = (bornYear >= 2000 ? 2 : 0) + (sex === 'FEMALE' ? 1 : 0);
  const citizenId = `${province.cccdCode}${centurySex}${pad(bornYear % 100)}${serialText}`;
  const newCard = `${province.cccdCode}.${serialText}.25`;
  const cards = admitted < '2025-01-01' ? [`${province.cccdCode}${serialText}`, newCard] : [newCard];
  const old = bornYear < 1960;

  const member: GenMember = {
    id,
    fullName: memberName(random, sex, bornYear),
    sex,
    dateOfBirth,
    ethnicity: weightedPick(random, [['Kinh', 96.5], ['Mường', 1], ['Tày', 1], ['Thái', 0.6], ['Hoa', 0.4], ['Khmer', 0.3], ['Nùng', 0.2]] as const),
    religion: weightedPick(random, [['Không', 86], ['Công giáo', 10], ['Phật giáo', 4]] as const),
    hometown: random() < 0.85 ? address(homePlace) : pick(random, PROVINCES).name,
    residence,
    citizenId,
    phone: `0${pick(random, ['9', '8', '3', '7'])}${pad(Math.floor(random() * 100_000_000), 8)}`,
    educationLevel: old ? weightedPick(random, [['7/10', 35], ['10/10', 45], ['12/12', 20]] as const) : weightedPick(random, [['12/12', 90], ['9/12', 10]] as const),
    professionalQualification: working
      ? weightedPick(random, [['Đại học', 60], ['Thạc sĩ', 12], ['Cao đẳng', 10], ['Trung cấp', 18]] as const)
      : weightedPick(random, [[null, 50], ['Trung cấp', 20], ['Đại học', 20], ['Sơ cấp', 10]] as const),
    politicalTheoryLevel: working
      ? weightedPick(random, [['SO_CAP', 45], ['TRUNG_CAP', 35], ['CAO_CAP', 12], ['CU_NHAN', 3], [null, 5]] as const)
      : weightedPick(random, [['SO_CAP', 70], ['TRUNG_CAP', 15], [null, 15]] as const),
    occupation,
    workplace: working ? workplaceFor(cell, grassroots) : null,
    partyCardNumber: cards.at(-1)!,
    profileNumber: `${province.cccdCode}.LL.${serialText}`,
    status,
    cellId,
    placements,
    events,
    cards,
    changes: placementChanges(events, placements),
    residenceLink: null,
  };
  // Regulation 213: working members (not troops in barracks) are introduced to the residential cell where they live.
  if (working && !dissolvedCell && occupation !== 'Quân nhân' && ['PROBATIONARY', 'OFFICIAL', 'EXEMPT'].includes(status) && random() < 0.9) {
    member.residenceLink = residenceLinkFor(random, scale, district, member);
  }
  return { member, traits: { ability, farAway } };
}

/** Each date from the first placement on where the cell or the status changes, with both as they stand from then. */
function placementChanges(events: readonly GenMemberEvent[], placements: readonly GenPlacement[]): GenPlacementChange[] {
  const first = placements[0]!.validFrom!;
  const dates = [...new Set([...placements.map((placement) => placement.validFrom!), ...events.map((event) => event.occurredOn)])].filter((day) => day >= first).sort();
  const changes: GenPlacementChange[] = [];
  for (const day of dates) {
    const status = statusOn(events, day);
    const placement = placements.find((p) => p.validFrom! <= day && (p.validTo === null || p.validTo > day)) ?? placements.at(-1)!;
    if (!status) continue;
    const previous = changes.at(-1);
    if (previous && previous.status === status && previous.cellId === placement.cellId) continue;
    changes.push({ cellId: placement.cellId, status, effectiveFrom: day });
  }
  return changes;
}

const RESIDENCE_COMMENTS = [
  'Gương mẫu chấp hành chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định nơi cư trú.',
  'Giữ mối liên hệ với chi bộ nơi cư trú, tham gia đầy đủ các buổi gặp mặt; gia đình văn hóa.',
  'Ít tham gia sinh hoạt với tổ dân phố; đề nghị tăng cường liên hệ với nơi cư trú.',
  'Tích cực tham gia phong trào ở khu dân cư, đóng góp ý kiến xây dựng chi bộ.',
];
const FRONT_OPINIONS = ['Ban công tác Mặt trận nhất trí.', 'Ban công tác Mặt trận nhất trí, đề nghị phát huy.', 'Ban công tác Mặt trận có ý kiến: cần tham gia sinh hoạt khu dân cư nhiều hơn.'];

function residenceLinkFor(random: () => number, scale: Scale, district: DistrictPlan, member: GenMember): GenResidenceLink {
  const number = Number(member.id.slice(-12));
  const start = member.placements.at(-1)!.validFrom! > '2020-01-02' ? member.placements.at(-1)!.validFrom! : '2020-01-02';
  const latest = addDays(start, 180) < DATA_DAY ? addDays(start, 180) : DATA_DAY;
  const validFrom = dayBetween(random, start, latest);
  const { wardId, cellId } = residentialCell(district, between(random, 0, RESIDENTIAL_CELLS_PER_DISTRICT - 1));
  const comments: GenResidenceLink['comments'] = [];
  scale.reviewYears.forEach((year, yearIndex) => {
    if (validFrom > `${year}-10-31`) return;
    const status = statusOn(member.events, `${year}-12-15`);
    if (status !== 'PROBATIONARY' && status !== 'OFFICIAL') return;
    const recordedOn = isoDate(year, 11, between(random, 5, 25));
    comments.push({
      id: genId('residenceComment', number * 10 + yearIndex), year, comment: pick(random, RESIDENCE_COMMENTS), frontCommitteeOpinion: pick(random, FRONT_OPINIONS),
      recordedOn, deliveredOn: addDays(recordedOn, between(random, 0, 10)),
    });
  });
  return { id: genId('residenceLink', number), wardId, residenceCellId: cellId, validFrom, comments };
}

function occupationFor(random: () => number, cell: CellPlan, grassroots: GrassrootsPlan, age: number, farAway: boolean): string {
  if (farAway) return pick(random, ['Lao động tự do', 'Công nhân', 'Kinh doanh']);
  switch (cell.role) {
    case 'RESIDENTIAL':
      return age >= 60 ? weightedPick(random, [['Hưu trí', 70], ['Nông dân', 30]] as const) : weightedPick(random, [['Nông dân', 40], ['Kinh doanh', 20], ['Công nhân', 15], ['Lao động tự do', 15], ['Cán bộ thôn, xóm', 10]] as const);
    case 'DISSOLVED_AGENCY':
      return age >= 62 ? 'Hưu trí' : 'Công chức';
    case 'SCHOOL':
      return weightedPick(random, [['Giáo viên', 85], ['Cán bộ quản lý giáo dục', 15]] as const);
    case 'ENTERPRISE':
      return weightedPick(random, [['Công nhân', 50], ['Kỹ sư', 20], ['Nhân viên', 30]] as const);
    case 'AGENCY': {
      const name = grassroots.unit.versions[0]!.name;
      if (name.includes('Quân sự')) return 'Quân nhân';
      if (name.includes('Công an')) return 'Công an';
      if (name.includes('Bệnh viện') || name.includes('Y tế')) return weightedPick(random, [['Bác sĩ', 50], ['Điều dưỡng', 50]] as const);
      return weightedPick(random, [['Công chức', 60], ['Viên chức', 40]] as const);
    }
  }
}

/** A working member's workplace (Regulation 213: they also keep contact with the cell where they live). */
function workplaceFor(cell: CellPlan, grassroots: GrassrootsPlan): string {
  const grassrootsName = grassroots.unit.versions[0]!.name.replace(/^(Chi bộ|Đảng bộ) /, '');
  if (cell.unit.id === grassroots.unit.id) return grassrootsName;
  return `${cell.unit.versions[0]!.name.replace(/^Chi bộ /, '')}, ${grassrootsName}`;
}
