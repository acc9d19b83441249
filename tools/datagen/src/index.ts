export { DATA_DAY } from './generate/calendar.ts';
export { chunkCount, generateChunk } from './generate/chunk.ts';
export { genId, genIdPattern } from './generate/ids.ts';
export type * from './generate/model.ts';
export { FAMILY_NAME_SHARES, familyNameOf } from './generate/names.ts';
export { GRASSROOTS_PER_CHUNK, isScaleName, SCALES, type Scale, type ScaleName } from './generate/scales.ts';
export { AGENCY_CELLS_DISSOLVED_ON, LIVE_CELLS_PER_DISTRICT, planDataSet, REFORM_DAY, type Plan, type PlanOptions } from './generate/tree.ts';
export { DEMO_DISTRICT_DATASET, loadDemoDistrict } from './demo-district.ts';
export { formatMemberCountReport, memberCountReport, type MemberCountReport, type UnitCountComparison } from './load/member-counts.ts';
