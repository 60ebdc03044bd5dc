/** The case register and random case-file audits through the real `spiegel` bin, on a real database. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answer } from '../support/answers.js';
import { createTestContext } from '../support/app-context.js';
import { useCli } from './support.js';

interface LicenceJson {
  members: { member: string; trainingHours: number }[];
}

const cli = useCli();
const REGISTER = 'examples/case-register.csv';

interface DrawJson {
  auditId: string;
  seed: string;
  files: { case: string; mediators: string[]; reviewers: string[]; roundId: string }[];
}

const draw = async (tenant: string, ...extra: string[]) =>
  cli.spiegel('audit', 'draw', '--tenant', tenant, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'json', ...extra);

describe('case register', { timeout: 120_000 }, () => {
  it('imports the example register and lists it', async () => {
    const imported = await cli.spiegel('cases', 'import', REGISTER, '--tenant', 'cli:a');
    expect(imported.stderr).not.toContain('Error');
    expect(imported.stdout).toBe('Imported 30 case files.\n');
    const list = await cli.spiegel('cases', 'list', '--tenant', 'cli:a', '--format', 'json');
    const files = JSON.parse(list.stdout) as { caseId: string; mediators: string[]; closed: string | null }[];
    expect(files).toHaveLength(30);
    expect(files.find((f) => f.caseId === 'PH-2025-002')?.mediators).toEqual(['U01EVA', 'U01FENNA']);
    expect(files.find((f) => f.caseId === 'PH-2026-016')?.closed).toBeNull();
    const counts = await cli.spiegel('cases', 'list', '--tenant', 'cli:a', '--locale', 'nl');
    expect(counts.stdout).toContain('U01ANNA: 9 dossiers');
  });

  it('refuses unknown columns, such as a party’s name, and every bad row with its line number; imports nothing', async () => {
    const withParty = join(cli.dir(), 'party.csv');
    await writeFile(withParty, 'case,mediator,opened,closed,type,party\nX-1,U1,2025-01-01,2025-02-01,family,Jan Jansen\n');
    const party = await cli.spiegel('cases', 'import', withParty, '--tenant', 'cli:empty');
    expect(party.code).toBe(1);
    expect(party.stderr).toContain('unknown column(s) “party”');
    const bad = join(cli.dir(), 'bad.csv');
    await writeFile(
      bad,
      'case,mediator,opened,closed,type\nX-1,U1,2025-01-01,2025-02-01,family\nX-2,,2025-13-01,,family\nX-3,U2,2025-03-01,2025-02-01,\nX-1,U3,2025-01-01,,school\n',
    );
    const rows = await cli.spiegel('cases', 'import', bad, '--tenant', 'cli:empty');
    expect(rows.code).toBe(1);
    for (const expected of [
      'line 3: no mediator',
      'line 3: opened “2025-13-01”',
      'line 4: closed 2025-02-01 lies before',
      'line 4: type',
      'line 5: case X-1 appears already on line 2',
    ])
      expect(rows.stderr).toContain(expected);
    const list = await cli.spiegel('cases', 'list', '--tenant', 'cli:empty', '--format', 'json');
    expect(JSON.parse(list.stdout)).toEqual([]);
  });
});

describe('audit', { timeout: 120_000 }, () => {
  it('draws a reproducible, stratified sample with reviewers who are not the mediators', async () => {
    const first = await draw('cli:a', '--size', '6', '--seed', 'spring-2026');
    expect(first.stderr).not.toContain('Error');
    const audit = JSON.parse(first.stdout) as DrawJson;
    expect(audit.seed).toBe('spring-2026');
    expect(audit.files).toHaveLength(6);
    expect(new Set(audit.files.map((f) => f.case)).size).toBe(6);
    const mediatorsInPeriod = ['U01ANNA', 'U01BRAM', 'U01CHLOE', 'U01DAAN', 'U01EVA', 'U01FENNA'];
    expect(new Set(audit.files.flatMap((f) => f.mediators))).toEqual(new Set(mediatorsInPeriod));
    for (const file of audit.files) {
      expect(file.reviewers).toHaveLength(2);
      expect(file.reviewers.some((r) => file.mediators.includes(r))).toBe(false);
    }
    const loads = mediatorsInPeriod.map((m) => audit.files.filter((f) => f.reviewers.includes(m)).length);
    expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);

    // The same register, period, size and seed in another workspace: the same files and reviewers.
    await cli.spiegel('cases', 'import', REGISTER, '--tenant', 'cli:b');
    const again = JSON.parse((await draw('cli:b', '--size', '6', '--seed', 'spring-2026')).stdout) as DrawJson;
    expect(again.files.map(({ case: c, reviewers }) => ({ c, reviewers }))).toEqual(
      audit.files.map(({ case: c, reviewers }) => ({ c, reviewers })),
    );

    // Files audited in the last 12 months are not drawn again.
    const next = JSON.parse((await draw('cli:a', '--size', '3', '--seed', 'spring-2026')).stdout) as DrawJson;
    expect(next.files.some((f) => audit.files.some((a) => a.case === f.case))).toBe(false);
  });

  it('refuses a sample larger than the eligible files and a file without an available reviewer; stores nothing', async () => {
    const tooLarge = await draw('cli:b', '--size', '40');
    expect(tooLarge.code).toBe(1);
    expect(tooLarge.stderr).toContain('audit.sampleTooLarge');
    expect(tooLarge.stderr).toContain('larger than the 10 case files');
    const lone = join(cli.dir(), 'lone.csv');
    await writeFile(
      lone,
      'case,mediator,opened,closed,type\nL-1,U1;U2,2025-01-01,2025-02-01,family\nL-2,U1,2025-01-01,2025-03-01,family\n',
    );
    await cli.spiegel('cases', 'import', lone, '--tenant', 'cli:lone');
    const noReviewer = await draw('cli:lone', '--size', '1', '--seed', 'x');
    expect(noReviewer.code).toBe(1);
    expect(noReviewer.stderr).toMatch(/case file L-[12] needs 2 reviewers who are not its mediator/);
    expect((await cli.spiegel('audit', 'list', '--tenant', 'cli:lone')).stdout).toBe('No audits yet.\n');
  });

  it('reports results per file, mediator and period, and marks items where reviewers differ by 2 or more', async () => {
    const audit = JSON.parse((await draw('cli:b', '--size', '2', '--seed', 'report', '--reviewers', '2')).stdout) as DrawJson;
    const ctx = await createTestContext(cli.database().db);
    const [file] = audit.files;
    if (!file) throw new Error('no file drawn');
    const [one, two] = file.reviewers as [string, string];
    const rate = (reviewer: string, criterionId: string, value: number) =>
      answer(ctx, { tenantId: 'cli:b', userId: reviewer, isAdmin: false }, { roundId: file.roundId, criterionId, value });
    await rate(one, 'steps-intake', 2);
    await rate(two, 'steps-intake', 4);
    await rate(one, 'file-complete', 4);
    await rate(two, 'file-complete', 5);

    const json = JSON.parse((await cli.spiegel('audit', 'report', audit.auditId, '--tenant', 'cli:b', '--format', 'json')).stdout) as {
      files: { caseId: string; items: { criterionId: string }[] }[];
      period: object;
      mediators: { mediator: string }[];
    };
    const reported = json.files.find((f) => f.caseId === file.case)!;
    expect(reported.items.find((i) => i.criterionId === 'steps-intake')).toMatchObject({ mean: 3, discuss: true });
    expect(reported.items.find((i) => i.criterionId === 'file-complete')).toMatchObject({
      mean: 4.5,
      discuss: false,
    });
    expect(json.period).toMatchObject({ files: 2, reviews: 4, reviewsComplete: 0, mean: 3.75, discussionItems: 1 });
    expect(json.mediators.map((m) => m.mediator)).toEqual([...new Set(audit.files.flatMap((f) => f.mediators))].sort());

    const csv = await cli.spiegel('audit', 'report', audit.auditId, '--tenant', 'cli:b', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('case,mediators,criterion,reviewer,value,discuss');
    expect(csv.stdout).toContain(`${file.case},${file.mediators.join(';')},steps-intake,${one},2,yes`);
    const text = await cli.spiegel('audit', 'report', audit.auditId, '--tenant', 'cli:b');
    expect(text.stdout).toContain(`for discussion: steps-intake (${one}: 2, ${two}: 4)`);
    const other = await cli.spiegel('audit', 'report', audit.auditId, '--tenant', 'cli:a');
    expect(other.stderr).toContain('audit.unknown');
  });
});

describe('licence log', { timeout: 120_000 }, () => {
  it('reports per member who meets the requirements, from the register, imported training and entries', async () => {
    const tenant = ['--tenant', 'cli:licence'];
    await cli.spiegel('cases', 'import', REGISTER, ...tenant);
    const settings = await cli.spiegel(
      'licence',
      'settings',
      '--min-mediations',
      '3',
      '--min-training-hours',
      '16',
      '--min-intervisions',
      '2',
      ...tenant,
    );
    expect(JSON.parse(settings.stdout)).toMatchObject({
      licenceYearStart: '01-01',
      requirements: { mediations: 3, trainingHours: 16, intervisions: 2 },
    });
    expect((await cli.spiegel('licence', 'import-training', 'examples/licence-training.csv', ...tenant)).stdout).toBe(
      'Imported 10 training entries (69 hours).\n',
    );
    for (const [member, date] of [
      ['U01ANNA', '2025-03-10'],
      ['U01ANNA', '2025-09-08'],
      ['U01EVA', '2025-04-14'],
    ] as const) {
      const added = await cli.spiegel('licence', 'add', '--member', member, '--kind', 'intervision', '--date', date, ...tenant);
      expect(added.stdout).toBe(`Stored: intervision for ${member} on ${date} (1).\n`);
    }
    const json = JSON.parse(
      (await cli.spiegel('licence', 'report', '--year', '2025', '--format', 'json', ...tenant)).stdout,
    ) as LicenceJson;
    expect(json.members.find((m) => m.member === 'U01ANNA')).toMatchObject({
      member: 'U01ANNA',
      mediations: 6,
      trainingHours: 16,
      intervisions: 2,
      meets: true,
    });
    expect(json.members.find((m) => m.member === 'U01EVA')).toMatchObject({
      trainingHours: 16,
      intervisions: 1,
      meets: false,
      shortfall: { mediations: 0, trainingHours: 0, intervisions: 1 },
    });
    const csv = await cli.spiegel('licence', 'report', '--year', '2025', '--format', 'csv', ...tenant);
    expect(csv.stdout.split('\n')[0]).toBe(
      'member,mediations,trainingHours,intervisions,meets,missingMediations,missingTrainingHours,missingIntervisions',
    );
    const text = await cli.spiegel('licence', 'report', '--year', '2025', ...tenant);
    expect(text.stdout).toContain('Meet the requirements (1):');
    expect(text.stdout).toContain(
      'U01BRAM · mediations 1 · training hours 4 · intervisions 0 · missing: 2 mediations, 12 training hours, 2 intervisions',
    );
  });

  it('refuses an unknown member in an entry or a training file, and stores nothing', async () => {
    const tenant = ['--tenant', 'cli:licence'];
    const unknown = await cli.spiegel(
      'licence',
      'add',
      '--member',
      'UNOBODY',
      '--kind',
      'training',
      '--date',
      '2025-05-01',
      '--amount',
      '3',
      ...tenant,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('UNOBODY is not a member of this workspace’s licence log');
    const file = join(cli.dir(), 'training.csv');
    await writeFile(file, 'member,date,hours,note\nU01ANNA,2025-05-01,4,ok\nUNOBODY,2025-05-02,4,who\nU01EVA,2025-02-30,2,\n');
    const bad = await cli.spiegel('licence', 'import-training', file, ...tenant);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('line 3: “UNOBODY” is not a member of the licence log');
    expect(bad.stderr).toContain('line 4: “2025-02-30” is not a date');
    const json = JSON.parse(
      (await cli.spiegel('licence', 'report', '--year', '2025', '--format', 'json', ...tenant)).stdout,
    ) as LicenceJson;
    expect(json.members.find((m) => m.member === 'U01ANNA')!.trainingHours).toBe(16);
  });
});

it('tells what changed between two versions of a framework', { timeout: 120_000 }, async () => {
  const { readFile } = await import('node:fs/promises');
  const v1 = await readFile('frameworks/case-file-audit.yaml', 'utf8');
  const v2 = v1
    .replace("version: '1.0'", "version: '1.1'")
    .replace(
      'The file is complete: every contact, agreement and decision is in it.',
      'The file is complete: every contact and decision is in it.',
    )
    .replace(/ {2}- id: file-outcome[\s\S]*$/, '');
  const next = join(cli.dir(), 'case-file-audit-1.1.yaml');
  await writeFile(next, v2);
  const { stdout } = await cli.spiegel('frameworks', 'diff', 'frameworks/case-file-audit.yaml', next);
  expect(stdout).toContain('Framework case-file-audit: what changed from version 1.0 to 1.1');
  expect(stdout).toContain('1 criterion removed:\n- file-outcome: The outcome of the mediation');
  expect(stdout).toContain(
    '1 criterion reworded:\n~ file-complete: The file is complete: every contact, agreement and decision is in it.\n  → The file is complete: every contact and decision is in it.',
  );
});
