import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUTATION_ROLES } from './permissions.ts';

describe('the permissions table', () => {
  it('in docs/permissions.md is the one the code enforces', () => {
    const doc = readFileSync(new URL('../../../docs/permissions.md', import.meta.url), 'utf8');
    const table = /<!-- permissions-table:start -->([\s\S]*?)<!-- permissions-table:end -->/.exec(doc)![1]!;
    const documented = Object.fromEntries(
      table
        .split('\n')
        .map((line) => /^\| `(\w+)` \| (.+) \|$/.exec(line.trim()))
        .filter((match): match is RegExpExecArray => match !== null)
        .map((match) => [match[1]!, match[2]!.split(',').map((role) => role.trim().replaceAll('`', ''))]),
    );
    expect(documented).toEqual(MUTATION_ROLES);
  });
});
