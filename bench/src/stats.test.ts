import { describe, expect, it } from 'vitest';
import { requestLabel, topLevelFields } from './direct.ts';
import { formatRatio, percentile, ratio, summarize } from './stats.ts';

describe('benchmark statistics', () => {
  it('takes nearest-rank percentiles of unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile(samples, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes counts, percentiles and the mean', () => {
    const samples = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(summarize(samples)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, mean: 50.5 });
  });

  it('gives no ratio when a side is missing or zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
    expect(formatRatio(1.5)).toBe('1.50×');
    expect(formatRatio(Number.NaN)).toBe('–');
  });
});

describe('labels of captured subgraph requests', () => {
  it('names the top-level fields, not arguments or nested selections', () => {
    expect(topLevelFields('query Q__evaluation__1($id: ID!) { gradeDistribution(unitId: $id, year: 2025) { good total } rate: attendanceRate(unitId: $id) { rate } }')).toEqual([
      'gradeDistribution',
      'attendanceRate',
    ]);
  });

  it('names the entity types of an _entities fetch', () => {
    const body = JSON.stringify({ query: 'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { latestReview { grade } } } }', variables: { representations: [{ __typename: 'Member', id: '1' }] } });
    expect(requestLabel({ subgraph: 'evaluation', body })).toBe('evaluation: _entities(Member)');
  });
});
