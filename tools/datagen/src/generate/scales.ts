/**
 * The three named scales (DOMAIN.md §4). Every old district has the shape of Xuân Trường (seed 001):
 * 72 grassroots organizations (25 party committees, 47 grassroots cells) and 398 subordinate cells;
 * scales differ in how many districts there are and how large cells are.
 */
export type ScaleName = 'district' | 'province' | 'national';

export interface Scale {
  name: ScaleName;
  provinces: number;
  districtsPerProvince: number;
  /** Mean number of members a cell has had (before deaths and removals over the years). */
  meanCellSize: number;
  /** Years with an annual review (each under the rule set valid at its close). */
  reviewYears: readonly number[];
  /** Monthly meetings (with attendance) generated for this many months up to the data day. */
  meetingMonths: number;
  /** Lifecycle events after admission (exemptions, discipline, deaths …) are generated from this year. */
  historyFrom: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  district: { name: 'district', provinces: 1, districtsPerProvince: 1, meanCellSize: 20.3, reviewYears: [2019, 2020, 2021, 2022, 2023, 2024, 2025], meetingMonths: 12, historyFrom: 2015 },
  province: { name: 'province', provinces: 1, districtsPerProvince: 20, meanCellSize: 38.0, reviewYears: [2022, 2023, 2024, 2025], meetingMonths: 12, historyFrom: 2015 },
  national: { name: 'national', provinces: 34, districtsPerProvince: 20, meanCellSize: 20.6, reviewYears: [2023, 2024, 2025], meetingMonths: 3, historyFrom: 2018 },
};

export function isScaleName(value: string): value is ScaleName {
  return value in SCALES;
}

/** Grassroots organizations generated (and loaded) together in one chunk. */
export const GRASSROOTS_PER_CHUNK = 12;
