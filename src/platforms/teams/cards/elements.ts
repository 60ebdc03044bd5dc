/**
 * Small builders for Adaptive Cards 1.5 as Teams renders them, and the limits every renderer respects:
 * a Teams message (card included) must stay under about 28 KB, so cards are kept under MAX_CARD_BYTES.
 */
import type { Attachment } from 'botbuilder';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: string;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  refresh?: { action: CardElement; userIds?: string[] };
  [key: string]: unknown;
}

/** Teams refuses messages above about 28 KB; this leaves room for the activity around the card. */
export const MAX_CARD_BYTES = 26_000;
/** Teams refreshes a card automatically for at most 60 listed users. */
export const MAX_REFRESH_USERS = 60;
export const CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export function adaptiveCard(body: CardElement[], actions: CardElement[] = [], extra: Partial<AdaptiveCardJson> = {}): AdaptiveCardJson {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  };
}

export function attachmentOf(card: AdaptiveCardJson): Attachment {
  return { contentType: CARD_CONTENT_TYPE, content: card };
}

export function cardBytes(card: AdaptiveCardJson): number {
  return Buffer.byteLength(JSON.stringify(card), 'utf8');
}

export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

export function textBlock(text: string, options: CardElement = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string): CardElement {
  return textBlock(text, { size: 'Large', weight: 'Bolder', style: 'heading' });
}

export function subtle(text: string): CardElement {
  return textBlock(text, { isSubtle: true, size: 'Small', spacing: 'Small' });
}

export function attention(text: string): CardElement {
  return textBlock(text, { color: 'Attention', weight: 'Bolder' });
}

export function good(text: string): CardElement {
  return textBlock(text, { color: 'Good', weight: 'Bolder' });
}

export function container(items: CardElement[], options: CardElement = {}): CardElement {
  return { type: 'Container', items, ...options };
}
export function execute(title: string, verb: string, data: Record<string, unknown>, options: CardElement = {}): CardElement {
  return { type: 'Action.Execute', title, verb, data, ...options };
}

/** A bulleted list as one TextBlock (Teams renders `- ` lines as a list). */
export function bullets(items: readonly string[]): CardElement {
  return textBlock(items.map((item) => `- ${item.replace(/\n+/g, ' ')}`).join('\n'));
}

/**
 * A date and time that Teams formats in each reader's own time zone and language
 * (`{{DATE(…)}} {{TIME(…)}}`: the Adaptive Card text functions).
 */
export function cardDateTime(date: Date): string {
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return `{{DATE(${iso}, SHORT)}} {{TIME(${iso})}}`;
}

/** User text in a TextBlock: Markdown links are broken up (a zero-width space), so a comment cannot dress up a link. */
export function plain(text: string): string {
  return text.replace(/\]\(/g, ']\u200B(');
}
