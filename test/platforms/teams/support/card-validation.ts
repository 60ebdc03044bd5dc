/**
 * Checks a card with the `adaptivecards` package's own parser and validator (schema 1.5), in plain Node: the
 * parser needs no DOM (only rendering does). The package's ESM build imports without file extensions, which
 * Node refuses, so its bundled UMD build is loaded instead; the types are the package's own.
 */
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

/** Parse and validation messages (errors and warnings alike); empty for a clean card. */
export function cardIssues(json: unknown): string[] {
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  const issues: string[] = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    issues.push(`parse: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) issues.push(`validate: ${event.message}`);
  if (card.getJsonTypeName() !== 'AdaptiveCard') issues.push('not an AdaptiveCard');
  return issues;
}
