import { DomainError } from '@dangvien/server';
import { describe, expect, it } from 'vitest';
import { CATEGORIES_BY_KIND, requireCategory } from './category.ts';

describe('a unit’s category', () => {
  it('is optional, and a residential cell may name its residential area', () => {
    expect(requireCategory('CELL', undefined, undefined)).toEqual({ category: null, residential_area: null });
    expect(requireCategory('CELL', 'RESIDENTIAL', 'TO_DAN_PHO')).toEqual({ category: 'RESIDENTIAL', residential_area: 'TO_DAN_PHO' });
    expect(requireCategory('GRASSROOTS_COMMITTEE', 'WARD', null)).toEqual({ category: 'WARD', residential_area: null });
  });

  it('must fit the kind, and only residential cells record an area', () => {
    const refusal = (work: () => unknown) => {
      try {
        work();
      } catch (error) {
        return error instanceof DomainError ? { code: error.extensions.code, field: error.extensions.field } : error;
      }
      return null;
    };
    expect(refusal(() => requireCategory('CELL', 'WARD', null))).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(refusal(() => requireCategory('PROVINCE', 'OTHER', null))).toEqual({ code: 'BAD_USER_INPUT', field: 'category' });
    expect(refusal(() => requireCategory('CELL', 'AGENCY', 'THON'))).toEqual({ code: 'BAD_USER_INPUT', field: 'residentialArea' });
    expect(CATEGORIES_BY_KIND.PARTY_GROUP).toEqual([]);
  });
});
