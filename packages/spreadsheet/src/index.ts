export { cleanText, readDate, type DateReading } from './cell-values.ts';
export { MAX_IMPORT_ROWS, readSpreadsheet, writeWorkbook, type ImportProblem, type Sheet, type SheetCell, type SpreadsheetFile } from './spreadsheet.ts';
