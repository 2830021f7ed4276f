// Placeholder until the parser lands: no releases.
import { ParsedCorpusFile } from './model';

export function parseCorpusFile(_text: string): ParsedCorpusFile {
  return { releases: [], problems: [], boilerplate: [] };
}
