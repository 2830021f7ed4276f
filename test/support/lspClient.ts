// Starts the built server (`node dist/server.js --stdio`) and speaks LSP to it as an editor would.

import { ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { StatusParams, STATUS_NOTIFICATION } from '../../server/src/protocol';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const SERVER_PATH = join(REPO_ROOT, 'dist', 'server.js');

export interface TestWorkspace {
  readonly root: string;
  uriOf(relativePath: string): string;
  dispose(): void;
}

/** A temporary workspace holding a copy of seeds/ (and annotations/ when asked): tests never touch the real ones. */
export function createTestWorkspace(options: { annotations?: boolean } = {}): TestWorkspace {
  const root = mkdtempSync(join(tmpdir(), 'press-corpus-'));
  cpSync(join(REPO_ROOT, 'seeds'), join(root, 'seeds'), { recursive: true });
  if (options.annotations) cpSync(join(REPO_ROOT, 'annotations'), join(root, 'annotations'), { recursive: true });
  return {
    root,
    uriOf: (relativePath) => pathToFileURL(join(root, relativePath)).toString(),
    dispose: () => rmSync(root, { recursive: true, force: true }),
  };
}

export class LspTestClient {
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly publishCounts = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  readonly logs: string[] = [];
  /** Every pressCorpus/status notification, in order. */
  readonly statuses: StatusParams[] = [];
  private constructor(
    private readonly process: ChildProcess,
    readonly connection: MessageConnection,
  ) {}

  /** `serverPath`: another build's server (a measure script compares two builds). */
  static async start(workspaceRoot: string, initializationOptions: object = {}, capabilities: object = {}, serverPath = SERVER_PATH): Promise<LspTestClient> {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection);
    connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      client.diagnostics.set(params.uri, params.diagnostics);
      client.publishCounts.set(params.uri, (client.publishCounts.get(params.uri) ?? 0) + 1);
      client.wake();
    });
    connection.onNotification('window/logMessage', (params: { message: string }) => {
      client.logs.push(params.message);
      client.wake();
    });
    connection.onNotification(STATUS_NOTIFICATION, (params: StatusParams) => {
      client.statuses.push(params);
      client.wake();
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/configuration', () => []);
    connection.onNotification('$/progress', () => undefined);
    connection.listen();
    const rootUri = pathToFileURL(workspaceRoot).toString();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
      initializationOptions,
      capabilities: { window: { workDoneProgress: true }, ...capabilities },
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The server's process id (the bench reads its peak memory). */
  get pid(): number | undefined {
    return this.process.pid;
  }

  /** How many times diagnostics were published for the uri so far. */
  getPublishCount(uri: string): number {
    return this.publishCounts.get(uri) ?? 0;
  }

  /** Resolves once the uri's diagnostics have been published more than `count` times. */
  waitForPublishAfter(uri: string, count: number, timeoutMs = 20000): Promise<Diagnostic[]> {
    return this.waitFor(() => (this.getPublishCount(uri) > count ? this.diagnostics.get(uri) : undefined), timeoutMs, `diagnostics for ${uri}`);
  }

  request<R>(method: string, params: object): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  notify(method: string, params: object): Promise<void> {
    return this.connection.sendNotification(method, params);
  }

  async open(uri: string, text: string, languageId = 'press-corpus'): Promise<void> {
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  /** Resolves when the server has logged a line matching the pattern (e.g. the end of indexing). */
  waitForLog(pattern: RegExp, timeoutMs = 20000): Promise<string> {
    return this.waitFor(() => this.logs.find((line) => pattern.test(line)), timeoutMs, `a log line matching ${pattern}`);
  }

  /** Resolves with the first pressCorpus/status notification that satisfies the predicate. */
  waitForStatus(accept: (status: StatusParams) => boolean, timeoutMs = 20000): Promise<StatusParams> {
    return this.waitFor(() => this.statuses.find(accept), timeoutMs, 'a pressCorpus/status notification');
  }

  /** Resolves with the latest diagnostics for the uri once they satisfy the predicate. */
  waitForDiagnostics(uri: string, accept: (diagnostics: Diagnostic[]) => boolean = () => true, timeoutMs = 20000): Promise<Diagnostic[]> {
    return this.waitFor(
      () => {
        const current = this.diagnostics.get(uri);
        return current && accept(current) ? current : undefined;
      },
      timeoutMs,
      `diagnostics for ${uri}`,
    );
  }

  /** Asks the server to shut down and exit as an editor does; resolves with its exit code once it has gone by itself. */
  async shutdownAndWaitForExit(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.request('shutdown', {});
    await this.notify('exit', {});
    return exited;
  }

  async stop(): Promise<void> {
    try {
      await this.request('shutdown', {});
      await this.notify('exit', {});
    } finally {
      this.connection.dispose();
      this.process.kill();
    }
  }

  private wake(): void {
    this.waiters.splice(0).forEach((waiter) => waiter());
  }

  private waitFor<T>(probe: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolvePromise, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        const value = probe();
        if (value !== undefined) {
          clearTimeout(timer);
          resolvePromise(value);
        } else {
          this.waiters.push(check);
        }
      };
      check();
    });
  }
}

export interface IndexedServer {
  readonly workspace: TestWorkspace;
  readonly client: LspTestClient;
}

/**
 * A copy of the corpus, `prepare`d as the test needs, and a server that has indexed it (its log says how many
 * files). Pair with stopIndexedServer in `after`.
 */
export async function startIndexedServer(
  options: { annotations?: boolean; initializationOptions?: object; prepare?: (root: string) => void; files?: number } = {},
): Promise<IndexedServer> {
  const workspace = createTestWorkspace({ annotations: options.annotations });
  options.prepare?.(workspace.root);
  const client = await LspTestClient.start(workspace.root, options.initializationOptions);
  await client.waitForLog(new RegExp(`Indexed ${options.files ?? '\\d+'} corpus files`));
  return { workspace, client };
}

export async function stopIndexedServer(server: IndexedServer): Promise<void> {
  await server.client.stop();
  server.workspace.dispose();
}
