// Corpus paths (`seeds/Press release #1.txt`, relative, forward slashes) as URI references and back. Exports
// name files this way (SARIF artifact locations, W3C annotation targets); imports read them back.

/** `seeds/Press release #1.txt` → `seeds/Press%20release%20%231.txt`: a path is not yet a URI reference. */
export function encodePathAsUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The corpus path a URI reference names, relative to the workspace folder: a relative reference, or an absolute
 * URI under `workspaceFolderUri`. Undefined for anything else (a web page's URL, a file outside the folder, a
 * malformed %-escape) and for paths that could leave the folder (`..`, absolute, backslashes).
 */
export function decodeUriReferenceAsPath(reference: string, workspaceFolderUri?: string): string | undefined {
  let relative = reference;
  if (workspaceFolderUri && reference.startsWith(workspaceFolderUri)) relative = reference.slice(workspaceFolderUri.length);
  else if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) return undefined;
  let path: string;
  try {
    path = relative.split('/').map(decodeURIComponent).join('/');
  } catch {
    return undefined;
  }
  const leavesFolder = path.startsWith('/') || path.includes('\\') || path.split('/').includes('..');
  return path && !leavesFolder ? path : undefined;
}
