// Bundles the language server, the VS Code client and the command line with esbuild: dist/server.js with
// dist/scanWorker.js, dist/extension.js with dist/languageClient.js, and dist/cli.js (the `press-corpus` bin, hence
// its shebang).
import { build } from 'esbuild';

// Minified: a smaller bundle loads faster when the extension activates and the server starts.
const common = { bundle: true, minify: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning' };

// The VS Code client in two files: dist/extension.js, our code (small: what the extension host loads before it
// calls activate), and dist/languageClient.js, vscode-languageclient (nearly all of the client's size), which
// activate() loads itself once it has handed its promise back to the host (docs/performance.md, Activation).
// The client's one import of the library that is not for types only (an `await import`) is bundled as a plain
// require of that second file: an import() of it would go through Node's ES module loader instead.
const languageClientAsSibling = {
  name: 'language-client-as-sibling',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageclient\/node$/ }, () => ({ path: 'languageClient', namespace: 'sibling' }));
    build.onLoad({ filter: /.*/, namespace: 'sibling' }, () => ({ contents: "module.exports = require('./languageClient.js');", loader: 'js' }));
    build.onResolve({ filter: /^\.\/languageClient\.js$/ }, (args) => ({ path: args.path, external: true }));
  },
};

await Promise.all([
  build({ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' }),
  // The initial scan's worker thread, found beside dist/server.js and dist/cli.js (host/scanWorkerPool.ts).
  build({ ...common, entryPoints: ['server/src/host/scanWorker.ts'], outfile: 'dist/scanWorker.js' }),
  build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [languageClientAsSibling] }),
  build({ ...common, entryPoints: ['vscode-languageclient/node'], outfile: 'dist/languageClient.js', external: ['vscode'] }),
  // jsonc-parser's default (UMD) entry hides its modules from the bundler; its ESM entry bundles.
  build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', mainFields: ['module', 'main'] }),
]);
