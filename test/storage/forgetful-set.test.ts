import { expect, it } from 'vitest';
import { ForgetfulSet } from '../../src/storage/mongo/forgetful-set.js';

it('remembers keys until it holds its capacity, then forgets them all and keeps the new one', () => {
  const seen = new ForgetfulSet(2);
  seen.add('a');
  seen.add('b');
  seen.add('b');
  expect([seen.has('a'), seen.has('b'), seen.has('c')]).toEqual([true, true, false]);
  seen.add('c');
  expect([seen.has('a'), seen.has('b'), seen.has('c')]).toEqual([false, false, true]);
});
