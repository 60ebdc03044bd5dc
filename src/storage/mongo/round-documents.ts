import { z } from 'zod';
import {
  componentSchema,
  criterionSchema,
  dimensionSchema,
  localeSchema,
  localizedTextSchema,
  openQuestionSchema,
  scaleSchema,
} from '../../domain/framework.js';
import { roundStates, type FrameworkSnapshot, type Round } from '../../domain/round.js';

export const settingsSchema = z.object({
  targetScore: z.number(),
  anonymityThreshold: z.number().int(),
  dimensionGapThreshold: z.number(),
  lowResponseRate: z.number(),
  changeThreshold: z.number(),
  consensusMaxIqr: z.number(),
  consensusMinRwg: z.number(),
  lowConsensus: z.number(),
  polarisedEndShare: z.number(),
});

export const reminderPlanSchema = z.object({ hoursBeforeDeadline: z.array(z.number().positive()), max: z.number().int().min(0) });

export const placeSchema = z.object({ platform: z.enum(['slack', 'teams', 'cli']), tenantId: z.string(), channelId: z.string() });

/** A round's framework snapshot: written once when the round opens, never changed. */
export const frameworkSnapshotSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: localizedTextSchema,
  scale: scaleSchema,
  components: z.array(componentSchema),
  criteria: z.array(criterionSchema),
  dimensions: z.array(dimensionSchema),
  // Rounds opened before frameworks asked open questions have none.
  questions: z.array(openQuestionSchema).default([]),
});

/**
 * The round's own document: small, because every rating click reads it. The framework snapshot lives in
 * `round_frameworks` under the same `_id`; only its id and version stay here, for queries.
 */
export const roundDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  place: placeSchema,
  name: z.string(),
  framework: z.object({ id: z.string(), version: z.string() }),
  state: z.enum(roundStates),
  anonymous: z.boolean(),
  locale: localeSchema,
  participants: z.array(z.string()),
  createdBy: z.string(),
  coordinators: z.array(z.string()),
  openedAt: z.date(),
  deadline: z.date().nullable(),
  closedAt: z.date().nullable(),
  settings: settingsSchema,
  reminderPlan: reminderPlanSchema,
  recurrenceId: z.string().nullable(),
  caseId: z.string().nullable(),
  // Rounds stored before units and follow-ups existed lack these fields.
  unitId: z.string().nullable().default(null),
  followUp: z
    .object({ previousRoundId: z.string(), originRoundId: z.string(), iteration: z.number().int(), maxIterations: z.number().int() })
    .nullable()
    .default(null),
  platformRefs: z.record(z.string(), z.string()),
  // Rounds stored before they could be changed after opening lack these.
  revision: z.number().int().min(0).default(0),
  reopenings: z.number().int().min(0).default(0),
  erasureMark: z.string().optional(),
});

export type RoundDocument = z.infer<typeof roundDocumentSchema>;

export interface RoundFrameworkDocument {
  _id: string;
  tenantId: string;
  snapshot: FrameworkSnapshot;
}

export function toRoundDocuments(round: Round): { round: RoundDocument; framework: RoundFrameworkDocument } {
  const { id, framework, ...rest } = round;
  const tenantId = round.place.tenantId;
  return {
    round: { _id: id, tenantId, framework: { id: framework.id, version: framework.version }, ...rest },
    framework: { _id: id, tenantId, snapshot: framework },
  };
}

export function parseRoundDocument(raw: unknown): RoundDocument {
  return roundDocumentSchema.parse(raw);
}

export function parseFrameworkSnapshot(raw: unknown): FrameworkSnapshot {
  return frameworkSnapshotSchema.parse(raw);
}

export function joinRound(doc: RoundDocument, snapshot: FrameworkSnapshot): Round {
  const { _id, tenantId: _tenant, framework: _ref, ...rest } = doc;
  return { id: _id, framework: snapshot, ...rest };
}
