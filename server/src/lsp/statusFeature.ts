// Tells the client how far indexing is (pressCorpus/status), so a status bar, or any LSP client, can show
// "indexing 1,240 / 7,545 files" and then the settled counts.

import { StatusParams, STATUS_NOTIFICATION } from '../protocol';
import { LspFeature } from './feature';

export const statusFeature: LspFeature = {
  capabilities: {},
  register() {},
  initialize(ctx) {
    ctx.workspace.status.onDidChange((status: StatusParams) => void ctx.connection.sendNotification(STATUS_NOTIFICATION, status));
  },
};
