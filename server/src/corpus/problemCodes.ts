// Every problem the product reports, in one closed set: the code, its severity, a one-line summary (for reports
// that describe their rules, such as SARIF), and its section in docs/diagnostics.md. Producers (parser, tag files, entity file, corpus-wide checks, file reading) name a code
// from here, so a new problem cannot ship without a line here and a section in the docs (test/unit/problemCodes).

import { ProblemSeverity } from './model';

export const PROBLEM_CODES = {
  'release.missing-title': { severity: 'warning', summary: 'Text stands before any title line.' },
  'release.missing-source': { severity: 'warning', summary: 'The release has no Source: line, so its publisher is unknown.' },
  'release.boilerplate': { severity: 'warning', summary: 'Web page chrome was saved with the text.' },
  'release.photo-caption': { severity: 'information', summary: 'A photo caption sits inside the release text.' },
  'release.truncated': { severity: 'warning', summary: 'The release ends mid-sentence.' },
  'release.dangling-reference': { severity: 'warning', summary: 'The text points at a link the plain text no longer has.' },
  'release.empty-body': { severity: 'warning', summary: 'A title has no text under it.' },
  'release.duplicate': { severity: 'warning', summary: 'Another release has the same title or body.' },
  'transcript.inaudible': { severity: 'information', summary: 'The transcript marks words as missing.' },
  'file.binary': { severity: 'error', summary: 'The file holds binary data and is not parsed.' },
  'file.too-large': { severity: 'error', summary: 'The file is larger than the size limit and is not parsed.' },
  'file.unreadable': { severity: 'error', summary: 'The file could not be read (permissions, a special file).' },
  'file.outside-workspace': { severity: 'error', summary: 'The path resolves outside the workspace folder and is not read.' },
  'file.over-budget': { severity: 'warning', summary: 'A corpus-wide index took longer than its time budget on the file and skips it.' },
  'tag.orphaned': { severity: 'warning', summary: "An analyst tag's passage is no longer in the text." },
  'tag.fuzzy': { severity: 'information', summary: "An analyst tag's quote was edited; the tag follows the text as it reads now." },
  'tags.invalid-yaml': { severity: 'error', summary: 'A tag file is not valid YAML.' },
  'tags.invalid-record': { severity: 'error', summary: 'A record of a tag file is not a valid tag.' },
  'tags.invalid-value': { severity: 'warning', summary: 'A value of a tag record (author, date) is malformed and ignored.' },
  'tags.corpus-file-outside': { severity: 'error', summary: "A tag file's corpusFile leaves the workspace folder and is not followed." },
  'entities.invalid-yaml': { severity: 'error', summary: 'entities.yaml is not valid YAML.' },
  'entities.invalid-shape': { severity: 'error', summary: 'entities.yaml has no entities: block list.' },
  'entities.invalid-entry': { severity: 'error', summary: 'An entity entry lacks id or name, or has a malformed list.' },
  'entities.unknown-kind': { severity: 'error', summary: "An entity's kind is missing or unknown." },
  'entities.duplicate-id': { severity: 'error', summary: 'An entity repeats the id of an earlier entry.' },
  'entities.duplicate-alias': { severity: 'warning', summary: 'A name or alias already names an earlier entity.' },
} as const satisfies Record<string, { severity: ProblemSeverity; summary: string }>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function isProblemCode(value: string): value is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEM_CODES, value);
}

/** The heading anchor of a code's section in docs/diagnostics.md: `release.missing-source` → `release-missing-source`. */
export function getProblemDocsAnchor(code: ProblemCode): string {
  return code.replace(/\./g, '-');
}
