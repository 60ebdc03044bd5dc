import { z } from 'zod';
import {
  componentSchema,
  criterionSchema,
  dimensionSchema,
  localeSchema,
  localizedTextSchema,
  scaleSchema,
} from '../../domain/framework.js';
import { roundStates, type Round } from '../../domain/round.js';

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

export const roundDocumentSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  place: placeSchema,
  name: z.string(),
  framework: z.object({
    id: z.string(),
    version: z.string(),
    title: localizedTextSchema,
    scale: scaleSchema,
    components: z.array(componentSchema),
    criteria: z.array(criterionSchema),
    dimensions: z.array(dimensionSchema),
  }),
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
  platformRefs: z.record(z.string(), z.string()),
});

export type RoundDocument = z.infer<typeof roundDocumentSchema>;

export function toRoundDocument(round: Round): RoundDocument {
  const { id, ...rest } = round;
  return { _id: id, tenantId: round.place.tenantId, ...rest };
}

export function fromRoundDocument(raw: unknown): Round {
  const { _id, tenantId: _tenant, ...rest } = roundDocumentSchema.parse(raw);
  return { id: _id, ...rest };
}
