import { describe, expect, it } from 'vitest';
import { contractOf, restatementsIn } from './restatements.ts';

/** The check behind "no hand-written TypeScript type restates a GraphQL input, output or enum". */
const contract = contractOf(`
  enum Grade { EXCELLENT GOOD COMPLETED NOT_COMPLETED }
  input RecordMeetingInput { cellId: ID! heldOn: String! kind: String! }
  type Meeting { id: ID! }
  type Query { meeting: Meeting }
`);
const found = (text: string) => restatementsIn('x.ts', text, contract).map(({ name, restates }) => `${name}: ${restates}`);

describe('restatements of the GraphQL contract', () => {
  it('finds an enum restated as a union, whatever it is called or wherever it is written', () => {
    expect(found(`type Mark = 'GOOD' | 'EXCELLENT' | 'NOT_COMPLETED' | 'COMPLETED';`)).toEqual(['Mark: enum Grade']);
    expect(found(`function grade(g: 'EXCELLENT' | 'GOOD' | 'COMPLETED' | 'NOT_COMPLETED') { return g; }`)).toEqual(['g: enum Grade']);
  });

  it('finds an input restated by its fields, and a type restated by its name', () => {
    expect(found(`interface MeetingForm { cellId: string; heldOn: string; kind: string }`)).toEqual(['MeetingForm: input RecordMeetingInput']);
    expect(found(`interface Meeting { id: string }`)).toEqual(['Meeting: type Meeting']);
    expect(found(`type Grade = string;`)).toEqual([]);
  });

  it('accepts derived and generated types, other value sets, and declarations of another contract', () => {
    expect(found(`import type { Grade, Meeting } from './generated/graphql.ts';\ntype G = Grade;\ntype M = Pick<Meeting, 'id'>;`)).toEqual([]);
    expect(found(`type Mark = 'GOOD' | 'EXCELLENT';`)).toEqual([]);
    expect(found(`// own-contract: the event payload, versioned apart from the API\ninterface MeetingRecorded { cellId: string; heldOn: string; kind: string }`)).toEqual([]);
  });
});
