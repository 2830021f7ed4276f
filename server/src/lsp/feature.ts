import { ServerCapabilities } from 'vscode-languageserver/node';
import { ServerContext } from './context';

/**
 * One LSP feature module: the capabilities it announces, the handlers or hub providers it adds (register, before
 * initialize), and what it subscribes to on the engine's workspace once that exists (initialize).
 */
export interface LspFeature {
  readonly capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
  initialize?(ctx: ServerContext): void;
}
