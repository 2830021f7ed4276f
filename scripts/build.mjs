// Bundles the language server, the VS Code client and the command line with esbuild: dist/server.js,
// dist/extension.js and dist/cli.js (the `press-corpus` bin, hence its shebang).
import { build } from 'esbuild';

// Minified: a smaller bundle loads faster when the extension activates and the server starts.
const common = { bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  // jsonc-parser's default (UMD) entry hides its modules from the bundler; its ESM entry bundles.
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', mainFields: ['module', 'main'] }),
]);
