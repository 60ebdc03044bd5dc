/** The pure Block Kit renderers against Slack's limits: 50 blocks per message, 100 per view, field lengths. */
import { roundFixture } from '../../support/round-fixture.js';
import { describe, expect, it } from 'vitest';
import type { Criterion, Locale } from '../../../src/domain/framework.js';
import { type Response, type Round } from '../../../src/domain/round.js';
import type { Summary } from '../../../src/domain/summary-types.js';
import { summarizeRound } from '../../../src/domain/summary.js';
import { renderAnswerForm } from '../../../src/platforms/slack/blocks/answer-form.js';
import { formParts } from '../../../src/platforms/slack/blocks/form-parts.js';
import { renderHomeView } from '../../../src/platforms/slack/blocks/home.js';
import { chunkGroups, escapeMrkdwn, limits, packLines, truncate, truncateMrkdwn } from '../../../src/platforms/slack/blocks/limits.js';
import { renderIntroMessage, renderPromptMessages } from '../../../src/platforms/slack/blocks/prompts.js';
import { renderSummaryMessages } from '../../../src/platforms/slack/blocks/summary.js';
import { decodeFormTarget, decodeRate, encodeFormTarget, encodeRate } from '../../../src/platforms/slack/ids.js';
import { readAnswerForm } from '../../../src/platforms/slack/parse.js';

const long = (s: string, n: number) => `${s} ${'lorem ipsum <b>& '.repeat(n)}`.trim();
const text = (s: string) => ({ nl: s, en: s });

function bigRound(criteria: number, dimensions: string[] = [], textLength = 20): Round {
  const components = Array.from({ length: 5 }, (_, i) => ({ id: `component-${i}`, title: text(long(`Component ${i}`, 20)) }));
  const list: Criterion[] = Array.from({ length: criteria }, (_, i) => ({
    id: `criterion-${String(i).padStart(2, '0')}-with-a-rather-long-identifier`.slice(0, 48),
    component: `component-${i % 3 === 0 ? 0 : i % 5}`,
    perspective: 'process',
    text: text(long(`Criterion ${i}`, textLength)),
    help: text(long('Help', 5)),
  }));
  return roundFixture({
    id: 'AbCdEfGhIjKl',
    place: { platform: 'slack', tenantId: 'slack:T1', channelId: 'C1' },
    name: long('A round with a long name', 8).slice(0, 150),
    framework: {
      id: 'big',
      version: '1',
      title: text('Big framework'),
      scale: {
        min: 1,
        max: 5,
        labels: Object.fromEntries([1, 2, 3, 4, 5].map((p) => [String(p), text(long(`Label ${p}`, 10))])),
        allowNotApplicable: true,
      },
      components,
      criteria: list,
      dimensions: dimensions.map((id) => ({ id, label: text(id) })),
      questions: [],
    },
    state: 'open',
    anonymous: false,
    locale: 'en',
    participants: ['U1', 'U2', 'U3', 'U4'],
    createdBy: 'U1',
    coordinators: ['U1'],
    openedAt: new Date('2026-01-01T00:00:00Z'),
    deadline: new Date('2026-02-01T16:00:00Z'),
    closedAt: null,
  });
}

type AnyBlock = Record<string, unknown> & { type: string; block_id?: string };

