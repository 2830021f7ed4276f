// One entry of the persistent index on disk: a header naming what it holds, then the value in V8's structured
// serialisation (plain data, Maps, typed arrays). An entry is trusted only if every check passes: magic, the
// format version it was written with, the content key and part it was asked for, the exact length, and a SHA-256
// of the payload. Anything else (a truncated write, a flipped byte, an entry of an older build) decodes to
// undefined, and the caller computes the value afresh.

import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';

const MAGIC = Buffer.from('PCIX', 'latin1');
const CHECKSUM_BYTES = 32;

/** What an entry says it is: the format version of the code that wrote it, the text's content key, the part. */
export interface CacheEntryName {
  readonly formatVersion: string;
  readonly key: string;
  readonly part: string;
}

/** The bytes of an entry holding `value`. */
export function encodeCacheEntry(name: CacheEntryName, value: unknown): Buffer {
  const header = Buffer.from(JSON.stringify([name.formatVersion, name.key, name.part]), 'utf8');
  const payload = serialize(value);
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(header.length, 0);
  lengths.writeUInt32LE(payload.length, 4);
  return Buffer.concat([MAGIC, lengths, header, sha256(payload), payload]);
}

/**
 * The payload of an entry written under exactly this name, checked but not yet deserialised (that is left to
 * whoever needs the value, when it is needed); undefined when anything about the entry is off.
 */
export function verifyCacheEntry(bytes: Buffer, name: CacheEntryName): Buffer | undefined {
  if (bytes.length < MAGIC.length + 8 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  const payloadLength = bytes.readUInt32LE(MAGIC.length + 4);
  const headerStart = MAGIC.length + 8;
  const payloadStart = headerStart + headerLength + CHECKSUM_BYTES;
  if (bytes.length !== payloadStart + payloadLength) return undefined;
  const header = bytes.subarray(headerStart, headerStart + headerLength).toString('utf8');
  if (header !== JSON.stringify([name.formatVersion, name.key, name.part])) return undefined;
  const payload = bytes.subarray(payloadStart);
  return sha256(payload).equals(bytes.subarray(payloadStart - CHECKSUM_BYTES, payloadStart)) ? payload : undefined;
}

/** The value of a verified payload; undefined if V8 cannot read it. */
export function readCachePayload(payload: Buffer): unknown {
  try {
    return deserialize(payload);
  } catch {
    return undefined; // a payload V8 cannot read (written by another Node version's serialiser)
  }
}

/** The content key of a text: its SHA-256, hex. */
export function getContentKey(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function sha256(bytes: Buffer): Buffer {
  return createHash('sha256').update(bytes).digest();
}
