import { buildSchema, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { columnsOf, flattenValue, operationOf } from './rows.ts';
import { splitAtList } from './split.ts';

const schema = buildSchema(`
  type Query { orgUnit(id: ID!, asOf: String): OrgUnit  member(id: ID!): Member  rootOrgUnits: [OrgUnit!]! }
  type OrgUnit { id: ID! name: String! parent: OrgUnit descendants(kind: String): [OrgUnit!]! members(first: Int): [Member!] path: [String!]! }
  type Member { id: ID! fullName: String! reviews: [Review!] }
  type Review { year: Int! grade: String }
`);

describe('export rows', () => {
  it('names columns by response path in the order written, without the single root field', () => {
    const document = parse('query ($d: ID!) { orgUnit(id: $d) { name boss: parent { name } descendants { ...Cell } } } fragment Cell on OrgUnit { name members { fullName reviews { year grade } } }');
    expect(columnsOf(schema, document, operationOf(document)!).map((column) => column.header)).toEqual([
      'name',
      'boss.name',
      'descendants.name',
      'descendants.members.fullName',
      'descendants.members.reviews.year',
      'descendants.members.reviews.grade',
    ]);
  });

  it('gives one row per item of the deepest list, a blank row for an empty list, and joins a list of scalars', () => {
    const rows = flattenValue(
      { name: 'Huyện', path: ['Tỉnh', 'Huyện'], members: [{ fullName: 'A', reviews: [{ year: 2024 }, { year: 2025 }] }, { fullName: 'B', reviews: [] }, { fullName: 'C', reviews: null }] },
      ['u'],
    );
    expect(rows).toEqual([
      { 'u.name': 'Huyện', 'u.path': 'Tỉnh; Huyện', 'u.members.fullName': 'A', 'u.members.reviews.year': 2024 },
      { 'u.name': 'Huyện', 'u.path': 'Tỉnh; Huyện', 'u.members.fullName': 'A', 'u.members.reviews.year': 2025 },
      { 'u.name': 'Huyện', 'u.path': 'Tỉnh; Huyện', 'u.members.fullName': 'B' },
      { 'u.name': 'Huyện', 'u.path': 'Tỉnh; Huyện', 'u.members.fullName': 'C', 'u.members.reviews': null },
    ]);
  });
});

describe('splitting a query at a list', () => {
  const document = parse('query Q($d: ID!, $unused: Int) { orgUnit(id: $d) { name descendants(kind: "CELL") { name members(first: 200) { fullName reviews { year } } } } }');

  it('picks the outermost list with lists below it, asks its ids, then its items by id with only the variables they use', () => {
    const split = splitAtList(schema, document, operationOf(document)!)!;
    expect(split.listPath).toEqual(['orgUnit', 'descendants']);
    expect(print(split.idsDocument)).toBe(print(parse('query Q($d: ID!) { orgUnit(id: $d) { name descendants(kind: "CELL") { id } } }')));
    expect(print(split.itemDocument(2))).toBe(
      print(parse('query ($__item0: ID!, $__item1: ID!) { i0: orgUnit(id: $__item0) { name members(first: 200) { fullName reviews { year } } } i1: orgUnit(id: $__item1) { name members(first: 200) { fullName reviews { year } } } }')),
    );
  });

  it('splits an item again at its own list', () => {
    const first = splitAtList(schema, document, operationOf(document)!)!;
    const item = first.itemDocument(1);
    const second = splitAtList(schema, item, operationOf(item)!)!;
    expect(second.listPath).toEqual(['i0', 'members']);
    expect(print(second.itemDocument(1))).toBe(print(parse('query ($__item0: ID!) { i0: member(id: $__item0) { fullName reviews { year } } }')));
  });

  it('does not split a list whose items no root field returns by id', () => {
    const reviews = parse('{ member(id: "x") { reviews { year } } }');
    expect(splitAtList(schema, reviews, operationOf(reviews)!)).toBeUndefined();
  });
});
