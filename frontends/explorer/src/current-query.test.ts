import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseVariables } from './current-query.ts';
import { EXAMPLE_QUERIES } from './examples.ts';

describe('the variables editor’s text', () => {
  it('is an object, blank being none', () => {
    expect(parseVariables('  ')).toEqual({});
    expect(parseVariables('{ "cellId": "x", "year": 2024 }')).toEqual({ cellId: 'x', year: 2024 });
  });

  it('is refused in Vietnamese when it is not a JSON object', () => {
    expect(() => parseVariables('{ cellId: x }')).toThrow('Phần biến (variables) không phải JSON hợp lệ.');
    expect(() => parseVariables('[1, 2]')).toThrow('Phần biến (variables) phải là một đối tượng JSON.');
  });
});

describe('the example menu', () => {
  it('offers named queries, each with its own id and variables for every variable it declares', () => {
    expect(new Set(EXAMPLE_QUERIES.map((example) => example.id)).size).toBe(EXAMPLE_QUERIES.length);
    for (const example of EXAMPLE_QUERIES) {
      const [operation] = parse(example.query).definitions;
      expect(operation?.kind === 'OperationDefinition' && operation.name?.value).toBeTruthy();
      const declared = operation?.kind === 'OperationDefinition' ? (operation.variableDefinitions ?? []).map((definition) => definition.variable.name.value) : [];
      expect(Object.keys(example.variables).sort()).toEqual(declared.sort());
    }
  });
});
