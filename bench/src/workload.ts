import { todayInVietnam } from '@dangvien/db';
import { DATA_DAY } from '@dangvien/datagen';
import { timedPost, withClient } from './client.ts';
import { seededRandom, type Fixture } from './fixture.ts';
import { AGGREGATES, ANALYTICS, CLERK_MIX, DASHBOARD, MEMBER_PAGE, RECORD_ATTENDANCE, ROSTER, SEARCH, type ClerkOperationName, type OperationCall, type OperationName } from './operations.ts';

export interface Workload {
  makeCall(name: OperationName): OperationCall;
  /** One call of the clerk mix, drawn by CLERK_MIX's shares. */
  mixCall(): OperationCall;
  /** Starts the draws again from `seed`: the same sequence of calls for each target. */
  reseed(seed: number): void;
  clerkNames: ClerkOperationName[];
}

/**
 * The calls clients send, drawn deterministically from the fixture. Recording attendance needs a
 * meeting slot of its own each time (one meeting per cell, day and kind): slots are days after the
 * data's last day (the generated world's, or before today for the demo), not yet taken.
 */
/** The top unit's dashboard for the generated world's year so far (its last day: DATA_DAY). */
const DASHBOARD_VARIABLES = (unitId: string) => ({
  unitId,
  from: `${DATA_DAY.slice(0, 4)}-01-01`,
  to: DATA_DAY,
  year: Number(DATA_DAY.slice(0, 4)),
  fromMonth: `${DATA_DAY.slice(0, 4)}-01`,
  toMonth: DATA_DAY.slice(0, 7),
});

export async function createWorkload(options: { gatewayUrl: string; fixture: Fixture; evaluationDatabaseUrl: string; seed?: number; firstDay?: string; skipRosters?: boolean }): Promise<Workload> {
  const { fixture } = options;
  let random = seededRandom(options.seed ?? 2026);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const today = todayInVietnam();
  const firstDay = options.firstDay ?? DATA_DAY;
  const rosters = new Map<string, { memberId: string; status: string }[]>();
  for (const cellId of options.skipRosters ? [] : fixture.cellIds.slice(0, 100)) {
    const answer = await timedPost(options.gatewayUrl, { name: 'roster', query: `query ($id: ID!) { orgUnit(id: $id) { members(first: 500) { id status } } }`, variables: { id: cellId } });
    const members = (JSON.parse(answer.body) as { data?: { orgUnit?: { members?: { id: string; status: string }[] } } }).data?.orgUnit?.members ?? [];
    const roster = members.filter((member) => member.status !== 'EXEMPT');
    if (roster.length > 0) rosters.set(cellId, roster.map((member, index) => ({ memberId: member.id, status: index % 7 === 3 ? 'ABSENT' : 'PRESENT' })));
  }
  // Slots an earlier run already used (`--skip-load` reuses its data) are left out.
  const taken = await withClient(options.evaluationDatabaseUrl, async (client) =>
    new Set(
      (await client.query<{ slot: string }>(`SELECT cell_id || ' ' || held_on || ' ' || kind AS slot FROM meeting WHERE held_on > $1 AND cell_id = ANY($2::uuid[])`, [firstDay, [...rosters.keys()]])).rows.map((row) => row.slot),
    ),
  );
  const slots: { cellId: string; heldOn: string; kind: string }[] = [];
  for (let day = new Date(`${today}T00:00:00Z`); day.toISOString().slice(0, 10) > firstDay && slots.length < 20_000; day.setUTCDate(day.getUTCDate() - 1)) {
    const heldOn = day.toISOString().slice(0, 10);
    for (const kind of ['REGULAR', 'THEMATIC']) for (const cellId of rosters.keys()) if (!taken.has(`${cellId} ${heldOn} ${kind}`)) slots.push({ cellId, heldOn, kind });
  }
  let nextSlot = 0;
  const makeCall = (name: OperationName): OperationCall => {
    switch (name) {
      case 'roster':
        return { name, query: ROSTER, variables: { id: pick(fixture.cellIds), year: 2026 } };
      case 'search':
        return { name, query: SEARCH, variables: { name: pick(fixture.searchTerms) } };
      case 'memberPage':
        return { name, query: MEMBER_PAGE, variables: { id: pick(fixture.memberIds) } };
      case 'recordAttendance': {
        const slot = slots[nextSlot++ % Math.max(1, slots.length)]!;
        return { name, query: RECORD_ATTENDANCE, variables: { input: { ...slot, agenda: 'Sinh hoạt chi bộ (đo hiệu năng)', attendance: rosters.get(slot.cellId) } } };
      }
      case 'analytics':
        return { name, query: ANALYTICS, variables: { id: fixture.rootId, gradeYear: 2025, attendanceYear: 2026 } };
      case 'aggregates':
        return { name, query: AGGREGATES, variables: { id: fixture.rootId, gradeYear: 2025, attendanceYear: 2026 } };
      case 'dashboard':
        return { name, query: DASHBOARD, variables: DASHBOARD_VARIABLES(fixture.rootId) };
    }
  };
  const clerkNames = Object.keys(CLERK_MIX) as ClerkOperationName[];
  const mixCall = (): OperationCall => {
    let roll = random();
    for (const name of clerkNames) {
      roll -= CLERK_MIX[name];
      if (roll <= 0) return makeCall(name);
    }
    return makeCall('memberPage');
  };
  return {
    makeCall,
    mixCall,
    reseed: (seed) => {
      random = seededRandom(seed);
    },
    clerkNames,
  };
}
