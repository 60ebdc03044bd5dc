/**
 * Drawing an audit: a reproducible random sample of case files, stratified by mediator, and reviewers for each
 * file who are not its mediators, with the load spread as evenly as the pool allows. Pure: same input, same draw.
 */
import { seededRandom, type Random } from './random.js';

export interface DrawableFile {
  caseId: string;
  mediators: string[];
}

export interface DrawInput {
  /** Files eligible for this audit (closed in the period, not audited recently). */
  files: readonly DrawableFile[];
  size: number;
  seed: string;
  reviewersPerFile: number;
  /** Members who may review. */
  pool: readonly string[];
}

export interface DrawnFile {
  caseId: string;
  mediators: string[];
  reviewers: string[];
}

export type DrawRefusal =
  | { reason: 'sample-too-large'; size: number; eligible: number }
  | { reason: 'no-reviewer'; caseId: string; available: number; needed: number }
  | { reason: 'bad-size'; size: number }
  | { reason: 'bad-reviewers'; reviewersPerFile: number };

export type DrawResult = { ok: true; files: DrawnFile[] } | { ok: false; refusal: DrawRefusal };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sample: first one random file for each mediator not yet represented (mediators in random order), while
 * the size allows; the rest uniformly at random from the files left. With fewer places than mediators, a
 * uniform sample.
 */
export function sampleFiles(files: readonly DrawableFile[], size: number, random: Random): DrawableFile[] {
  const sorted = [...files].sort((a, b) => byText(a.caseId, b.caseId));
  const mediators = [...new Set(sorted.flatMap((f) => f.mediators))].sort(byText);
  const chosen = new Set<string>();
  const picked: DrawableFile[] = [];
  const pick = (file: DrawableFile) => {
    chosen.add(file.caseId);
    picked.push(file);
  };
  if (size >= mediators.length) {
    const covered = new Set<string>();
    for (const mediator of random.shuffle(mediators)) {
      if (covered.has(mediator)) continue;
      const own = sorted.filter((f) => f.mediators.includes(mediator) && !chosen.has(f.caseId));
      const file = own[random.below(own.length)];
      if (!file) continue;
      pick(file);
      for (const m of file.mediators) covered.add(m);
    }
  }
  const rest = random.shuffle(sorted.filter((f) => !chosen.has(f.caseId)));
  for (const file of rest.slice(0, size - picked.length)) pick(file);
  return picked;
}

/**
 * Reviewers per file: greedily the least-loaded eligible reviewer (ties in a random order), then moves along
 * chains (a file passes from one reviewer to another) until no chain can lower a load that exceeds another by 2.
 */
export function assignReviewers(
  files: readonly DrawableFile[],
  pool: readonly string[],
  perFile: number,
  random: Random,
): { ok: true; files: DrawnFile[] } | { ok: false; refusal: DrawRefusal } {
  const order = random.shuffle([...new Set(pool)].sort(byText));
  const load = new Map(order.map((r) => [r, 0]));
  const assigned: DrawnFile[] = [];
  for (const file of files) {
    const eligible = order.filter((r) => !file.mediators.includes(r));
    if (eligible.length < perFile) {
      return { ok: false, refusal: { reason: 'no-reviewer', caseId: file.caseId, available: eligible.length, needed: perFile } };
    }
    const reviewers = [...eligible].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0)).slice(0, perFile);
    for (const r of reviewers) load.set(r, (load.get(r) ?? 0) + 1);
    assigned.push({ caseId: file.caseId, mediators: [...file.mediators], reviewers });
  }
  while (moveAlongChain(assigned, order, load));
  for (const file of assigned) file.reviewers.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { ok: true, files: assigned };
}

/** Finds one chain from a most-loaded reviewer to one loaded at least 2 less, and applies it; false when none exists. */
function moveAlongChain(files: DrawnFile[], order: readonly string[], load: Map<string, number>): boolean {
  const max = Math.max(...load.values());
  for (const start of order.filter((r) => load.get(r) === max)) {
    // Breadth-first: from a reviewer, a step hands one of their files to a reviewer eligible for it.
    const via = new Map<string, { from: string; file: DrawnFile }>();
    const queue = [start];
    const seen = new Set([start]);
    while (queue.length > 0) {
      const current = queue.shift() as string;
      for (const file of files) {
        if (!file.reviewers.includes(current)) continue;
        for (const next of order) {
          if (seen.has(next) || file.mediators.includes(next) || file.reviewers.includes(next)) continue;
          seen.add(next);
          via.set(next, { from: current, file });
          if ((load.get(next) ?? 0) <= max - 2) {
            let at = next;
            while (at !== start) {
              const step = via.get(at) as { from: string; file: DrawnFile };
              step.file.reviewers[step.file.reviewers.indexOf(step.from)] = at;
              at = step.from;
            }
            load.set(start, max - 1);
            load.set(next, (load.get(next) ?? 0) + 1);
            return true;
          }
          queue.push(next);
        }
      }
    }
  }
  return false;
}

/** The whole draw: checks, sample, reviewers. */
export function drawAudit(input: DrawInput): DrawResult {
  const { files, size, seed, reviewersPerFile, pool } = input;
  if (!Number.isInteger(size) || size < 1) return { ok: false, refusal: { reason: 'bad-size', size } };
  if (!Number.isInteger(reviewersPerFile) || reviewersPerFile < 1 || reviewersPerFile > 5)
    return { ok: false, refusal: { reason: 'bad-reviewers', reviewersPerFile } };
  if (size > files.length) return { ok: false, refusal: { reason: 'sample-too-large', size, eligible: files.length } };
  const random = seededRandom(seed);
  return assignReviewers(sampleFiles(files, size, random), pool, reviewersPerFile, random);
}
