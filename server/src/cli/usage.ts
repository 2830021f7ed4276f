// The help text of every command: what `press-corpus --help` and `press-corpus COMMAND --help` print.

export const COMMANDS = ['check', 'outline', 'releases', 'entities', 'mentions', 'tags'] as const;
export type CommandName = (typeof COMMANDS)[number];

const COMMON = `Workspace options (every command):
  --root DIR        the workspace folder (default: the current directory)
  --corpus GLOB     corpus files to read, relative to the folder (repeatable; default: pressCorpus.corpusGlobs
                    from DIR/.vscode/settings.json, else seeds/**/*.txt)
  --no-cache        neither read nor write the persistent index (DIR/.cache/press-corpus/: parses and entities
                    of unchanged files, so a second run reads only what changed)
  --quiet           no progress on stderr
  --help            this help`;

export const USAGE: Record<CommandName | 'main', string> = {
  main: `press-corpus — check, list and export a press-release corpus, as the Press Corpus editor extension sees it.

Usage: press-corpus COMMAND [options]

Commands:
  check [paths…]           every problem of the corpus (or of these files/folders)
  outline FILE             the releases of one file and their parts
  releases [paths…]        every release: title, date, kind, source, lines
  entities                 every entity named: kind, roles, mention and release counts
  mentions NAME            where the corpus names an entity
  tags list                the analysts' tags, re-anchored to the current text
  tags export              tags as W3C Web Annotations, CSV or JSON lines
  tags import FILE         W3C annotations (e.g. a Hypothesis export) into the tag files
  tags accept [paths…]     re-anchor tags where they are found now (after a large corpus edit)

Run press-corpus COMMAND --help for a command's options.

${COMMON}`,
  check: `Usage: press-corpus check [paths…] [--format text|json|sarif] [--fail-on warning|error|none]

Prints every problem (file:line:col: severity code message), then a summary line.
  --format F        text (default), json, or sarif (SARIF 2.1.0, for code-scanning tools)
  --fail-on LEVEL   exit 1 when a problem at or above LEVEL exists (default: error); none never fails
Exit codes: 0 no failing problem, 1 failing problems, 2 usage error.

${COMMON}`,
  outline: `Usage: press-corpus outline FILE [--json]

The outline of one corpus file: releases with source, dateline, speaker turns, captions, web chrome.

${COMMON}`,
  releases: `Usage: press-corpus releases [paths…] [--json]

One line per release: file:lines, date, kind, source, title.

${COMMON}`,
  entities: `Usage: press-corpus entities [--json]

Every entity the corpus names, most mentioned first: name, kind, mentions, releases, roles as stated.

${COMMON}`,
  mentions: `Usage: press-corpus mentions NAME [--json]

Every mention of the entity best matching NAME: file:line:col, the text as written, the release.

${COMMON}`,
  tags: `Usage: press-corpus tags list [--tag T] [--state S,…] [--author A] [--json]
       press-corpus tags export --format w3c|csv|jsonl [--tag T] [--state S,…] [--author A]
       press-corpus tags import FILE.jsonld [--dry-run]
       press-corpus tags accept [--state exact,moved] [paths…]

list     every tag with its state (exact, moved, fuzzy with its similarity, or orphaned), file:line:col, tags,
         note and quote; --tag T includes T's children (energy/oil for energy), --state filters by state
         (exact, moved, fuzzy, orphaned; commas for several), --author by author (ignoring case)
export   W3C Web Annotation JSON-LD (an AnnotationCollection; positions count code points, as the W3C model
         says), CSV (one row per tag and passage), or JSON lines; written to stdout
import   anchors W3C annotations (or a Hypothesis export) into annotations/*.yaml, reporting each one that
         cannot be anchored; --dry-run reports without writing
accept   gives every tag in the --state states (default exact,moved; fuzzy too with --state exact,moved,fuzzy)
         the anchor it has in the text now, so the tag files match the corpus after a large edit; only the
         records' anchor and updated lines change. Orphaned tags cannot be accepted: re-attach them in the editor

${COMMON}`,
};
