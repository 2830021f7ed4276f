// Fixture strings for tests. Markers never found in press releases:
//   <|>            the cursor
//   <[ … ]>        an expected range (several allowed)
//   //- seeds/a.txt  starts a file (without it the whole fixture is seeds/a.txt)

import { Span } from '../../server/src/corpus/model';
import { Corpus } from '../../server/src/features/corpus';
import { CorpusIndex } from '../../server/src/features/corpusIndex';

export const FIXTURE_ROOT = 'file:///workspace/';

export interface FixtureFile {
  readonly path: string;
  readonly uri: string;
  readonly text: string;
  readonly ranges: readonly Span[];
  readonly cursor?: number;
}

export interface Fixture {
  readonly files: readonly FixtureFile[];
  /** The file holding the cursor (or the first file). */
  readonly main: FixtureFile;
  /** The corpus with every derived index, as the engine holds it. */
  readonly corpus: Corpus;
  /** The files alone (`corpus.files`). */
  readonly index: CorpusIndex;
}

export function parseFixture(source: string): Fixture {
  const sections = splitFiles(source);
  const files = sections.map(({ path, body }) => stripMarkers(path, body));
  const corpus = new Corpus();
  for (const file of files) corpus.files.setFile(file.uri, file.text);
  const main = files.find((file) => file.cursor !== undefined) ?? files[0];
  return { files, main, corpus, index: corpus.files };
}

function splitFiles(source: string): { path: string; body: string }[] {
  if (!source.startsWith('//- ')) return [{ path: 'seeds/a.txt', body: source }];
  return source
    .split(/^\/\/- /m)
    .slice(1)
    .map((section) => {
      const newline = section.indexOf('\n');
      return { path: section.slice(0, newline).trim(), body: section.slice(newline + 1) };
    });
}

function stripMarkers(path: string, body: string): FixtureFile {
  let text = '';
  let cursor: number | undefined;
  const ranges: Span[] = [];
  const open: number[] = [];
  for (let i = 0; i < body.length;) {
    if (body.startsWith('<|>', i)) {
      cursor = text.length;
      i += 3;
    } else if (body.startsWith('<[', i)) {
      open.push(text.length);
      i += 2;
    } else if (body.startsWith(']>', i) && open.length) {
      ranges.push({ start: open.pop()!, end: text.length });
      i += 2;
    } else {
      text += body[i++];
    }
  }
  ranges.sort((a, b) => a.start - b.start);
  return { path, uri: FIXTURE_ROOT + path, text, ranges, cursor };
}

/** Renders spans of a text as one line each, `start-end “text”`: expectations that read like text. */
export function renderSpans(text: string, spans: readonly Span[]): string {
  return spans.map((span) => `${span.start}-${span.end} “${text.slice(span.start, span.end)}”`).join('\n');
}
