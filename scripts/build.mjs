// Bundles the language server and the VS Code client with esbuild: dist/server.js and dist/extension.js.
import { build } from 'esbuild';

// Minified: a smaller bundle loads faster when the extension activates and the server starts.
const common = { bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
]);
