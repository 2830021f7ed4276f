// Installs what the real-editor tests and `npm start` need when it is missing: Debian's chromium, ripgrep and
// build headers (apt, as root), and code-server into .cache/code-server/. Safe to run again: it then does nothing.
import { ensureRealEditor } from './codeServer.mjs';

ensureRealEditor();
