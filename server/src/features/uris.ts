// File identity: every corpus file, tag file and entity file is named by a `file:` URI, spelled one way
// (canonicaliseUri), so the same file reached from the editor, the disk scan or a watcher is one entry. Pure string
// work on the WHATWG URL rules; only the hosts turn URIs into paths.

/** `file:///w/seeds/a.txt` relative to `file:///w` → `seeds/a.txt`; undefined when outside the folder. */
export function getRelativePath(folderUri: string, uri: string): string | undefined {
  const folder = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
  return uri.startsWith(folder) ? decodeURIComponent(uri.slice(folder.length)) : undefined;
}

/** `file:///w` + `annotations/a.yaml` → `file:///w/annotations/a.yaml`, encoded as canonicaliseUri does. */
export function joinUri(folderUri: string, relativePath: string): string {
  const url = new URL(folderUri.endsWith('/') ? folderUri : `${folderUri}/`);
  url.pathname += relativePath.replace(/%/g, '%25');
  return url.href;
}

/**
 * One spelling per file: editors and Node encode the same path differently (`a@b.txt` vs `a%40b.txt`), and the
 * engine keys files by URI. Each segment is decoded, then re-encoded by the WHATWG URL path rules.
 */
export function canonicaliseUri(uri: string): string {
  if (!uri.startsWith('file:')) return uri;
  try {
    const url = new URL(uri);
    url.pathname = url.pathname
      .split('/')
      .map((segment) => safeDecode(segment).replace(/%/g, '%25'))
      .join('/');
    return url.href;
  } catch {
    return uri;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The last path segment of a URI: `…/seeds/000_x.txt` → `000_x.txt`. */
export function getUriBaseName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/** `seeds/**\/*.txt` → a RegExp over relative paths: `**` any folders, `*` and `?` within one segment. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*' && glob[i + 1] === '*') {
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** True when the URI lies in the folder and its relative path matches one of the globs. */
export function matchesGlobs(folderUri: string, uri: string, globs: readonly string[]): boolean {
  const relative = getRelativePath(folderUri, uri);
  return relative !== undefined && globs.some((glob) => globToRegExp(glob).test(relative));
}
