import { expect, it } from 'vitest';
import { newRoundId } from '../../src/app/context.js';

it('makes round ids of 12 letters and digits, never starting with a dash a command line would misread', () => {
  const ids = Array.from({ length: 2000 }, newRoundId);
  for (const id of ids) expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
  expect(new Set(ids).size).toBe(ids.length);
});
