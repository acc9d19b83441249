import { addDays, addMonths, DATA_DAY, dayBetween } from './calendar.ts';
import { cellOn, statusOn } from './lifecycle.ts';
import type { GenTask } from './model.ts';
import { membersByCell, type GeneratedMember } from './members.ts';
import { memberName } from './names.ts';
import { between, pick, weightedPick } from './random.ts';
import type { GrassrootsPlan } from './tree.ts';

const RESIDENTIAL_TASKS = [
  'Vận động hộ gia đình thực hiện nếp sống văn minh, gia đình văn hóa',
  'Nắm tình hình tư tưởng nhân dân, phản ánh kịp thời với chi bộ',
  'Vận động các hộ tham gia vệ sinh môi trường, giữ gìn đường làng ngõ xóm',
  'Tuyên truyền phòng, chống ma túy và tệ nạn xã hội',
  'Dân vận khéo: vận động hộ hiến đất làm đường giao thông nông thôn',
  'Theo dõi, giúp đỡ hộ nghèo, hộ cận nghèo thoát nghèo',
];
const WORKPLACE_TASKS = [
  'Hoàn thành chỉ tiêu chuyên môn được giao trong năm',
  'Phụ trách công tác đoàn thể của đơn vị',
  'Kèm cặp, giúp đỡ quần chúng ưu tú phấn đấu vào Đảng',
  'Tham gia cải cách hành chính, chuyển đổi số ở đơn vị',
];
const REVIEW_COMMENTS: Record<string, readonly (string | null)[]> = {
  EXCEEDED: ['Hoàn thành vượt mức, được biểu dương.', null],
  DONE: ['Hoàn thành.', null, null],
  IN_PROGRESS: ['Đang thực hiện, cần đôn đốc thêm.', null],
  NOT_DONE: ['Chưa thực hiện, đề nghị khắc phục.', 'Chậm tiến độ.'],
};

/** Members on a cell's roster that day: placed there, probationary or official (as evaluation counts it). */
function rosterOn(members: readonly GeneratedMember[], cellId: string, day: string): GeneratedMember[] {
  return members.filter(({ member }) => {
    if (cellOn(member, day) !== cellId) return false;
    const status = statusOn(member.events, day);
    return status === 'PROBATIONARY' || status === 'OFFICIAL';
  });
}

/**
 * Task assignment (phân công nhiệm vụ) in every live cell over the last year: about one task for three
 * members on the roster, reviewed each quarter by the cell. When the holder leaves the roster (moves,
 * is exempted, dies, is struck off) the cell re-assigns the task most of the time; otherwise it stays
 * with someone who is gone and is reviewed no more: the "sót việc" the seeds complain about.
 */
export function generateTasks(random: () => number, grassroots: GrassrootsPlan, members: readonly GeneratedMember[], nextId: () => string): GenTask[] {
  const tasks: GenTask[] = [];
  const firstStart = addMonths(DATA_DAY, -12);
  const lastStart = addMonths(DATA_DAY, -2);
  const byCell = membersByCell(members);
  for (const cell of grassroots.cells) {
    if (cell.unit.endedOn !== null) continue;
    const placed = byCell.get(cell.unit.id) ?? [];
    const residential = cell.role === 'RESIDENTIAL';
    const count = Math.ceil(rosterOn(placed, cell.unit.id, lastStart).length / 3);
    for (let t = 0; t < count; t++) {
      const startsOn = dayBetween(random, firstStart, lastStart);
      let roster = rosterOn(placed, cell.unit.id, startsOn);
      if (roster.length === 0) continue;
      let holder = pick(random, roster).member;
      const task: GenTask = {
        id: nextId(),
        cellId: cell.unit.id,
        title: pick(random, residential ? RESIDENTIAL_TASKS : WORKPLACE_TASKS),
        area: residential ? `${cell.unit.versions[0]!.name.replace(/^Chi bộ /, '')}, cụm ${between(random, 1, 4)}` : null,
        households: residential ? Array.from({ length: between(random, 3, 10) }, () => `Hộ ${random() < 0.6 ? 'ông' : 'bà'} ${memberName(random, random() < 0.6 ? 'MALE' : 'FEMALE', 1960)}`) : [],
        startsOn,
        endsOn: random() < 0.7 ? addMonths(startsOn, 12) : null,
        assignments: [{ memberId: holder.id, assignedOn: startsOn, endedOn: null }],
        reviews: [],
      };
      if (!residential && task.households.length === 0) task.area = cell.unit.versions[0]!.name.replace(/^Chi bộ /, '');
      for (let reviewedOn = addMonths(startsOn, 3); reviewedOn <= DATA_DAY; reviewedOn = addMonths(reviewedOn, 3)) {
        if (!rosterOn(placed, cell.unit.id, reviewedOn).some(({ member }) => member.id === holder.id)) {
          // The holder is gone: re-assigned to someone on the roster that day, after the last review, or forgotten.
          // Strictly after the current holder's assignment and the last review, at the latest on this review's day.
          const lastReview = task.reviews.at(-1)?.reviewedOn ?? startsOn;
          const since = task.assignments.at(-1)!.assignedOn > lastReview ? task.assignments.at(-1)!.assignedOn : lastReview;
          if (since >= reviewedOn) break;
          const reassignedOn = dayBetween(random, addDays(since, 1), reviewedOn);
          roster = rosterOn(placed, cell.unit.id, reassignedOn).filter(({ member }) => member.id !== holder.id);
          if (roster.length === 0 || random() < 0.4) break;
          task.assignments.at(-1)!.endedOn = reassignedOn;
          holder = pick(random, roster).member;
          task.assignments.push({ memberId: holder.id, assignedOn: reassignedOn, endedOn: null });
        }
        const result = weightedPick(random, [['DONE', 55], ['IN_PROGRESS', 25], ['EXCEEDED', 12], ['NOT_DONE', 8]] as const);
        task.reviews.push({ id: nextId(), memberId: holder.id, reviewedOn, result, comment: pick(random, REVIEW_COMMENTS[result]!) });
        if (result === 'DONE' || result === 'EXCEEDED') break;
      }
      tasks.push(task);
    }
  }
  return tasks;
}
