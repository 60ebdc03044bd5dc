/**
 * Every card Spiegel sends in Teams passes the `adaptivecards` parser and validator (schema 1.5) with no
 * errors or warnings, and stays under Teams' message size, for every built-in framework, in both languages,
 * shared and personal, with the longest comments allowed.
 */
import { roundFixture } from '../../support/round-fixture.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFrameworkCatalogue, type FrameworkCatalogue } from '../../../src/app/framework-catalogue.js';
import { snapshotFramework } from '../../../src/app/rounds.js';
import { locales, type Framework, type Locale } from '../../../src/domain/framework.js';
import { MAX_COMMENT_LENGTH, roundDimensionIds, type Response, type Round } from '../../../src/domain/round.js';
import { summarizeRound } from '../../../src/domain/summary.js';
import { promptParts } from '../../../src/platforms/teams/cards/card-parts.js';
import { cardBytes, MAX_CARD_BYTES, type AdaptiveCardJson } from '../../../src/platforms/teams/cards/elements.js';
import { renderPromptCard, renderRetiredPromptCard } from '../../../src/platforms/teams/cards/prompt-card.js';
import {
  renderFrameworksCard,
  renderHelpCard,
  renderListCard,
  renderMessageCard,
  renderMineIntroCard,
  renderReminderCard,
  renderStatusCard,
} from '../../../src/platforms/teams/cards/reply-cards.js';
import { renderFrameworkChoiceCard, renderStartedCard, renderStartFormCard } from '../../../src/platforms/teams/cards/start-form-card.js';
import { renderSummaryCards } from '../../../src/platforms/teams/cards/summary-card.js';
import { cardIssues } from './support/card-validation.js';

/** Teams' limit for a message with its card. */
const TEAMS_MESSAGE_LIMIT = 28 * 1024;

let catalogue: FrameworkCatalogue;

beforeAll(async () => {
  catalogue = await loadFrameworkCatalogue();
});

function roundOf(framework: Framework, locale: Locale, extra: Partial<Round> = {}): Round {
  return roundFixture({
    id: 'r0und-Id_1',
    place: { platform: 'teams', tenantId: 'teams:t', channelId: '19:c@thread.tacv2' },
    name: `“Quality” review ${framework.id} with a rather long name to see how it wraps`,
    framework: snapshotFramework(framework),
    state: 'open',
    anonymous: false,
    locale,
    participants: Array.from({ length: 80 }, (_, i) => `member-${i}`),
    createdBy: 'member-0',
    coordinators: ['member-0'],
    openedAt: new Date('2030-03-01T09:00:00Z'),
    deadline: new Date('2030-03-15T16:00:00.123Z'),
    closedAt: null,
    ...extra,
  });
}

/** Every member rated every question, with the longest comment allowed (multi-byte characters included). */
function answersOf(round: Round, respondent: string, commentChar = 'é'): Response[] {
  return round.framework.criteria.flatMap((c, i) =>
    roundDimensionIds(round).map((dimension, d) => ({
      roundId: round.id,
      criterionId: c.id,
      dimension,
      respondent,
      value: (i + d) % 6 === 5 ? ('na' as const) : ((i + d) % 5) + 1,
      comment: d === 0 ? commentChar.repeat(MAX_COMMENT_LENGTH) : null,
      updatedAt: null,
    })),
  );
}

function expectValid(card: AdaptiveCardJson, what: string): void {
  expect(card.version, what).toBe('1.5');
  expect(cardIssues(card), what).toEqual([]);
  expect(cardBytes(card), what).toBeLessThanOrEqual(MAX_CARD_BYTES);
  expect(
    Buffer.byteLength(
      JSON.stringify({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }),
    ),
    what,
  ).toBeLessThan(TEAMS_MESSAGE_LIMIT);
}

