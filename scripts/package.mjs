// `npm run package` (after `npm run build`): press-corpus-<version>.vsix in the repository root.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageExtension, REPO_ROOT } from './codeServer.mjs';

const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
console.log(packageExtension(join(REPO_ROOT, `${name}-${version}.vsix`)));
