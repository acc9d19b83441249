import type { SubgraphName } from '@dangvien/db';
import { evaluationBulk } from '@dangvien/evaluation/bulk';
import { membershipBulk } from '@dangvien/membership/bulk';
import { organizationBulk } from '@dangvien/organization/bulk';
import { genIdPattern } from '../generate/ids.ts';
import type { Chunk } from '../generate/model.ts';
import type { CopyWriter } from './copy-writer.ts';

/**
 * Each subgraph's share of a chunk, handed to that subgraph's own bulk module (services/<name>/src/bulk),
 * which knows its tables and their order. Listed in the order the loader visits them.
 */
export interface SubgraphLoader {
  name: SubgraphName;
  migrations: typeof organizationBulk.migrations;
  loadChunk(writer: CopyWriter, chunk: Chunk): Promise<void>;
  finish(writer: CopyWriter, dataset: string, counts: Record<string, number>): Promise<void>;
  digestQueries(): string[];
}

const UNITS = genIdPattern('unit');
const MEMBERS = genIdPattern('member');

export const SUBGRAPH_LOADERS: readonly SubgraphLoader[] = [
  {
    name: 'organization',
    migrations: organizationBulk.migrations,
    loadChunk: (writer, chunk) => organizationBulk.loadChunk(writer, chunk),
    finish: organizationBulk.finish,
    digestQueries: () => organizationBulk.digestQueries(UNITS),
  },
  {
    name: 'membership',
    migrations: membershipBulk.migrations,
    loadChunk: (writer, chunk) => membershipBulk.loadChunk(writer, chunk),
    finish: membershipBulk.finish,
    digestQueries: () => membershipBulk.digestQueries(UNITS, MEMBERS),
  },
  {
    name: 'evaluation',
    migrations: evaluationBulk.migrations,
    loadChunk: (writer, chunk) => evaluationBulk.loadChunk(writer, chunk),
    finish: evaluationBulk.finish,
    digestQueries: () => evaluationBulk.digestQueries(UNITS, MEMBERS),
  },
];
