import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { PlannedRound, PlannedRoundStore } from '../../app/ports.js';
import {
  frameworkSnapshotSchema,
  joinRound,
  parseRoundDocument,
  roundDocumentSchema,
  toRoundDocuments,
  type RoundDocument,
} from './round-documents.js';

interface PlannedRoundDocument {
  _id: string;
  tenantId: string;
  startAt: Date;
  round: RoundDocument;
  snapshot: unknown;
}

const plannedSchema = z.object({ startAt: z.date(), round: roundDocumentSchema, snapshot: frameworkSnapshotSchema });

/** Rounds a coordinator planned to open later: the round as it will open, stored whole until its start job opens it. */
export class MongoPlannedRoundStore implements PlannedRoundStore {
  private readonly plans: Collection<PlannedRoundDocument>;

  constructor(db: Db) {
    this.plans = db.collection<PlannedRoundDocument>('planned_rounds');
  }

  async insert(plan: PlannedRound): Promise<void> {
    const docs = toRoundDocuments(plan.round);
    await this.plans.insertOne({
      _id: plan.round.id,
      tenantId: plan.round.place.tenantId,
      startAt: plan.startAt,
      round: docs.round,
      snapshot: docs.framework.snapshot,
    });
  }

  async get(tenantId: string, roundId: string): Promise<PlannedRound | null> {
    const doc = await this.plans.findOne({ _id: roundId, tenantId });
    if (!doc) return null;
    const parsed = plannedSchema.parse(doc);
    return { startAt: parsed.startAt, round: joinRound(parseRoundDocument(parsed.round), parsed.snapshot) };
  }
}
