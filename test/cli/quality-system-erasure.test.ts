/**
 * A member's erasure reaches the mediation quality system, through the real `spiegel` bin on a real database:
 * licence entries about them are deleted; the case register and audits keep their shape with an untraceable stand-in.
 */
import { expect, it } from 'vitest';
import { isErasedMember } from '../../src/domain/mediation/case-file.js';
import { createTestContext } from '../support/app-context.js';
import { findInDatabase } from '../support/member-id-scan.js';
import { useCli } from './support.js';

const cli = useCli();
const TENANT = 'cli:erase';

it('erases a mediator from the licence log, the case register and the audits', { timeout: 180_000 }, async () => {
  expect((await cli.spiegel('cases', 'import', 'examples/case-register.csv', '--tenant', TENANT)).code).toBe(0);
  expect((await cli.spiegel('licence', 'import-training', 'examples/licence-training.csv', '--tenant', TENANT)).code).toBe(0);
  const audit = JSON.parse(
    (
      await cli.spiegel(
        'audit',
        'draw',
        '--size',
        '6',
        '--from',
        '2025-01-01',
        '--to',
        '2025-12-31',
        '--seed',
        'erase',
        '--tenant',
        TENANT,
        '--format',
        'json',
      )
    ).stdout,
  ) as { files: { mediators: string[]; reviewers: string[] }[] };
  expect(audit.files.some((f) => f.mediators.includes('U01ANNA') || f.reviewers.includes('U01ANNA'))).toBe(true);
  const ctx = await createTestContext(cli.database().db);
  const before = (await ctx.stores.cases.list(TENANT)).filter((f) => f.mediators.includes('U01ANNA')).length;

  const erased = await cli.spiegel('member', 'erase', '--member', 'U01ANNA', '--tenant', TENANT);
  expect(erased.stderr).not.toContain('Error');
  expect(erased.stdout).toContain(
    `Quality system: 2 licence entries and 0 intervision contributions deleted; your id replaced by an untraceable stand-in in ${before} case files`,
  );

  // What is left of U01ANNA: only the participant lists of the audit rounds she was to review (as after any erasure).
  const left = await findInDatabase(cli.database().db, 'U01ANNA');
  expect(left.filter((path) => !/^rounds:\w+\.participants\[\d+\]$/.test(path))).toEqual([]);
  const files = await ctx.stores.cases.list(TENANT);
  const standIns = new Set(files.flatMap((f) => f.mediators).filter(isErasedMember));
  expect(standIns.size).toBe(1);
  expect(files.filter((f) => f.mediators.some(isErasedMember))).toHaveLength(before);
  const [stored] = await ctx.stores.audits.list(TENANT);
  expect(
    stored?.files
      .flatMap((f) => [...f.mediators, ...f.reviewers])
      .filter(isErasedMember)
      .every((id) => standIns.has(id)),
  ).toBe(true);

  // The stand-in is on no licence log, and the licence report goes on without her.
  const report = JSON.parse((await cli.spiegel('licence', 'report', '--year', '2025', '--tenant', TENANT, '--format', 'json')).stdout) as {
    members: { member: string }[];
  };
  expect(report.members.map((m) => m.member)).not.toContain('U01ANNA');
  expect(report.members.some((m) => isErasedMember(m.member))).toBe(false);
});
