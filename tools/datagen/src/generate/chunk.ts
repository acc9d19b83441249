import { evaluationRandomFor } from './chunk-random.ts';
import { generateMeetings, generateReviews } from './evaluation.ts';
import { genId } from './ids.ts';
import { generateMembers, type GeneratedMember } from './members.ts';
import { generateTasks } from './tasks.ts';
import type { Chunk, GenUnit } from './model.ts';
import { partRandom } from './random.ts';
import { planGrassroots, type Plan } from './tree.ts';

/** Members a chunk may hold: its member numbers and CCCD serials are allocated in blocks of this size. */
const MEMBERS_PER_CHUNK_BLOCK = 8_000;
const CHUNKS_PER_DISTRICT_BLOCK = 6;

/** Chunks of the plan: 0 is the upper tree, 1..n the grassroots organizations. */
export function chunkCount(plan: Plan): number {
  return plan.chunks.length + 1;
}

/**
 * Generates one chunk from the plan alone: the same plan and index give the same rows, whatever was
 * generated before (each grassroots organization has its own random stream).
 */
export function generateChunk(plan: Plan, index: number): Chunk {
  if (index === 0) return { index, units: plan.upperUnits, members: [], cycles: [], reviews: [], meetings: [], tasks: [] };
  const chunkPlan = plan.chunks[index - 1];
  if (!chunkPlan) throw new Error(`No chunk ${index}: the plan has ${plan.chunks.length}.`);
  const { district } = chunkPlan;
  const chunk: Chunk = { index, units: [], members: [], cycles: [], reviews: [], meetings: [], tasks: [] };
  let taskCount = 0;
  let memberCount = 0;
  let meetingCount = 0;
  const allocate = (): { id: string; serial: number } => {
    if (memberCount >= MEMBERS_PER_CHUNK_BLOCK) throw new Error(`Chunk ${index} has more than ${MEMBERS_PER_CHUNK_BLOCK} members: make chunks smaller.`);
    const local = memberCount++;
    return { id: genId('member', chunkPlan.idBlock * 100_000 + local), serial: (district.indexInProvince * CHUNKS_PER_DISTRICT_BLOCK + chunkPlan.chunkInDistrict) * MEMBERS_PER_CHUNK_BLOCK + local };
  };
  for (const g of chunkPlan.grassroots) {
    const grassroots = planGrassroots(plan, district, g);
    const units: GenUnit[] = [grassroots.unit, ...grassroots.cells.map((cell) => cell.unit).filter((unit) => unit !== grassroots.unit)];
    chunk.units.push(...units);
    const members: GeneratedMember[] = generateMembers(partRandom(plan.seed, 2, district.globalIndex, g), { scale: plan.scale, district, grassroots, allocate });
    chunk.members.push(...members.map((generated) => generated.member));
    const evaluationRandom = evaluationRandomFor(plan.seed, district.globalIndex, g);
    const unitNumber = Number(grassroots.unit.id.slice(-12));
    const { cycles, reviews } = generateReviews(evaluationRandom, plan.scale, grassroots, unitNumber, members);
    chunk.cycles.push(...cycles);
    chunk.reviews.push(...reviews);
    chunk.meetings.push(...generateMeetings(evaluationRandom, plan.scale, grassroots, members, () => genId('meeting', chunkPlan.idBlock * 100_000 + meetingCount++)));
    // Tasks draw from a stream of their own, so adding them changed nothing else.
    chunk.tasks.push(...generateTasks(partRandom(plan.seed, 4, district.globalIndex, g), grassroots, members, () => genId('task', chunkPlan.idBlock * 100_000 + taskCount++)));
  }
  return chunk;
}
