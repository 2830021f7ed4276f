// The band table of the near-passage index keeps its keys in an open-addressing table (int32KeyMap.ts); it must
// answer as a Map would through any run of sets and deletes, where removals shift colliding entries back.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { Int32KeyMap } from '../../server/src/features/int32KeyMap';

/** Keys from a small range collide often; others anywhere in the int32 range. */
const key = fc.oneof(fc.integer({ min: -40, max: 40 }), fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }));

test('an int32-keyed table answers every get as a Map does through random sets and deletes', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.boolean(), key, fc.nat()), { minLength: 200, maxLength: 600 }), (operations) => {
      const table = new Int32KeyMap<{ n: number }>();
      const model = new Map<number, { n: number }>();
      for (const [isSet, k, n] of operations) {
        if (isSet) {
          table.set(k, { n });
          model.set(k, { n });
        } else {
          table.delete(k);
          model.delete(k);
        }
      }
      assert.equal(table.size, model.size);
      for (const [, k] of operations) assert.deepEqual(table.get(k), model.get(k));
    }),
    { numRuns: 200 },
  );
});
