import { Kind, parse, type DocumentNode, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** What each subgraph holds, as a clerk would name it; a provincial subgraph is named by its own name. */
const PART_LABELS: Record<string, string> = {
  organization: 'tổ chức đảng (cây đơn vị, cấp ủy)',
  membership: 'hồ sơ đảng viên',
  evaluation: 'sinh hoạt, nhiệm vụ và đánh giá, xếp loại',
};

export function partLabel(subgraph: string): string {
  return PART_LABELS[subgraph] ?? `dịch vụ «${subgraph}»`;
}

export function missingPartMessage(subgraph: string, mutation: boolean): string {
  return mutation
    ? `Dịch vụ ${partLabel(subgraph)} không trả lời kịp: thay đổi có thể đã được lưu hoặc chưa. Hãy tải lại trang để kiểm tra trước khi làm lại.`
    : `Tạm thời chưa lấy được dữ liệu ${partLabel(subgraph)}. Các phần khác vẫn hiển thị; phần này sẽ có lại khi dịch vụ hoạt động trở lại.`;
}

/** The fetch's operation (written by the query planner, so it parses; only read when a fetch failed). */
function readDocument(text: string | undefined): DocumentNode | undefined {
  try {
    return text ? parse(text) : undefined;
  } catch {
    return undefined;
  }
}

/** The response names of the fields this fetch asks for at its top: `_entities` for an entity fetch. */
function topFields(document: DocumentNode | undefined): string[] {
  const operation = document?.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
  const names: string[] = [];
  for (const selection of operation?.selectionSet.selections ?? []) {
    if (selection.kind !== Kind.FIELD) continue;
    if (selection.name.value === '_entities') {
      // The fields asked of each entity: the gateway puts them after the entity's path ("@" = every item).
      for (const inner of selection.selectionSet?.selections ?? []) {
        if (inner.kind === Kind.INLINE_FRAGMENT) {
          for (const field of inner.selectionSet.selections) if (field.kind === Kind.FIELD && field.name.value !== '__typename') names.push(field.alias?.value ?? field.name.value);
        }
      }
    } else if (selection.name.value !== '__typename') {
      names.push(selection.alias?.value ?? selection.name.value);
    }
  }
  return [...new Set(names)];
}

/**
 * The answer a failed fetch gives instead of throwing: no data (the gateway leaves that part null) and
 * one error per missing field, with a path the gateway completes (the fetch's place in the operation
 * before it) and the subgraph's name. Never the subgraph's URL, status text or body.
 */
export function missingPartResponse(subgraph: string, fetchOperation: string | undefined, mutation: boolean): { errors: GraphQLFormattedError[] } {
  const message = missingPartMessage(subgraph, mutation);
  const fields = topFields(readDocument(fetchOperation));
  const extensions = { code: SUBGRAPH_UNAVAILABLE, subgraph };
  return { errors: fields.length > 0 ? fields.map((field) => ({ message, path: [field], extensions })) : [{ message, extensions }] };
}
