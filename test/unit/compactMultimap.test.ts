// The table behind the passage indexes: a key's values read in insertion order however many it holds, through
// every change of representation (one value, a short list, a Set) and back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CompactMultimap } from '../../server/src/features/compactMultimap';

const values = Array.from({ length: 100 }, (_, i) => ({ name: `v${i}` }));
const read = (table: CompactMultimap<string, { name: string }>, key: string) => [...table.get(key)].map((v) => v.name).join(' ');

test('values keep insertion order as a key grows from one value to a list to a Set', () => {
  const table = new CompactMultimap<string, { name: string }>();
  for (const [count, value] of values.entries()) {
    table.add('k', value);
    assert.equal(table.count('k'), count + 1);
    assert.equal(
      read(table, 'k'),
      values
        .slice(0, count + 1)
        .map((v) => v.name)
        .join(' '),
    );
  }
});

test('removing values keeps the order of the rest, down to none; adding a value twice counts it once', () => {
  for (const size of [2, 5, 64, 65, 100]) {
    const table = new CompactMultimap<string, { name: string }>();
    for (const value of values.slice(0, size)) table.add('k', value);
    table.add('k', values[0]);
    assert.equal(table.count('k'), size, `size ${size}`);
    const left = values.slice(0, size);
    for (const value of values
      .slice(0, size)
      .filter((_, i) => i % 2 === 1)
      .concat(values.slice(0, size).filter((_, i) => i % 2 === 0))) {
      table.delete('k', value);
      left.splice(left.indexOf(value), 1);
      assert.equal(read(table, 'k'), left.map((v) => v.name).join(' '), `size ${size}`);
      assert.equal(table.count('k'), left.length);
    }
    table.delete('k', values[0]);
    assert.equal(table.count('k'), 0);
    table.add('k', values[3]);
    assert.equal(read(table, 'k'), 'v3');
  }
});
