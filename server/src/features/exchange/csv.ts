// `press-corpus tags export --format csv`: one row per tag and passage (a passage with two tags gives two rows),
// so a spreadsheet's pivot table or filter counts passages per tag directly. RFC 4180: a header row, CRLF
// after every row, fields with a comma, quote or line break quoted, quotes doubled.
// Offsets (`start`, `end`) are UTF-16 code units, as in the tag files.

import { ExportedTag } from './exportedTag';

const COLUMNS = ['tag', 'id', 'corpusFile', 'release', 'status', 'exact', 'note', 'start', 'end', 'author', 'created', 'updated'] as const;

export function formatTagsAsCsv(tags: readonly ExportedTag[]): string {
  const rows: string[][] = [[...COLUMNS]];
  for (const tag of tags) {
    for (const name of tag.tags) {
      rows.push(
        [
          name,
          tag.id,
          tag.corpusFile,
          tag.release,
          tag.status,
          tag.exact,
          tag.note,
          String(tag.span.start),
          String(tag.span.end),
          tag.author ?? '',
          tag.created ?? '',
          tag.updated ?? '',
        ].map(guardFormula),
      );
    }
  }
  return rows.map((row) => `${row.map(quoteCsvField).join(',')}\r\n`).join('');
}

export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/**
 * Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (and tab or carriage return can hide such a start), so a quoted passage such as `=HYPERLINK("http://…")` from a
 * scraped page would run when the analyst opens the export ("CSV injection"). A leading apostrophe makes the
 * spreadsheet show the text as typed. Offsets are non-negative numbers and never start with `-`.
 */
export function guardFormula(field: string): string {
  return /^[=+\-@\t\r]/.test(field) ? `'${field}` : field;
}
