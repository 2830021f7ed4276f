// `press-corpus tags export --format jsonl`: one JSON object per tag record and line, for `jq`, pandas
// (`read_json(lines=True)`) and line-by-line streaming. Offsets are UTF-16 code units, as in the tag files.

import { ExportedTag } from './exportedTag';

export interface TagJsonLine {
  readonly id: string;
  readonly corpusFile: string;
  readonly release: string;
  readonly status: string;
  readonly tags: readonly string[];
  readonly note: string;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly start: number;
  readonly end: number;
  readonly author?: string;
  readonly created?: string;
  readonly updated?: string;
}

/** Each line is one `TagJsonLine` followed by `\n`; JSON.stringify escapes line breaks inside strings. */
export function formatTagsAsJsonLines(tags: readonly ExportedTag[]): string {
  return tags.map((tag) => `${JSON.stringify(toJsonLine(tag))}\n`).join('');
}

function toJsonLine(tag: ExportedTag): TagJsonLine {
  return {
    id: tag.id,
    corpusFile: tag.corpusFile,
    release: tag.release,
    status: tag.status,
    tags: tag.tags,
    note: tag.note,
    exact: tag.exact,
    prefix: tag.prefix,
    suffix: tag.suffix,
    start: tag.span.start,
    end: tag.span.end,
    ...(tag.author ? { author: tag.author } : {}),
    ...(tag.created ? { created: tag.created } : {}),
    ...(tag.updated ? { updated: tag.updated } : {}),
  };
}
