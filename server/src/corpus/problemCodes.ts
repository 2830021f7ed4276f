// Every problem the product reports, in one closed set: the code, its severity, and its section in
// docs/diagnostics.md. Producers (parser, tag files, entity file, corpus-wide checks, file reading) name a code
// from here, so a new problem cannot ship without a line here and a section in the docs (test/unit/problemCodes).

import { ProblemSeverity } from './model';

export const PROBLEM_CODES = {
  'release.missing-title': 'warning',
  'release.missing-source': 'warning',
  'release.boilerplate': 'warning',
  'release.photo-caption': 'information',
  'release.truncated': 'warning',
  'release.dangling-reference': 'warning',
  'release.empty-body': 'warning',
  'release.duplicate': 'warning',
  'transcript.inaudible': 'information',
  'file.binary': 'error',
  'file.too-large': 'error',
  'file.unreadable': 'error',
  'file.outside-workspace': 'error',
  'file.over-budget': 'warning',
  'tag.orphaned': 'warning',
  'tag.fuzzy': 'information',
  'tags.invalid-yaml': 'error',
  'tags.invalid-record': 'error',
  'tags.corpus-file-outside': 'error',
  'entities.invalid-yaml': 'error',
  'entities.invalid-shape': 'error',
  'entities.invalid-entry': 'error',
  'entities.unknown-kind': 'error',
  'entities.duplicate-id': 'error',
  'entities.duplicate-alias': 'warning',
} as const satisfies Record<string, ProblemSeverity>;

export type ProblemCode = keyof typeof PROBLEM_CODES;

export function isProblemCode(value: string): value is ProblemCode {
  return Object.prototype.hasOwnProperty.call(PROBLEM_CODES, value);
}

/** The heading anchor of a code's section in docs/diagnostics.md: `release.missing-source` → `release-missing-source`. */
export function getProblemDocsAnchor(code: ProblemCode): string {
  return code.replace(/\./g, '-');
}
