import { describe, expect, it } from 'vitest';
import type { Grant } from '@dangvien/ui';
import { allowedModules, homeModule, isSystemAccount } from './modules.ts';

const grant = (role: string, scopeUnitId = 'unit') => ({ role, scopeUnitId }) as Grant;
const names = (grants: Grant[]) => allowedModules(grants).map((module) => module.name);

describe('allowedModules', () => {
  it('gives each role its levels, highest first', () => {
    expect(names([grant('CELL_SECRETARY')])).toEqual(['cell']);
    expect(names([grant('CELL_COMMITTEE')])).toEqual(['cell']);
    expect(names([grant('WARD_COMMITTEE')])).toEqual(['ward', 'cell']);
    expect(names([grant('DISTRICT_BOARD')])).toEqual(['district', 'ward', 'cell']);
    expect(names([grant('ANALYST')])).toEqual(['district', 'ward', 'cell']);
    expect(names([grant('ADMIN')])).toEqual(['district', 'ward', 'cell']);
    expect(names([grant('PROVINCIAL_SYSTEM')])).toEqual([]);
  });

  it('unites several grants without duplicates', () => {
    expect(names([grant('CELL_SECRETARY', 'c1'), grant('WARD_COMMITTEE', 'w1'), grant('CELL_COMMITTEE', 'c2')])).toEqual(['ward', 'cell']);
  });

  it('opens nothing for no grant or a role it does not know', () => {
    expect(names([])).toEqual([]);
    expect(names([grant('SUPERUSER'), grant('toString'), grant('constructor')])).toEqual([]);
  });
});

describe('homeModule', () => {
  it('leads to the highest module allowed', () => {
    expect(homeModule([grant('CELL_SECRETARY'), grant('WARD_COMMITTEE')])?.path).toBe('/ward');
    expect(homeModule([grant('DISTRICT_BOARD')])?.path).toBe('/district');
    expect(homeModule([grant('CELL_COMMITTEE')])?.path).toBe('/cell');
    expect(homeModule([grant('PROVINCIAL_SYSTEM')])).toBeUndefined();
  });
});

describe('isSystemAccount', () => {
  it('is true only for an account whose roles open no module because of PROVINCIAL_SYSTEM', () => {
    expect(isSystemAccount([grant('PROVINCIAL_SYSTEM')])).toBe(true);
    expect(isSystemAccount([grant('PROVINCIAL_SYSTEM'), grant('ANALYST')])).toBe(false);
    expect(isSystemAccount([])).toBe(false);
  });
});
