// Where the product's own documents are, for the links its diagnostics and reports carry: dist/server.js and
// dist/cli.js sit beside docs/ in the repository and in the packaged extension.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const DIAGNOSTICS_PAGE_URI = pathToFileURL(join(__dirname, '..', 'docs', 'diagnostics.md')).href;
export const README_URI = pathToFileURL(join(__dirname, '..', 'README.md')).href;
