/**
 * MongoDB store of intervision sessions. A step opens by inserting `<session>:<step>` (exactly once, also on
 * FerretDB); a contribution is its own document keyed by session, step, member and source message.
 */
import type { Collection, Db } from 'mongodb';
import { z } from 'zod';
import type { IntervisionStore } from '../../app/intervision-ports.js';
import { localeSchema } from '../../domain/framework.js';
import { intervisionMethodSchema } from '../../domain/intervision/method.js';
import type { Contribution, IntervisionSession, StepOpening } from '../../domain/intervision/session.js';
import { insertOnce, isDuplicateKey } from './errors.js';
import { ensureIndexes } from './indexes.js';
import { placeSchema } from './round-documents.js';

const sessionSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  place: placeSchema,
  presenter: z.string(),
  facilitator: z.string(),
  caseText: z.string(),
  method: intervisionMethodSchema,
  deadlines: z.array(z.date()),
  locale: localeSchema,
  createdAt: z.date(),
  threadId: z.string().nullable(),
});
type SessionDocument = z.infer<typeof sessionSchema>;

const openingSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  sessionId: z.string(),
  step: z.number().int(),
  at: z.date(),
  by: z.string(),
});
type OpeningDocument = z.infer<typeof openingSchema>;

const contributionSchema = z.object({
  _id: z.string(),
  tenantId: z.string(),
  sessionId: z.string(),
  step: z.number().int(),
  member: z.string(),
  text: z.string(),
  sourceId: z.string(),
  at: z.date(),
});
type ContributionDocument = z.infer<typeof contributionSchema>;

function toSession(raw: unknown): IntervisionSession {
  const { _id, ...rest } = sessionSchema.parse(raw);
  return { id: _id, ...rest };
}

export class MongoIntervisionStore implements IntervisionStore {
  private readonly sessions: Collection<SessionDocument>;
  private readonly steps: Collection<OpeningDocument>;
  private readonly contributionDocs: Collection<ContributionDocument>;

  constructor(db: Db) {
    this.sessions = db.collection('intervision_sessions');
    this.steps = db.collection('intervision_steps');
    this.contributionDocs = db.collection('intervision_contributions');
  }

  async ensureIndexes(): Promise<void> {
    await ensureIndexes(this.sessions, [{ tenantId: 1, 'place.channelId': 1, threadId: 1 }]);
    await ensureIndexes(this.steps, [{ tenantId: 1, sessionId: 1 }]);
    await ensureIndexes(this.contributionDocs, [
      { tenantId: 1, sessionId: 1 },
      { tenantId: 1, member: 1 },
    ]);
  }

  async insert(session: IntervisionSession): Promise<void> {
    const { id, ...rest } = session;
    await this.sessions.insertOne({ _id: id, ...rest });
  }

  async get(tenantId: string, sessionId: string): Promise<IntervisionSession | null> {
    const doc = await this.sessions.findOne({ _id: sessionId, tenantId });
    return doc ? toSession(doc) : null;
  }

  async findByThread(tenantId: string, channelId: string, threadId: string): Promise<IntervisionSession | null> {
    const doc = await this.sessions.findOne({ tenantId, 'place.channelId': channelId, threadId });
    return doc ? toSession(doc) : null;
  }

  async setThread(tenantId: string, sessionId: string, threadId: string): Promise<void> {
    await this.sessions.updateOne({ _id: sessionId, tenantId }, { $set: { threadId } });
  }

  async openStep(tenantId: string, opening: StepOpening): Promise<boolean> {
    return insertOnce(() => this.steps.insertOne({ _id: `${opening.sessionId}:${opening.step}`, tenantId, ...opening }));
  }

  async openings(tenantId: string, sessionId: string): Promise<StepOpening[]> {
    const docs = await this.steps.find({ tenantId, sessionId }).toArray();
    return docs.map((raw) => {
      const { _id, tenantId: _tenant, ...opening } = openingSchema.parse(raw);
      return opening;
    });
  }

  async addContribution(c: Contribution): Promise<void> {
    const _id = `${c.sessionId}:${c.step}:${c.member}:${c.sourceId}`;
    try {
      await this.contributionDocs.insertOne({ _id, ...c });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
    }
  }

  async contributions(tenantId: string, sessionId: string): Promise<Contribution[]> {
    const docs = await this.contributionDocs.find({ tenantId, sessionId }).sort({ at: 1 }).toArray();
    return docs.map((raw) => {
      const { _id, ...c } = contributionSchema.parse(raw);
      return c;
    });
  }

  async eraseMember(tenantId: string, memberId: string, standIn: string): Promise<{ contributions: number; sessions: number }> {
    const contributions = (await this.contributionDocs.deleteMany({ tenantId, member: memberId })).deletedCount;
    const presented = await this.sessions.updateMany({ tenantId, presenter: memberId }, { $set: { presenter: standIn, caseText: '' } });
    await this.sessions.updateMany({ tenantId, facilitator: memberId }, { $set: { facilitator: standIn } });
    await this.steps.updateMany({ tenantId, by: memberId }, { $set: { by: standIn } });
    return { contributions, sessions: presented.modifiedCount };
  }
}
