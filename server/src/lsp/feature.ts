import { ServerCapabilities } from 'vscode-languageserver/node';
import { ServerContext } from './context';

/** One LSP feature module: the capabilities it announces and the handlers or hub providers it adds. */
export interface LspFeature {
  readonly capabilities: ServerCapabilities;
  register(ctx: ServerContext): void;
}
