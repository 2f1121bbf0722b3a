// RFC 4180 CSV, safe to open in a spreadsheet. Every cell is quoted, so a separator or a line break
// stays inside its cell for any reader that honours quotes. A spreadsheet that splits on another
// separator than ours (European Excel splits on ';', some readers on tabs) may still cut a cell in
// pieces, so every piece that would start a formula (= + - @) gets a leading apostrophe, as OWASP
// advises for whole cells, and so does a cell starting with a tab or carriage return, which some
// spreadsheets strip before looking.
const formulaStart = /^[\t\r]|(^|[,;\t\r\n])([=+\-@])/g;

/** Text a spreadsheet will not read as a formula, however it splits it into cells (the XLSX export uses it too). */
export function withoutFormulas(text: string): string {
  return text.replace(formulaStart, (match, before: string | undefined, trigger: string | undefined) => (trigger === undefined ? `'${match}` : `${before}'${trigger}`));
}

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '""';
  return `"${withoutFormulas(String(value)).replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
