// Every message passes here before any handler sees it (vscode-jsonrpc's message strategy), so the rules of the
// protocol hold for all features at once:
// - before `initialize`, requests are answered ServerNotInitialized (-32002) and notifications dropped, as the
//   LSP specification says; a second `initialize` is refused;
// - a position anywhere in the parameters (`position`, `range`, a command's arguments) must be a pair of
//   unsigned 32-bit integers; anything else (a string, -1, 1e12, NaN) is InvalidParams, never answered as if it
//   were valid.
// A refused request is rerouted to one internal method whose handler returns the error: the strategy itself
// cannot answer, only pass messages on.

import { Connection, ErrorCodes, Message, MessageStrategy, NotificationMessage, RequestMessage, ResponseError } from 'vscode-languageserver/node';

const REFUSED_METHOD = 'pressCorpus/$refusedRequest';
/** LSP's uinteger. */
const MAX_UINTEGER = 2 ** 31 - 1;
/** Positions are looked for this deep in the parameters (command arguments hold ranges two levels down). */
const MAX_DEPTH = 5;

interface Refusal {
  readonly code: number;
  readonly message: string;
}

export function createRequestGuard(): MessageStrategy {
  let initializeSeen = false;
  return {
    handleMessage(message: Message, next: (message: Message) => void): void {
      if (Message.isNotification(message)) {
        if (initializeSeen || (message as NotificationMessage).method === 'exit') next(message);
        return;
      }
      if (!Message.isRequest(message)) return next(message);
      const request = message as RequestMessage;
      const refusal = judgeRequest(request, initializeSeen);
      if (request.method === 'initialize') initializeSeen = true;
      next(refusal ? ({ ...request, method: REFUSED_METHOD, params: refusal } as RequestMessage) : request);
    },
  };
}

/** Answers the requests the guard refused. */
export function answerRefusedRequests(connection: Connection): void {
  connection.onRequest(REFUSED_METHOD, (refusal: Refusal) => new ResponseError(refusal.code, refusal.message));
}

function judgeRequest(request: RequestMessage, initializeSeen: boolean): Refusal | undefined {
  if (request.method === 'initialize') {
    return initializeSeen ? { code: ErrorCodes.InvalidRequest, message: 'The server is already initialized; initialize may be sent once.' } : undefined;
  }
  if (!initializeSeen) return { code: ErrorCodes.ServerNotInitialized, message: `${request.method} before initialize: the server is not initialized yet.` };
  const invalid = findInvalidPosition(request.params, 0);
  return invalid ? { code: ErrorCodes.InvalidParams, message: `${request.method}: ${invalid}` } : undefined;
}

/** A description of the first malformed position in the parameters, or undefined when all are valid. */
function findInvalidPosition(value: unknown, depth: number): string | undefined {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const invalid = findInvalidPosition(item, depth + 1);
      if (invalid) return invalid;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  if ('position' in record && !isPosition(record.position))
    return `position must be {line, character} with integers from 0 to ${MAX_UINTEGER} (got ${describe(record.position)}).`;
  if ('range' in record && !isRange(record.range))
    return `range must be {start, end}, two {line, character} with integers from 0 to ${MAX_UINTEGER} (got ${describe(record.range)}).`;
  for (const [key, child] of Object.entries(record)) {
    if (key === 'position' || key === 'range') continue;
    const invalid = findInvalidPosition(child, depth + 1);
    if (invalid) return invalid;
  }
  return undefined;
}

function describe(value: unknown): string {
  return String(JSON.stringify(value)).slice(0, 100);
}

function isRange(value: unknown): boolean {
  return value !== null && typeof value === 'object' && isPosition((value as { start?: unknown }).start) && isPosition((value as { end?: unknown }).end);
}

function isPosition(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { line, character } = value as { line?: unknown; character?: unknown };
  return isUInteger(line) && isUInteger(character);
}

function isUInteger(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UINTEGER;
}