describe('Teams cards', () => {
  it('prompt cards: shared, personal with the longest comments, and retired, for every framework and language', () => {
    for (const framework of catalogue.list()) {
      for (const locale of locales) {
        const round = roundOf(framework, locale);
        const answers = answersOf(round, 'member-1');
        const refreshUserIds = round.participants.map((p) => `29:${p}`);
        for (const part of promptParts(round)) {
          const what = `${framework.id} ${locale} part ${part.index}`;
          const shared = renderPromptCard({ round, part, locale, progress: { answered: 3, participants: 80 }, refreshUserIds });
          expectValid(shared, `${what} shared`);
          expect(shared.refresh?.userIds).toHaveLength(60);
          const personal = renderPromptCard({
            round,
            part,
            locale,
            progress: null,
            refreshUserIds,
            personal: { answers, notice: { kind: 'saved', count: 3 } },
          });
          expectValid(personal, `${what} personal`);
          expectValid(renderRetiredPromptCard({ ...round, state: 'closed' }, part, { answered: 3, participants: 80 }), `${what} retired`);
        }
      }
    }
  });

  it('a member’s view folds the comments that do not fit, and keeps them when the box is left empty', () => {
    const framework = catalogue.get('mentoring-to-work');
    const round = roundOf(framework, 'nl');
    const part = promptParts(round)[0]!;
    const card = renderPromptCard({
      round,
      part,
      locale: 'nl',
      progress: null,
      refreshUserIds: [],
      personal: { answers: answersOf(round, 'member-1', '😀') },
    });
    expect(cardBytes(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    // The Save names every criterion of the card; folded comment boxes start empty, so they are not among those
    // whose emptied box erases the comment (`e`).
    const save = card.actions?.[0] as { data: { c: string[]; e?: string[] } };
    expect(save.data.c).toEqual(part.criterionIds);
    expect(save.data.e?.length ?? 0).toBeLessThan(part.criterionIds.length);
    expect(JSON.stringify(card)).toContain('Je opmerking blijft bewaard');
  });

  it('a shared card never carries an answer', () => {
    const round = roundOf(catalogue.get('team-health'), 'en');
    const part = promptParts(round)[0]!;
    const shared = renderPromptCard({ round, part, locale: 'en', progress: { answered: 1, participants: 80 }, refreshUserIds: [] });
    const inputs: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) {
        node.forEach(walk);
        return;
      }
      if (!node || typeof node !== 'object') return;
      const element = node as Record<string, unknown>;
      if (String(element.type).startsWith('Input.')) inputs.push(element);
      Object.values(element).forEach(walk);
    };
    walk(shared);
    expect(inputs.length).toBe(part.criterionIds.length * 2);
    expect(inputs.filter((input) => 'value' in input)).toEqual([]);
    const personal = renderPromptCard({
      round,
      part,
      locale: 'en',
      progress: null,
      refreshUserIds: [],
      personal: { answers: answersOf(round, 'm') },
    });
    expect(JSON.stringify(personal)).toContain('"value":"1"');
  });

  it('summary cards, split over several cards when long', () => {
    for (const framework of catalogue.list()) {
      for (const locale of locales) {
        const round = roundOf(framework, locale, { state: 'closed' });
        const responses = Array.from({ length: 12 }, (_, m) =>
          answersOf(round, `member-${m}`, m % 2 ? 'é' : 'x').map((r) => ({ ...r, comment: r.comment?.slice(0, 700) ?? null })),
        ).flat();
        const summary = summarizeRound({ round, responses, respondents: 12 });
        const cards = renderSummaryCards(round, summary, locale, false);
        cards.forEach((card, i) => {
          expectValid(card, `${framework.id} ${locale} summary ${i}`);
        });
        expect(JSON.stringify(cards[0])).toContain(locale === 'en' ? 'Response rate' : 'Respons');
        const interim = renderSummaryCards(round, summary, locale, true);
        interim.forEach((card, i) => {
          expectValid(card, `${framework.id} ${locale} interim ${i}`);
        });
      }
    }
  });

  it('start form cards, reply cards and the reminder', () => {
    const members = Array.from({ length: 150 }, (_, i) => ({ memberId: `aad-${i}`, name: `Member ${i} with a long display name` }));
    for (const locale of locales) {
      expectValid(renderFrameworkChoiceCard(locale, catalogue.list()), `${locale} chooser`);
      for (const framework of catalogue.list()) {
        expectValid(
          renderStartFormCard({ locale, framework, members, timeZone: 'Europe/Brussels', where: 'team' }),
          `${framework.id} ${locale} form`,
        );
        expectValid(
          renderStartFormCard({
            locale,
            framework,
            members,
            timeZone: 'UTC',
            where: 'chat',
            values: { name: 'x', criteria: framework.criteria[0]!.id, target: 'not a number', anonymous: 'true', dimensions: '' },
            errors: ['One', 'Two'],
          }),
          `${framework.id} ${locale} refused form`,
        );
      }
      const round = roundOf(catalogue.get('team-health'), locale);
      expectValid(renderStartedCard(locale, round, 'An Peeters'), `${locale} started`);
      expectValid(renderHelpCard(locale, 'bogus'), `${locale} help`);
      expectValid(renderStatusCard(round, { answered: 2, participants: 5 }, locale), `${locale} status`);
      expectValid(renderListCard([{ round, progress: { answered: 2, participants: 5 } }], locale, 'place'), `${locale} list`);
      expectValid(renderListCard([], locale, 'mine'), `${locale} empty list`);
      const entries = catalogue.list().map((framework, i) => ({
        framework,
        origin: i === 0 ? ('workspace' as const) : ('built-in' as const),
        revision: i === 0 ? 2 : null,
        source: i === 0 ? 'ours.yaml' : null,
      }));
      expectValid(renderFrameworksCard(entries, locale), `${locale} frameworks`);
      expectValid(renderReminderCard(round, { answered: 2, participants: 5 }, locale, 'Europe/Brussels'), `${locale} reminder`);
      expectValid(renderMineIntroCard(round, locale), `${locale} mine`);
      expectValid(renderMessageCard('Done.', 'Title'), `${locale} message`);
    }
  });
});
