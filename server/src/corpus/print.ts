// Compact text rendering of a parsed file, one line per release, part or problem: test expectations and
// debugging output read like text.

import { ParsedCorpusFile } from './model';

export function printParsedCorpusFile(text: string, parsed: ParsedCorpusFile): string {
  const quote = (start: number, end: number) => JSON.stringify(text.slice(start, end).replace(/\s+/g, ' ').slice(0, 60));
  const out: string[] = [];
  for (const chrome of parsed.boilerplate) out.push(`chrome ${JSON.stringify(chrome.text)}`);
  for (const release of parsed.releases) {
    const date = release.date ? ` date=${release.date.iso}${release.date.endIso ? `..${release.date.endIso}` : ''} ${JSON.stringify(release.date.text)}` : '';
    const source = release.source ? ` source=${release.source.name}` : '';
    out.push(`release ${JSON.stringify(release.title)} ${release.kind}${source}${date} paragraphs=${release.paragraphs.length}`);
    for (const line of release.metadata) out.push(`  ${line.kind} ${JSON.stringify(line.text)}`);
    for (const turn of release.turns) {
      const { honorific, role, name, outlet, isQuestion } = turn.speaker;
      const parts = [
        honorific && `honorific=${honorific}`,
        role && `role=${role}`,
        name && `name=${name}`,
        outlet && `outlet=${outlet}`,
        isQuestion && 'question',
      ]
        .filter(Boolean)
        .join(' ');
      out.push(`  turn ${JSON.stringify(turn.speaker.label)} ${parts}`);
    }
    for (const caption of release.captions) out.push(`  caption ${JSON.stringify(caption.title ?? '')} credit=${caption.credit ?? '-'}`);
    for (const chrome of release.boilerplate) out.push(`  chrome ${JSON.stringify(chrome.text)}`);
  }
  for (const problem of parsed.problems) out.push(`problem ${problem.code} ${quote(problem.span.start, problem.span.end)}`);
  return out.join('\n');
}