/** Every limit we know of, checked on a list of blocks. */
function expectWithinLimits(blocks: AnyBlock[], maxBlocks: number): void {
  expect(blocks.length).toBeLessThanOrEqual(maxBlocks);
  const ids = blocks.map((b) => b.block_id).filter(Boolean);
  expect(new Set(ids).size).toBe(ids.length);
  for (const block of blocks) {
    const json = block as {
      text?: { text: string };
      elements?: Record<string, unknown>[];
      accessory?: Record<string, unknown>;
      label?: { text: string };
      element?: Record<string, unknown>;
    };
    if (block.block_id) expect(block.block_id.length).toBeLessThanOrEqual(limits.blockId);
    if (block.type === 'section') expect(json.text!.text.length).toBeLessThanOrEqual(limits.sectionText);
    if (block.type === 'header') expect(json.text!.text.length).toBeLessThanOrEqual(limits.headerText);
    if (block.type === 'input') expect(json.label!.text.length).toBeLessThanOrEqual(limits.inputLabel);
    const elements = [...(json.elements ?? []), ...(json.accessory ? [json.accessory] : []), ...(json.element ? [json.element] : [])];
    if (block.type === 'actions') {
      expect(elements.length).toBeLessThanOrEqual(limits.actionsElements);
      const actionIds = elements.map((e) => e.action_id);
      expect(new Set(actionIds).size).toBe(actionIds.length);
    }
    for (const e of elements) {
      if (typeof e.action_id === 'string') expect(e.action_id.length).toBeLessThanOrEqual(limits.actionId);
      if (e.type === 'button') {
        expect((e.text as { text: string }).text.length).toBeLessThanOrEqual(limits.buttonText);
        expect(String(e.value).length).toBeLessThanOrEqual(limits.buttonValue);
      }
      for (const o of (e.options as { text: { text: string }; value: string }[] | undefined) ?? []) {
        expect(o.text.text.length).toBeLessThanOrEqual(limits.optionText);
        expect(o.value.length).toBeLessThanOrEqual(limits.optionValue);
      }
    }
  }
}

describe('prompt messages', () => {
  it.each([
    ['one rating', []],
    ['two dimensions', ['importance', 'practice']],
    ['three dimensions', ['importance', 'practice', 'impact']],
  ])('a 40-criterion round with %s fits Slack’s limits, every criterion once, in order', (_name, dimensions) => {
    const round = bigRound(40, dimensions, 200);
    const messages = renderPromptMessages(round);
    expect(messages.length).toBeGreaterThan(1);
    for (const m of messages) expectWithinLimits(m.blocks as AnyBlock[], limits.blocksPerMessage);
    const rated = messages
      .flatMap((m) => m.blocks)
      .filter((b) => b.type === 'actions')
      .map((b) => b.block_id);
    const expected = round.framework.components.flatMap((c) =>
      round.framework.criteria
        .filter((cr) => cr.component === c.id)
        .flatMap((cr) => (dimensions.length ? dimensions : ['rating']).map((d) => `rate|${cr.id}|${d}`)),
    );
    expect(rated).toEqual(expected);
    // A criterion's text and its buttons never end up in different messages.
    for (const m of messages) {
      const sections = m.blocks.filter((b) => b.block_id?.startsWith('crit|')).map((b) => b.block_id!.split('|')[1]);
      const rows = new Set(m.blocks.filter((b) => b.type === 'actions').map((b) => b.block_id!.split('|')[1]));
      expect([...rows].sort()).toEqual([...new Set(sections)].sort());
    }
  });

  it('puts the buttons’ round, criterion, dimension and value in the value, within 2000 characters', () => {
    const round = bigRound(3, ['importance', 'practice']);
    const [message] = renderPromptMessages(round);
    const row = message!.blocks.find((b) => b.type === 'actions')!;
    const values = (row as { elements: { value: string; action_id: string; text: { text: string } }[] }).elements;
    expect(values.map((v) => v.action_id)).toEqual([
      'spiegel.rate:1',
      'spiegel.rate:2',
      'spiegel.rate:3',
      'spiegel.rate:4',
      'spiegel.rate:5',
      'spiegel.rate:na',
    ]);
    expect(decodeRate(values[0]!.value)).toEqual({
      roundId: round.id,
      criterionId: round.framework.criteria[0]!.id,
      dimension: 'importance',
      value: '1',
    });
    expect(values[0]!.text.text.endsWith('…')).toBe(true);
  });

  it('numbers a split component’s parts', () => {
    const messages = renderPromptMessages(bigRound(40, ['importance', 'practice']));
    const headings = messages.flatMap((m) => m.blocks).filter((b) => b.block_id?.startsWith('comp|component-0|'));
    expect(headings.length).toBeGreaterThan(1);
    expect(JSON.stringify(headings[0])).toContain(`(1/${headings.length})`);
  });

  it('shows progress and the deadline on the intro, and no buttons once closed', () => {
    const round = bigRound(4);
    const intro = renderIntroMessage(round, { answered: 7, participants: 12 });
    expect(JSON.stringify(intro.blocks)).toContain('7 of 12 answered');
    expect(JSON.stringify(intro.blocks)).toContain('<!date^1769961600^{date_long_pretty} {time}|');
    const closed = renderIntroMessage({ ...round, state: 'closed' }, { answered: 9, participants: 12 });
    expect(closed.blocks.some((b) => b.type === 'actions')).toBe(false);
    expect(JSON.stringify(closed.blocks)).toContain('This round is closed');
  });
});

