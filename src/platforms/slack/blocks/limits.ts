/**
 * Slack's Block Kit limits (https://docs.slack.dev/reference/block-kit) and safe truncation.
 * Pure functions: every renderer cuts its texts here, so no message is ever refused for a length.
 */
import type { types } from '@slack/bolt';

export const limits = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  inputLabel: 2000,
  inputHint: 2000,
  placeholder: 150,
  viewTitle: 24,
  viewSubmit: 24,
  privateMetadata: 3000,
  plainTextInput: 3000,
  /** Top-level `text` of a message: Slack truncates beyond 40,000; keep the notification fallback short. */
  messageText: 3000,
  /** `text` of a message without blocks (help, lists): it is the message itself, so Slack's own limit applies. */
  plainMessageText: 40_000,
} as const;

const ELLIPSIS = '…';

/** Cuts `text` to at most `max` UTF-16 code units without splitting a surrogate pair, ending in "…" when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - ELLIPSIS.length);
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut -= 1; // do not keep half of a surrogate pair
  return text.slice(0, cut) + ELLIPSIS;
}

/** Escapes the three characters mrkdwn gives a meaning (`&`, `<`, `>`), so user text cannot mention or link. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Truncates mrkdwn that may hold escapes, never leaving half an entity such as `&am`. */
export function truncateMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = truncate(text, max);
  const body = cut.slice(0, -ELLIPSIS.length).replace(/&[a-z]{0,4}$/, '');
  return body + ELLIPSIS;
}

export function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncate(text, max), emoji: true };
}

export function mrkdwn(text: string, max: number = limits.sectionText): types.MrkdwnElement {
  return { type: 'mrkdwn', text: truncateMrkdwn(text, max) };
}

export function section(text: string, blockId?: string): types.SectionBlock {
  return { type: 'section', text: mrkdwn(text), ...(blockId ? { block_id: truncate(blockId, limits.blockId) } : {}) };
}

export function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [mrkdwn(text)] };
}

export function header(text: string): types.HeaderBlock {
  return { type: 'header', text: plain(text, limits.headerText) };
}

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): types.Button {
  return {
    type: 'button',
    text: plain(text, limits.buttonText),
    action_id: actionId.slice(0, limits.actionId),
    value: value.slice(0, limits.buttonValue),
    ...(style ? { style } : {}),
  };
}

export function option(text: string, value: string): types.PlainTextOption {
  return { text: plain(text, limits.optionText), value: value.slice(0, limits.optionValue) };
}

/**
 * Packs lines into texts of at most `max` characters (a line longer than `max` is truncated),
 * so a long list becomes several sections instead of one refused section.
 */
export function packLines(lines: readonly string[], max: number = limits.sectionText): string[] {
  const texts: string[] = [];
  let current = '';
  for (const raw of lines) {
    const line = truncateMrkdwn(raw, max);
    if (current === '') current = line;
    else if (current.length + 1 + line.length <= max) current += `\n${line}`;
    else {
      texts.push(current);
      current = line;
    }
  }
  if (current !== '') texts.push(current);
  return texts;
}

/**
 * Splits blocks into messages of at most `max` blocks, never separating the blocks of one group
 * (e.g. a criterion's text from its buttons). A group larger than `max` is split as a last resort.
 */
export function chunkGroups<T>(groups: readonly T[][], max: number = limits.blocksPerMessage): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const group of groups) {
    if (current.length > 0 && current.length + group.length > max) {
      chunks.push(current);
      current = [];
    }
    for (const block of group) {
      if (current.length === max) {
        chunks.push(current);
        current = [];
      }
      current.push(block);
    }
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
