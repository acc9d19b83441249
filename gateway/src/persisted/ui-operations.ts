import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller, Role } from '@dangvien/auth';
import { printExecutableGraphQLDocument } from '@graphql-tools/documents';
import { GraphQLError, type DocumentNode } from 'graphql';
import type { GatewayContext } from '../context.ts';

/** The manifest `pnpm codegen` writes from the front ends' `graphql()` documents (client preset `persistedDocuments`). */
export const UI_OPERATIONS_PATH = fileURLToPath(new URL('../../ui-operations.json', import.meta.url));

/** Roles that may send operations of their own (within the limits): everyone else signs in to use the front ends. */
export const AD_HOC_ROLES: readonly Role[] = ['ANALYST', 'PROVINCIAL_SYSTEM'];

export const NOT_IN_MANIFEST_CODE = 'OPERATION_NOT_IN_MANIFEST';

/** The front ends' operations, by `sha256:<hex>` of the normalized document. */
export interface UiOperations {
  has(document: DocumentNode): boolean;
  readonly size: number;
}

/**
 * Loads the manifest. A document is looked up by the hash of its normalized print (the same normalizer
 * the client preset uses), so the text the browser sends (indented) matches its manifest entry; the hash
 * is kept per parsed document, which Apollo caches per query text.
 */
export function loadUiOperations(path = UI_OPERATIONS_PATH): UiOperations {
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as { operations: Record<string, string> };
  const hashes = new Set(Object.keys(manifest.operations));
  const known = new WeakMap<DocumentNode, boolean>();
  return {
    size: hashes.size,
    has(document) {
      let found = known.get(document);
      if (found === undefined) {
        found = hashes.has(documentHash(document));
        known.set(document, found);
      }
      return found;
    },
  };
}

export function documentHash(document: DocumentNode): string {
  return `sha256:${createHash('sha256').update(printExecutableGraphQLDocument(document)).digest('hex')}`;
}

/**
 * A front-end session: a signed-in person whose grants are all front-end roles (cell, ward, district,
 * administrator). The role decides, not a claim the client chooses at sign-in: a secretary could ask
 * the issuer for any client id, but not for the analyst role. A caller without grants reads nothing.
 */
export function isUiSession(caller: Caller): boolean {
  return caller.grants.length > 0 && !caller.grants.some((grant) => AD_HOC_ROLES.includes(grant.role));
}

/** In production, refuses a front-end session's operation that no front end contains, before anything is planned. */
export function uiOperationsPlugin(operations: UiOperations): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (!isUiSession(contextValue.caller) || operations.has(document)) return;
          throw new GraphQLError('Thao tác này không thuộc các màn hình của hệ thống. Hãy dùng các trang của hệ thống; truy vấn tự do dành cho chuyên viên phân tích.', {
            extensions: { code: NOT_IN_MANIFEST_CODE, http: { status: 403 } },
          });
        },
      };
    },
  };
}
