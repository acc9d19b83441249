import { createRequire } from 'node:module';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type * as GraphQL from 'graphql';
import type { GraphQLInputType, StringValueNode } from 'graphql';

// The schemas this walks are built by Apollo's CommonJS code, with graphql's CommonJS build; an ESM
// import would be another copy of graphql, whose `instanceof` checks (TypeInfo, isListType…) fail.
const {
  GraphQLError,
  GraphQLID,
  GraphQLString,
  Kind,
  TypeInfo,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} = createRequire(import.meta.url)('graphql') as typeof GraphQL;

/**
 * Every string a client sends, in a variable or written in the document, checked and normalized once
 * at the edge, before any resolver (or, at the gateway, any subgraph) sees it:
 * - control characters (C0 but tab, line feed and carriage return; DEL; C1, NUL included) and halves
 *   of UTF-16 surrogate pairs are refused;
 * - invisible format characters (zero-width spaces and joiners, bidirectional overrides, the byte-order
 *   mark, soft hyphen, word joiner…) are removed: pasted text carries them, and a name of nothing but
 *   them becomes empty, which the field's own check refuses;
 * - the text is put in Unicode NFC (one spelling of "Nguyễn", whichever the keyboard sent) and trimmed;
 * - a string longer than `maxLength`, or more than `maxTotal` characters in all, is refused, except in
 *   file fields (`contentBase64`: spreadsheets, bounded by the body limit).
 * A refusal is BAD_USER_INPUT (HTTP 400) naming the field, in Vietnamese.
 */
export interface InputTextOptions {
  maxLength?: number;
  maxTotal?: number;
  /** Input fields holding a file's bytes as text: only the body limit bounds them, and they are not altered. */
  fileFields?: readonly string[];
}

export const DEFAULT_MAX_TEXT_LENGTH = 100_000;
export const DEFAULT_MAX_TEXT_TOTAL = 1_000_000;

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const LONE_SURROGATE = /\p{Surrogate}/u;
// eslint-disable-next-line no-misleading-character-class -- lone combining and format characters are what is removed
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\uFFF9-\uFFFB]/g;

function refuse(field: string, message: string): Error {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', field, http: { status: 400 } } });
}

/** One string, as the rules above want it; throws the refusal. */
export function normalizeInputText(value: string, field: string, maxLength = DEFAULT_MAX_TEXT_LENGTH): string {
  if (value.length > maxLength) throw refuse(field, `Nội dung trường "${field}" dài quá ${maxLength.toLocaleString('vi-VN')} ký tự.`);
  if (CONTROL.test(value)) throw refuse(field, `Trường "${field}" chứa ký tự điều khiển không hợp lệ (không in được). Hãy nhập lại nội dung.`);
  // Half of a UTF-16 pair (JSON may carry one as \ud800): not text, and PostgreSQL cannot store it.
  if (LONE_SURROGATE.test(value)) throw refuse(field, `Trường "${field}" chứa ký tự không hợp lệ. Hãy nhập lại nội dung.`);
  return value.replace(INVISIBLE, '').normalize('NFC').trim();
}

const TEXT_SCALARS = new Set<string>([GraphQLString.name, GraphQLID.name]);

export function inputTextPlugin<Ctx extends BaseContext>(options: InputTextOptions = {}): ApolloServerPlugin<Ctx> {
  const maxLength = options.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
  const maxTotal = options.maxTotal ?? DEFAULT_MAX_TEXT_TOTAL;
  const fileFields = new Set(options.fileFields ?? ['contentBase64']);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation, schema }) {
          if (!operation) return;
          let total = 0;
          const clean = (value: string, field: string, leaf: string): string => {
            if (fileFields.has(leaf)) return value;
            total += value.length;
            if (total > maxTotal) throw refuse(field, `Yêu cầu chứa quá nhiều chữ (quá ${maxTotal.toLocaleString('vi-VN')} ký tự).`);
            return normalizeInputText(value, field, maxLength);
          };
          const walk = (value: unknown, type: GraphQLInputType, field: string, leaf: string): unknown => {
            if (value === null || value === undefined) return value;
            if (isNonNullType(type)) return walk(value, type.ofType, field, leaf);
            if (isListType(type)) {
              return Array.isArray(value) ? value.map((item, index) => walk(item, type.ofType, `${field}[${index}]`, leaf)) : walk(value, type.ofType, field, leaf);
            }
            if (isInputObjectType(type)) {
              if (typeof value !== 'object') return value;
              const object = value as Record<string, unknown>;
              for (const [name, definition] of Object.entries(type.getFields())) {
                if (name in object) object[name] = walk(object[name], definition.type, `${field}.${name}`, name);
              }
              return object;
            }
            return typeof value === 'string' && TEXT_SCALARS.has(type.name) ? clean(value, field, leaf) : value;
          };

          // Variables, as sent (the object execution reads, and the gateway forwards).
          const variables = request.variables as Record<string, unknown> | undefined;
          for (const definition of operation.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
            if (!type || !variables || !(name in variables)) continue;
            variables[name] = walk(variables[name], type, name, name);
          }

          // Strings written in the document (arguments and variables' defaults). Normalizing one in
          // place is idempotent, so a cached document stays correct.
          const typeInfo = new TypeInfo(schema);
          visit(
            document,
            visitWithTypeInfo(typeInfo, {
              StringValue(node, _key, parent) {
                const type = typeInfo.getInputType();
                if (!type || !TEXT_SCALARS.has(getNamedType(type).name)) return;
                const leaf = parent && 'kind' in parent && (parent.kind === Kind.OBJECT_FIELD || parent.kind === Kind.ARGUMENT) ? parent.name.value : 'value';
                const cleaned = clean(node.value, leaf, leaf);
                if (cleaned !== node.value) (node as { value: string } & Omit<StringValueNode, 'value'>).value = cleaned;
              },
            }),
          );
        },
      };
    },
  };
}