describe('answers form', () => {
  it.each([[[]], [['importance', 'practice']], [['a', 'b', 'c']]])(
    'every part of a 40-criterion round fits a modal (dimensions %j)',
    (dimensions) => {
      const round = bigRound(40, dimensions, 400);
      const parts = formParts(round);
      expect(parts.flatMap((p) => round.framework.criteria.filter((c) => c.component === p.componentId).slice(p.from, p.to))).toHaveLength(
        40,
      );
      for (const target of parts) {
        const view = renderAnswerForm({ round, locale: 'en', target, answers: [], notice: long('Saved', 300) });
        expectWithinLimits(view.blocks as AnyBlock[], limits.blocksPerView);
        expect(view.title.text.length).toBeLessThanOrEqual(limits.viewTitle);
        expect(decodeFormTarget(view.private_metadata)).toEqual(target);
      }
    },
  );

  it('is prefilled with the member’s answers and comment', () => {
    const round = bigRound(2);
    const [c0] = round.framework.criteria;
    const answers: Response[] = [
      {
        roundId: round.id,
        criterionId: c0!.id,
        dimension: 'rating',
        respondent: 'U1',
        value: 'na',
        comment: 'Not for us',
        updatedAt: null,
      },
    ];
    const view = renderAnswerForm({ round, locale: 'nl', target: formParts(round)[0]!, answers });
    const rating = view.blocks.find((b) => b.block_id === `rating|${c0!.id}|rating`) as {
      element: { initial_option: { value: string; text: { text: string } } };
    };
    expect(rating.element.initial_option).toMatchObject({ value: 'na', text: { text: 'Niet van toepassing' } });
    const comment = view.blocks.find((b) => b.block_id === `comment|${c0!.id}`) as {
      element: { initial_value: string; max_length: number };
    };
    expect(comment.element).toMatchObject({ initial_value: 'Not for us', max_length: 2000 });
  });
});

describe('reading a submitted form', () => {
  const select = (value: string) => ({ rating: { type: 'static_select', selected_option: { value } } });

  it('reads ratings and comments from their block ids; an input missing from the state is left out', () => {
    const form = readAnswerForm({
      'rating|c-0|importance': select('4'),
      'rating|c-0|practice': { rating: { type: 'static_select', selected_option: null } },
      'comment|c-0': { comment: { type: 'plain_text_input', value: '  Needs work  ' } },
      'rating|c-1|practice': select('na'),
      'comment|c-1': { comment: { type: 'plain_text_input', value: null } },
      'open|missing': { open: { type: 'plain_text_input', value: 'A criterion on follow-up' } },
      'open|best': { open: { type: 'plain_text_input', value: null } },
      'text|c-1': {},
    });
    expect(form).toEqual({
      malformed: [],
      openAnswers: [
        { questionId: 'missing', text: 'A criterion on follow-up' },
        { questionId: 'best', text: null },
      ],
      answers: [
        { criterionId: 'c-0', dimension: 'importance', value: 4 },
        { criterionId: 'c-0', comment: '  Needs work  ' },
        { criterionId: 'c-1', dimension: 'practice', value: 'na' },
        { criterionId: 'c-1', comment: null },
      ],
    });
  });

  it('names the inputs whose state is not what the form sends', () => {
    const form = readAnswerForm({
      'rating|c-0|rating': { rating: { selected_option: { value: { $ne: null } } } },
      'rating|c-1|rating': select('four'),
      'comment|c-1': { comment: { value: ['x'] } },
      'comment|c-2': { comment: { $ne: null } },
      'open|missing': { open: { value: { $gt: '' } } },
      'open|best': { open: { $ne: null } },
    });
    expect(form.malformed).toEqual(['rating|c-0|rating', 'rating|c-1|rating', 'comment|c-1', 'comment|c-2', 'open|missing', 'open|best']);
  });
});

