import type { SubgraphName } from '@dangvien/db';
import { demoDataSet, demoId } from '@dangvien/demo-data';
import { SCALES } from './generate/scales.ts';
import { planDataSet } from './generate/tree.ts';
import { loadDataSet, type LoadSummary } from './load/load.ts';

/** The demo's Xuân Trường: its district unit, which the demo accounts are scoped to. */
const DEMO_DISTRICT = demoId('unit', 2);
export const DEMO_DISTRICT_DATASET = 'district:2026:demo';

/**
 * The district scale around the demo tree for the demo start: the generated grassroots organizations
 * (all of Xuân Trường's but the three the demo already has) go under the demo's Xuân Trường district,
 * so the demo accounts see a whole district while every demo unit, member and id stays as it was.
 * Loaded once: later starts find the checkpoints and skip.
 */
export async function loadDemoDistrict(databaseUrls: Record<SubgraphName, string>, options: { progress?: boolean } = {}): Promise<LoadSummary> {
  const demo = demoDataSet();
  const district = demo.orgUnits.find((unit) => unit.id === DEMO_DISTRICT)!;
  const existingGrassroots = demo.orgUnits.filter((unit) => unit.parentId === DEMO_DISTRICT).map((unit) => unit.name);
  const plan = planDataSet(SCALES.district, 2026, { underDistrict: { id: district.id, name: district.name, existingGrassroots } });
  return loadDataSet({ plan, dataset: DEMO_DISTRICT_DATASET, databaseUrls, progress: options.progress });
}
