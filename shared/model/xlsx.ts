// The XLSX export, written by exceljs (a well-kept library; an Office Open XML package is a zip of
// XML parts, not something to write by hand). Text cells are stored as text, which a spreadsheet
// never runs, but a person who edits one and presses Enter would turn "=..." into a formula, and a
// copy saved as CSV would carry it on: so text is neutralised exactly as in the CSV export.
import { withoutFormulas } from './csv.ts';

export type SpreadsheetCell = string | number | boolean | null | undefined;

/** One worksheet: a bold, frozen header row with filters, then one row per record. */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly SpreadsheetCell[])[]): Promise<Buffer> {
  // Loaded on first use: only the export pays for evaluating the library, not every list of a page.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'conference-registration';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((name) => ({ header: name, key: name, width: Math.max(12, Math.min(40, name.length + 2)) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? withoutFormulas(cell) : (cell ?? null))));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