describe('summary messages', () => {
  it('splits a long summary into messages of at most 50 blocks, comments escaped and quoted', () => {
    const round = bigRound(40, ['importance', 'practice'], 60);
    const responses: Response[] = round.framework.criteria.flatMap((c, i) =>
      round.participants.flatMap((p, j) =>
        ['importance', 'practice'].map((d) => ({
          roundId: round.id,
          criterionId: c.id,
          dimension: d,
          respondent: p,
          value: ((i + j * (d === 'practice' ? 3 : 1)) % 5) + 1,
          comment: j === 0 ? long(`<!channel> comment ${i}`, 30) : null,
          updatedAt: null,
        })),
      ),
    );
    const summary: Summary = summarizeRound({ round, responses, respondents: 4 });
    for (const locale of ['en', 'nl'] as Locale[]) {
      const messages = renderSummaryMessages(round, summary, locale, locale === 'en');
      expect(messages.length).toBeGreaterThan(1);
      for (const m of messages) expectWithinLimits(m.blocks as AnyBlock[], limits.blocksPerMessage);
      const all = JSON.stringify(messages);
      expect(all).not.toContain('<!channel>');
      expect(all).toContain('&lt;!channel&gt;');
      for (const member of round.participants) expect(all).not.toContain(`"${member}"`);
    }
  });
});

describe('home view', () => {
  it('lists at most 20 rounds per section within 100 blocks', () => {
    const items = Array.from({ length: 30 }, (_, i) => ({
      round: { ...bigRound(2), id: `r${i}` },
      progress: { answered: i, participants: 30 },
      mine: { answered: 1, total: 2 },
    }));
    const view = renderHomeView({ locale: 'en', participating: items, coordinating: items, workspaceLocale: 'nl' });
    expectWithinLimits(view.blocks as AnyBlock[], limits.blocksPerView);
    expect(view.blocks.filter((b) => b.block_id?.startsWith('mine|'))).toHaveLength(20);
  });
});

describe('text helpers', () => {
  it('truncates without splitting a surrogate pair or an entity', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
    expect(truncateMrkdwn(escapeMrkdwn('a&b<c'), 5)).toBe('a…');
    expect(escapeMrkdwn('<@U1> & <!here>')).toBe('&lt;@U1&gt; &amp; &lt;!here&gt;');
  });

  it('packs lines into sections of at most 3000 characters', () => {
    const texts = packLines(Array.from({ length: 100 }, (_, i) => `${i} ${'x'.repeat(95)}`));
    expect(texts.length).toBe(4);
    expect(texts.every((t) => t.length <= 3000)).toBe(true);
    expect(texts.join('\n').split('\n')).toHaveLength(100);
  });

  it('chunks groups without separating them', () => {
    const groups = Array.from({ length: 30 }, (_, i) => [`${i}a`, `${i}b`, `${i}c`]);
    const chunks = chunkGroups(groups, 50);
    expect(chunks.map((c) => c.length)).toEqual([48, 42]);
  });

  it('round-trips the ids it puts into payloads', () => {
    const target = { roundId: 'r_1-x', componentId: 'intake', from: 3, to: 9 };
    expect(decodeFormTarget(encodeFormTarget(target))).toEqual(target);
    expect(decodeFormTarget('r|c|5|5')).toBeNull();
    expect(decodeRate(encodeRate({ roundId: 'r', criterionId: 'c', dimension: 'rating', value: 'na' }))).toEqual({
      roundId: 'r',
      criterionId: 'c',
      dimension: 'rating',
      value: 'na',
    });
    expect(decodeRate('r|c|rating')).toBeNull();
  });
});
