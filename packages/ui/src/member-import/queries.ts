import { enumValues } from '../enums.ts';
import { graphql } from '../generated/index.ts';
import type { ImportMembersMutation, MemberImportJobQuery, MemberImportPreviewQuery } from '../generated/graphql.ts';
import { vi } from './messages.ts';

export const MEMBER_IMPORT_PREVIEW = graphql(`
  query MemberImportPreview($file: SpreadsheetFileInput!) {
    memberImportPreview(file: $file) { headers rowCount sampleRows remembered mapping { header field } }
  }
`);

export const IMPORT_MEMBERS = graphql(`
  mutation ImportMembers($input: MemberImportInput!) {
    importMembers(input: $input) { id status totalRows validRows processedRows createdCount unchangedCount skippedCount message }
  }
`);

export const MEMBER_IMPORT_JOB = graphql(`
  query MemberImportJob($id: ID!) {
    memberImportJob(id: $id) {
      id status totalRows validRows processedRows createdCount unchangedCount skippedCount message
      problems { row column severity code problem suggestion }
    }
  }
`);

export const MEMBER_REGISTER_EXPORT = graphql(`
  query MemberRegisterExport($unitId: ID!) {
    memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount }
  }
`);

export type Preview = MemberImportPreviewQuery['memberImportPreview'];
export type ColumnMapping = Preview['mapping'][number];
type PolledJob = NonNullable<MemberImportJobQuery['memberImportJob']>;
/** A job as the import starts it (no report yet) or as polling returns it (with its problems). */
export type ImportJob = ImportMembersMutation['importMembers'] & { problems?: PolledJob['problems'] };
export type ImportProblem = PolledJob['problems'][number];

/** The fields a column can mean, in the order the mapping offers them: the order of their labels. */
export const MEMBER_IMPORT_FIELDS = enumValues(vi.import.fields);

/** The file's bytes as base64, as the API takes them. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Saves a base64 file the server made, through the browser's download. */
export function downloadBase64(fileName: string, contentBase64: string): void {
  const bytes = Uint8Array.from(atob(contentBase64), (char) => char.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
