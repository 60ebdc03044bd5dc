import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { SummaryStore } from '../../app/ports.js';
import { localeSchema } from '../../domain/framework.js';
import type { CriterionStatistics, Summary } from '../../domain/summary-types.js';
import { insertOnce } from './errors.js';

const num = z.number().nullable();
const itemRef = { criterionId: z.string(), component: z.string(), dimension: z.string() };
const statistics = {
  n: z.number().int(),
  naCount: z.number().int(),
  mean: num,
  median: num,
  q1: num,
  q3: num,
  iqr: num,
  sd: num,
  rwg: num,
  consensus: num,
  class: z.enum(['consensus', 'mixed', 'divergent', 'polarised', 'insufficient']),
  comments: z.array(z.string()),
};
const reportedItemSchema = z.object({
  ...itemRef,
  suppressed: z.literal(false),
  ...statistics,
  distribution: z.record(z.string(), z.number()),
});
const suppressedItemSchema = z.object({ ...itemRef, suppressed: z.literal(true) });
/** Summaries stored before items below k were suppressed: no flag, and a null distribution below k. */
const legacyItemSchema = z
  .object({ ...itemRef, ...statistics, distribution: z.record(z.string(), z.number()).nullable() })
  .transform(({ distribution, ...item }): CriterionStatistics =>
    distribution === null
      ? { criterionId: item.criterionId, component: item.component, dimension: item.dimension, suppressed: true }
      : { ...item, distribution, suppressed: false },
  );
const criterionStatisticsSchema = z.union([reportedItemSchema, suppressedItemSchema, legacyItemSchema]);

const gapSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lowScore'), criterionId: z.string(), dimension: z.string(), median: z.number(), target: z.number() }),
  z.object({
    kind: z.literal('dimensionGap'),
    criterionId: z.string(),
    high: z.string(),
    low: z.string(),
    highMedian: z.number(),
    lowMedian: z.number(),
    difference: z.number(),
  }),
  z.object({
    kind: z.literal('lowResponse'),
    criterionId: z.string(),
    dimension: z.string(),
    answered: z.number(),
    participants: z.number(),
  }),
  z.object({
    kind: z.literal('change'),
    criterionId: z.string(),
    dimension: z.string(),
    previousMedian: z.number(),
    median: z.number(),
    delta: z.number(),
    previousConsensus: num,
    consensusDelta: num,
  }),
]);

const spreadSchema = z
  .object({
    n: z.number().int(),
    median: z.number(),
    q1: z.number(),
    q3: z.number(),
    iqr: z.number(),
    rwg: num,
    class: z.enum(['consensus', 'mixed', 'divergent', 'polarised', 'insufficient']),
  })
  .nullable();
const convergenceSchema = z.object({
  roundId: z.string(),
  previousRoundId: z.string(),
  originRoundId: z.string(),
  iteration: z.number().int(),
  maxIterations: z.number().int(),
  items: z.array(
    z.object({
      ...itemRef,
      before: spreadSchema,
      after: spreadSchema,
      iqrChange: num,
      rwgChange: num,
      paired: num,
      moved: num,
      movedShare: num,
      unsettled: z.boolean(),
    }),
  ),
  stable: z.boolean(),
  next: z.enum(['agreed', 'stable', 'maximum', 'continue']),
});

export const summarySchema = z.object({
  roundId: z.string(),
  locale: localeSchema,
  participants: z.number().int(),
  respondents: z.number().int(),
  responseRate: z.number(),
  criteria: z.array(criterionStatisticsSchema),
  groups: z
    .array(
      z.object({
        by: z.enum(['component', 'perspective']),
        group: z.string(),
        dimension: z.string(),
        fewerThanK: z.boolean(),
        n: num,
        median: num,
        iqr: num,
        class: z.enum(['consensus', 'mixed', 'divergent', 'polarised', 'insufficient']).nullable(),
      }),
    )
    .optional(),
  strengths: z.array(z.object({ criterionId: z.string(), dimension: z.string(), median: z.number() })),
  gaps: z.array(gapSchema),
  discussionPoints: z.array(
    z.object({
      criterionId: z.string(),
      dimension: z.string(),
      reasons: z.array(z.enum(['polarised', 'divergent', 'lowScore', 'dimensionGap', 'change'])),
      weight: z.number(),
      comments: z.array(z.string()),
    }),
  ),
  previousRoundId: z.string().nullable(),
  quantileMethod: z.string(),
  openQuestions: z
    .array(
      z.object({
        questionId: z.string(),
        component: z.string().nullable(),
        answered: z.number().int().nullable(),
        fewerThanK: z.boolean(),
        answers: z.array(z.string()),
      }),
    )
    .optional(),
  convergence: convergenceSchema.optional(),
  updatedAfterErasure: z.boolean().optional(),
  closing: z.number().int().min(1).optional(),
}) satisfies z.ZodType<Summary>;

interface SummaryDocument {
  _id: string;
  tenantId: string;
  summary: Summary;
}

/** The final summary of each closed round, written once; later rounds compare with it. */
export class MongoSummaryStore implements SummaryStore {
  private readonly summaries: Collection<SummaryDocument>;

  constructor(db: Db) {
    this.summaries = db.collection<SummaryDocument>('summaries');
  }

  async save(tenantId: string, summary: Summary): Promise<void> {
    await insertOnce(() => this.summaries.insertOne({ _id: summary.roundId, tenantId, summary }));
  }

  async get(tenantId: string, roundId: string): Promise<Summary | null> {
    const doc = await this.summaries.findOne({ _id: roundId, tenantId });
    return doc ? summarySchema.parse(doc.summary) : null;
  }

  async replace(tenantId: string, summary: Summary): Promise<void> {
    await this.summaries.replaceOne({ _id: summary.roundId, tenantId }, { tenantId, summary });
  }
}
