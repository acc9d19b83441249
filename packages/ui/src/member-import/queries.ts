export const MEMBER_IMPORT_PREVIEW = /* GraphQL */ `
  query MemberImportPreview($file: SpreadsheetFileInput!) {
    memberImportPreview(file: $file) { headers rowCount sampleRows remembered mapping { header field } }
  }
`;

export const IMPORT_MEMBERS = /* GraphQL */ `
  mutation ImportMembers($input: MemberImportInput!) {
    importMembers(input: $input) { id status totalRows validRows processedRows createdCount unchangedCount skippedCount message }
  }
`;

export const MEMBER_IMPORT_JOB = /* GraphQL */ `
  query MemberImportJob($id: ID!) {
    memberImportJob(id: $id) {
      id status totalRows validRows processedRows createdCount unchangedCount skippedCount message
      problems { row column severity code problem suggestion }
    }
  }
`;

export const MEMBER_REGISTER_EXPORT = /* GraphQL */ `
  query MemberRegisterExport($unitId: ID!) {
    memberRegisterExport(unitId: $unitId) { fileName contentBase64 rowCount }
  }
`;

export const MEMBER_IMPORT_FIELDS = [
  'FULL_NAME', 'BIRTH_NAME', 'SEX', 'DATE_OF_BIRTH', 'ETHNICITY', 'RELIGION', 'HOMETOWN', 'RESIDENCE', 'CITIZEN_ID', 'PHONE',
  'EDUCATION_LEVEL', 'PROFESSIONAL_QUALIFICATION', 'POLITICAL_THEORY_LEVEL', 'OCCUPATION', 'WORKPLACE', 'ADMITTED_ON',
  'OFFICIAL_ON', 'PARTY_CARD_NUMBER', 'PROFILE_NUMBER', 'CELL',
] as const;
export type MemberImportField = (typeof MEMBER_IMPORT_FIELDS)[number];

export interface ColumnMapping {
  header: string;
  field: MemberImportField | null;
}

export interface Preview {
  headers: string[];
  rowCount: number;
  sampleRows: string[][];
  remembered: boolean;
  mapping: ColumnMapping[];
}

export interface ImportProblem {
  row: number;
  column: string | null;
  severity: 'ERROR' | 'WARNING';
  code: string;
  problem: string;
  suggestion: string | null;
}

export interface ImportJob {
  id: string;
  status: 'VALIDATING' | 'VALIDATED' | 'REFUSED' | 'RUNNING' | 'DONE' | 'FAILED';
  totalRows: number;
  validRows: number;
  processedRows: number;
  createdCount: number;
  unchangedCount: number;
  skippedCount: number;
  message: string | null;
  problems?: ImportProblem[];
}

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
