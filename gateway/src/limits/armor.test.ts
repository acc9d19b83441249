import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { armorRules } from './armor.ts';
import { limitsConfig } from './config.ts';
import { nested, validationErrors } from './test-schema.ts';

const config = limitsConfig({ GRAPHQL_MAX_DEPTH: '4', GRAPHQL_MAX_ALIASES: '3', GRAPHQL_MAX_DIRECTIVES: '2' });
const rules = armorRules(config);
const limitsHit = (query: string) => validationErrors(query, rules).map((error) => error.extensions.limit);

describe('graphql-armor limits', () => {
  it('refuses an operation deeper than GRAPHQL_MAX_DEPTH, and admits one at it', () => {
    expect(limitsHit(`{ node { ${nested(3)} } }`)).toEqual([]);
    const errors = validationErrors(`{ node { ${nested(4)} } }`, rules);
    expect(errors.map((error) => error.extensions.limit)).toEqual(['DEPTH']);
    expect(errors[0]!.message).toBe('Query depth limit of 4 exceeded, found 5.');
  });

  it('counts a deep query hidden in a fragment named __schema (the old introspection bypass)', () => {
    const hidden = `query { ...__schema } fragment __schema on Query { node { ${nested(20)} } }`;
    expect(limitsHit(hidden)).toContain('DEPTH');
    expect(limitsHit(`{ node { ...__schema } } fragment __schema on Node { ${nested(20)} }`)).toContain('DEPTH');
  });

  it('counts a deep query behind a field aliased __schema', () => {
    expect(limitsHit(`{ __schema: node { ${nested(20)} } }`)).toContain('DEPTH');
  });

  it('leaves real introspection to graphql-js, which bounds its recursion, so development tools still work', () => {
    expect(validationErrors(getIntrospectionQuery(), armorRules(limitsConfig({})))).toEqual([]);
    const recursive = '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }';
    expect(validationErrors(recursive, rules).map((error) => error.message)).toEqual(['Maximum introspection depth exceeded']);
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', () => {
    expect(limitsHit('{ a: node { id } b: node { id } c: node { id } }')).toEqual([]);
    expect(limitsHit('{ a: node { id } b: node { id } c: node { id } d: node { id } }')).toEqual(['ALIASES']);
  });

  it('refuses more directives than GRAPHQL_MAX_DIRECTIVES', () => {
    expect(limitsHit('{ node { id @skip(if: false) name @skip(if: false) } }')).toEqual([]);
    expect(limitsHit('{ node { id @skip(if: false) name @skip(if: false) child @skip(if: false) { id } } }')).toEqual(['DIRECTIVES']);
  });
});
