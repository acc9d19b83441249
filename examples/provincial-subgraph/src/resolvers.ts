import type { GraphQLResolverMap } from '@apollo/subgraph';
import type { Caller } from '@dangvien/internal-token-verifier';
import DataLoader from 'dataloader';
import { GraphQLError } from 'graphql';
import { attendanceOfMembers, listCourses, quotasOf, type AttendanceRow, type CourseRow, type Database } from './database.ts';
import { RECORD_READER_ROLES, requireAnyGrant, requireScope, type UnitWithAncestors } from './scope.ts';

export interface ProvincialContext {
  db: Database;
  caller: Caller;
  /** Per request, so batching never crosses callers. */
  attendance: DataLoader<string, AttendanceRow[]>;
}

export function createContext(db: Database, caller: Caller): ProvincialContext {
  return { db, caller, attendance: new DataLoader(async (ids) => {
    const byMember = await attendanceOfMembers(db, ids);
    return ids.map((id) => byMember.get(id) ?? []);
  }) };
}

interface MemberRepresentation {
  id: string;
  cell?: UnitWithAncestors | null;
}

const course = (row: CourseRow) => ({ id: row.id, code: row.code, title: row.title, startsOn: row.starts_on });

export const resolvers: GraphQLResolverMap<ProvincialContext> = {
  Query: {
    trainingCourses: async (_root, _args, context) => {
      requireAnyGrant(context.caller);
      return (await listCourses(context.db)).map(course);
    },
  },
  Member: {
    // The representation carries what @requires asked for: nothing to look up here.
    __resolveReference: (member: MemberRepresentation) => member,
    trainingRecords: async (member: MemberRepresentation, _args, context) => {
      requireScope(context.caller, member.cell, RECORD_READER_ROLES);
      return (await context.attendance.load(member.id)).map((row) => ({ course: course(row), result: row.result, completedOn: row.completed_on }));
    },
  },
  OrgUnit: {
    __resolveReference: (unit: UnitWithAncestors) => unit,
    trainingQuota: async (unit: UnitWithAncestors, args: { year: number }, context) => {
      if (!Number.isInteger(args.year) || args.year < 1930 || args.year > 2100) {
        throw new GraphQLError('Năm không hợp lệ.', { extensions: { code: 'BAD_USER_INPUT' } });
      }
      requireScope(context.caller, unit);
      return (await quotasOf(context.db, [unit.id], args.year)).get(unit.id) ?? null;
    },
  },
};
