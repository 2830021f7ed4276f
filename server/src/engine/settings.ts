// The settings both front ends read (the editor's initialization options, the CLI's .vscode/settings.json or
// flags), validated here once: anything malformed falls back to the default instead of reaching the engine.

export interface CorpusSettings {
  /** Glob patterns relative to each workspace folder. */
  readonly corpusGlobs: readonly string[];
  readonly maxFileSizeMB: number;
  /** `pressCorpus.author`: who new tags are by; when unset, git's user.name is asked once. */
  readonly author?: string;
  /** Globs given but refused because they leave the workspace folder (`../x/*.txt`, `/etc/*`): for a warning. */
  readonly refusedGlobs?: readonly string[];
}

export const DEFAULT_SETTINGS: CorpusSettings = { corpusGlobs: ['seeds/**/*.txt'], maxFileSizeMB: 50 };

export function readSettings(raw: unknown, fallback: CorpusSettings = DEFAULT_SETTINGS): CorpusSettings {
  const given = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const globs = given.corpusGlobs;
  const givenGlobs = Array.isArray(globs) && globs.length > 0 && globs.every((g) => typeof g === 'string') ? (globs as string[]) : undefined;
  const refusedGlobs = givenGlobs?.filter(leavesFolder) ?? [];
  const inside = givenGlobs?.filter((glob) => !leavesFolder(glob));
  const corpusGlobs = inside?.length ? inside : fallback.corpusGlobs;
  const size = given.maxFileSizeMB;
  const maxFileSizeMB = typeof size === 'number' && Number.isFinite(size) && size > 0 ? size : fallback.maxFileSizeMB;
  const author = typeof given.author === 'string' && given.author.trim() ? given.author.trim() : fallback.author;
  return { corpusGlobs, maxFileSizeMB, ...(author ? { author } : {}), ...(refusedGlobs.length ? { refusedGlobs } : {}) };
}

/** Corpus globs are relative to the workspace folder and stay in it: no `..` segment, no absolute path or drive. */
function leavesFolder(glob: string): boolean {
  return /^([a-z]:|[\\/~])/i.test(glob) || glob.split(/[\\/]/).includes('..');
}
