// The band → sentences table of the near-passage index (int32Multimap.ts) keeps each key's values as a linked list
// of typed-array nodes; it must answer every key as the table it replaced did (compactMultimap.ts: insertion
// order, a pair added twice kept once, removal of absent pairs ignored) through any run of adds and deletes.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CompactMultimap } from '../../server/src/features/compactMultimap';
import { Int32Multimap } from '../../server/src/features/int32Multimap';

const KEYS_PER_VALUE = 3;
const values = Array.from({ length: 12 }, (_, i) => ({ name: `v${i}` }));
/** Keys from a small range, so keys hold many values and values meet the same key again. */
const operation = fc.tuple(fc.boolean(), fc.integer({ min: -3, max: 5 }), fc.integer({ min: 0, max: values.length - 1 }));

const read = (values: Iterable<{ name: string }>) => [...values].map((v) => v.name).join(' ');

test('every key reads the values the previous table read, in the same order, through random adds and deletes', () => {
  fc.assert(
    fc.property(fc.array(operation, { minLength: 50, maxLength: 400 }), (operations) => {
      const table = new Int32Multimap<{ name: string }>(KEYS_PER_VALUE);
      const model = new CompactMultimap<number, { name: string }>();
      const keysOf = new Map<object, Set<number>>();
      for (const [isAdd, key, v] of operations) {
        const value = values[v];
        const keys = keysOf.get(value) ?? new Set<number>();
        keysOf.set(value, keys);
        if (isAdd && !keys.has(key) && keys.size === KEYS_PER_VALUE) continue; // the table's stated limit
        if (isAdd) {
          table.add(key, value);
          model.add(key, value);
          keys.add(key);
        } else {
          table.delete(key, value);
          model.delete(key, value);
          keys.delete(key);
        }
        for (let k = -3; k <= 5; k++) {
          assert.equal(read(table.get(k)), read(model.get(k)), `key ${k}`);
          assert.equal(table.count(k), model.count(k), `count of key ${k}`);
        }
      }
    }),
    { numRuns: 200 },
  );
});

test('a key holding thousands of values reads them in insertion order, and a value removed from it leaves the rest in order', () => {
  const many = Array.from({ length: 5000 }, (_, i) => ({ name: `v${i}` }));
  const table = new Int32Multimap<{ name: string }>(12);
  for (const value of many) table.add(7, value);
  for (const value of many.filter((_, i) => i % 3 === 0)) table.delete(7, value);
  const left = many.filter((_, i) => i % 3 !== 0);
  assert.equal(table.count(7), left.length);
  assert.equal(read(table.get(7)), read(left));
});
