// The connection to the editor, able to send an answer serialised once again as it is: a big file's outline is
// 2 MB of JSON that editors ask for on every focus change, and serialising it cost more than the rest of the
// request. Over a stream (stdio, as Neovim and the bench run the server), a SerialisedResult's bytes are written
// between the response's own few fields. Over node IPC (VS Code) Node serialises each message itself, so the
// result is serialised as a plain value there (toJSON), as any other.

import { format } from 'node:util';
import {
  Connection,
  ConnectionOptions,
  ContentTypeEncoder,
  createConnection,
  MessageReader,
  ProposedFeatures,
  ResponseMessage,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

/** An answer kept for repeated requests; its JSON is made on the first send over a stream, then reused. */
export class SerialisedResult {
  private json: Buffer | undefined;

  constructor(private readonly value: unknown) {}

  getJson(): Buffer {
    return (this.json ??= Buffer.from(JSON.stringify(this.value), 'utf8'));
  }

  toJSON(): unknown {
    return this.value;
  }
}

/** vscode-jsonrpc's JSON encoder, except that a SerialisedResult is copied in as bytes. */
export const serialisedResultEncoder: ContentTypeEncoder = {
  name: 'application/json',
  encode(message, options) {
    const { jsonrpc, id, result } = message as ResponseMessage;
    if (!(result instanceof SerialisedResult)) return Promise.resolve(Buffer.from(JSON.stringify(message), options.charset));
    const head = Buffer.from(`{"jsonrpc":${JSON.stringify(jsonrpc)},"id":${JSON.stringify(id)},"result":`, 'utf8');
    return Promise.resolve(Buffer.concat([head, result.getJson(), Buffer.from('}')]));
  },
};

/**
 * The connection the command line asks for (`--stdio`, `--node-ipc`, `--socket`, `--pipe`). Over stdio the writer
 * is made here, with the encoder above; console output is then sent to the editor's log, as vscode-languageserver
 * does for its own stdio connection (on stdout it would break the protocol).
 */
export function createServerConnection(options: ConnectionOptions): Connection {
  if (!process.argv.includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: serialisedResultEncoder });
  // vscode-languageserver takes a stream and a writer together (its typings do not say so); given stdin as a stream,
  // it keeps its own exit when the editor closes it (code 0 after a shutdown request, else 1).
  const connection = createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, writer, options);
  console.log = console.info = console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}
