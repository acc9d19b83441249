import type { MeetingKind } from '@dangvien/contracts';
import { addMonths, DATA_DAY, isoDate, pad } from './calendar.ts';
import { genId } from './ids.ts';
import { admissionOf, cellOn, statusOn } from './lifecycle.ts';
import type { GenAttendance, GenMeeting, GenReview, GenReviewCycle, Grade } from './model.ts';
import { membersByCell, type GeneratedMember } from './members.ts';
import { pick, roughlyNormal, weightedPick } from './random.ts';
import type { Scale } from './scales.ts';
import type { GrassrootsPlan } from './tree.ts';

/**
 * The rule sets evaluation's migration seeds (132, 124, 366), with the day each starts to apply; the
 * numbers of every generated grade come from the rule set valid when its cycle closes.
 */
const RULE_SETS = [
  { id: '40000000-0000-4000-8000-000000000132', validFrom: '2018-03-08', excellent: 90, good: 70, completed: 50, quotaPercent: 20 },
  { id: '40000000-0000-4000-8000-000000000124', validFrom: '2023-10-04', excellent: 90, good: 70, completed: 50, quotaPercent: 20 },
  { id: '40000000-0000-4000-8000-000000000366', validFrom: '2025-08-30', excellent: 90, good: 70, completed: 50, quotaPercent: 20 },
] as const;

export function ruleSetOn(day: string): (typeof RULE_SETS)[number] {
  const valid = RULE_SETS.filter((ruleSet) => ruleSet.validFrom <= day);
  if (valid.length === 0) throw new Error(`No rule set on ${day}: reviews start in 2018.`);
  return valid.at(-1)!;
}

/**
 * One closed annual cycle per grassroots organization and year, with a decided review for every member
 * active in December: disciplined members do not complete; excellent grades are kept within the quota
 * (at most 20% of the good ones, as evaluation checks), the lowest excellent scores becoming good.
 */
export function generateReviews(random: () => number, scale: Scale, grassroots: GrassrootsPlan, unitNumber: number, members: readonly GeneratedMember[]): { cycles: GenReviewCycle[]; reviews: GenReview[] } {
  const cycles: GenReviewCycle[] = [];
  const reviews: GenReview[] = [];
  scale.reviewYears.forEach((year, yearIndex) => {
    const closesOn = `${year}-12-31`;
    const ruleSet = ruleSetOn(closesOn);
    const cycle: GenReviewCycle = { id: genId('cycle', unitNumber * 10 + yearIndex), unitId: grassroots.unit.id, year, closesOn, ruleSetId: ruleSet.id };
    cycles.push(cycle);
    const decided: GenReview[] = [];
    for (const { member, traits } of members) {
      const status = statusOn(member.events, `${year}-12-15`);
      if (status !== 'PROBATIONARY' && status !== 'OFFICIAL') continue;
      if (admissionOf(member) > `${year}-09-30`) continue;
      const disciplined = member.events.some((event) => event.kind === 'DISCIPLINE' && event.occurredOn.startsWith(`${year}-`));
      let score = Math.max(0, Math.min(100, Math.round(roughlyNormal(random, traits.ability, 6))));
      if (disciplined) score = Math.min(score, ruleSet.completed - 1);
      const grade: Grade = disciplined ? 'NOT_COMPLETED' : score >= ruleSet.excellent ? 'EXCELLENT' : score >= ruleSet.good ? 'GOOD' : score >= ruleSet.completed ? 'COMPLETED' : 'NOT_COMPLETED';
      const memberNumber = Number(member.id.slice(-12));
      decided.push({ id: genId('review', memberNumber * 10 + yearIndex), memberId: member.id, year, score, grade, cycleId: cycle.id, ruleSetId: ruleSet.id, disciplined });
    }
    const excellent = decided.filter((review) => review.grade === 'EXCELLENT').sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
    let good = decided.filter((review) => review.grade === 'GOOD').length;
    while (excellent.length > Math.floor((good * ruleSet.quotaPercent) / 100)) {
      const downgraded = excellent.shift()!;
      downgraded.grade = 'GOOD';
      downgraded.score = ruleSet.excellent - 1;
      good += 1;
    }
    reviews.push(...decided);
  });
  return { cycles, reviews };
}

const EXCUSES = ['Ốm', 'Đi công tác', 'Việc gia đình', 'Đi viện', 'Đi học tập trung'];
const THEMES = [
  'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh',
  'Xây dựng chi bộ trong sạch, vững mạnh',
  'Phát huy vai trò đảng viên nơi cư trú',
  'Công tác dân vận ở khu dân cư',
];

/**
 * Monthly meetings (on the 3rd, as many cells meet) of every live cell over the scale's last months,
 * a thematic meeting each quarter, and attendance of the members active in the cell that day
 * (exempt members are left out). Members working far away are mostly absent.
 */
export function generateMeetings(random: () => number, scale: Scale, grassroots: GrassrootsPlan, members: readonly GeneratedMember[], nextMeetingId: () => string): GenMeeting[] {
  const meetings: GenMeeting[] = [];
  const byCell = membersByCell(members);
  const lastMonth = addMonths(`${DATA_DAY.slice(0, 7)}-01`, -1);
  for (const cell of grassroots.cells) {
    if (cell.unit.endedOn !== null) continue;
    for (let back = scale.meetingMonths - 1; back >= 0; back--) {
      const month = addMonths(lastMonth, -back);
      const [year, monthNumber] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
      const held: { day: string; kind: MeetingKind; agenda: string }[] = [
        { day: isoDate(year, monthNumber, 3), kind: 'REGULAR', agenda: `Sinh hoạt chi bộ thường kỳ tháng ${pad(monthNumber)}/${year}` },
      ];
      if (monthNumber % 3 === 0) held.push({ day: isoDate(year, monthNumber, 15), kind: 'THEMATIC', agenda: `Sinh hoạt chuyên đề: ${pick(random, THEMES)}` });
      for (const { day, kind, agenda } of held) {
        const attendance: GenAttendance[] = [];
        for (const { member, traits } of byCell.get(cell.unit.id) ?? []) {
          if (cellOn(member, day) !== cell.unit.id) continue;
          const status = statusOn(member.events, day);
          if (status !== 'PROBATIONARY' && status !== 'OFFICIAL') continue;
          const age = year - Number(member.dateOfBirth.slice(0, 4));
          const presence = traits.farAway
            ? weightedPick(random, [['PRESENT', 10], ['EXCUSED', 35], ['ABSENT', 55]] as const)
            : weightedPick(random, [['PRESENT', age >= 75 ? 75 : 88], ['EXCUSED', age >= 75 ? 20 : 8], ['ABSENT', age >= 75 ? 5 : 4]] as const);
          attendance.push({ memberId: member.id, status: presence, reason: presence === 'EXCUSED' ? (traits.farAway ? 'Đi làm ăn xa' : pick(random, EXCUSES)) : null });
        }
        meetings.push({ id: nextMeetingId(), cellId: cell.unit.id, heldOn: day, kind, agenda, resolution: kind === 'REGULAR' ? `Nghị quyết chi bộ tháng ${pad(monthNumber)}/${year}` : null, attendance });
      }
    }
  }
  return meetings;
}
