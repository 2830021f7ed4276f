// One line per diagnostic code for reports that describe their rules (SARIF `tool.driver.rules`): the default
// severity and a short description. docs/diagnostics.md is the full text; a unit test keeps the codes and
// severities here equal to the ones it documents.

import { ProblemSeverity } from '../../corpus/model';

export interface DiagnosticRule {
  readonly severity: ProblemSeverity;
  readonly summary: string;
}

export const DIAGNOSTIC_RULES: Readonly<Record<string, DiagnosticRule>> = {
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
  'tag.orphaned': { severity: 'warning', summary: "An analyst tag's passage is no longer in the text." },
  'tags.invalid-yaml': { severity: 'error', summary: 'A tag file is not valid YAML.' },
  'tags.invalid-record': { severity: 'error', summary: 'A record of a tag file is not a valid tag.' },
  'entities.invalid-yaml': { severity: 'error', summary: 'entities.yaml is not valid YAML.' },
  'entities.invalid-shape': { severity: 'error', summary: 'entities.yaml has no entities: block list.' },
  'entities.invalid-entry': { severity: 'error', summary: 'An entity entry lacks id or name, or has a malformed list.' },
  'entities.unknown-kind': { severity: 'error', summary: "An entity's kind is missing or unknown." },
  'entities.duplicate-id': { severity: 'error', summary: 'An entity repeats the id of an earlier entry.' },
  'entities.duplicate-alias': { severity: 'warning', summary: 'A name or alias already names an earlier entity.' },
};
