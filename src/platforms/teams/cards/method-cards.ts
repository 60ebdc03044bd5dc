import { adaptiveCard, cardBytes, MAX_CARD_BYTES, plain, textBlock, type AdaptiveCardJson, type CardElement } from './elements.js';

/**
 * Lines of text as a card: the first in bold, an empty line starts a new paragraph, leading spaces keep their
 * indent (as no-break spaces, which Teams does not collapse). Lines that would make the card too big for Teams
 * are left off, and an ellipsis says so.
 */
export function renderLinesCard(lines: readonly string[]): AdaptiveCardJson {
  const body: CardElement[] = [];
  let paragraph = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') {
      paragraph = true;
      return;
    }
    const indented = line.replace(/^ +/, (spaces) => '\u00a0'.repeat(spaces.length * 2));
    body.push(textBlock(plain(indented), i === 0 ? { weight: 'Bolder' } : { spacing: paragraph ? 'Medium' : 'None' }));
    paragraph = false;
  });
  const card = adaptiveCard(body);
  while (cardBytes(card) > MAX_CARD_BYTES && body.length > 2) {
    body.splice(-2, 2, textBlock('…'));
  }
  return card;
}

/** A chart on our server (a signed, expiring link), with its alt text. */
export function renderImageCard(url: string, alt: string): AdaptiveCardJson {
  return adaptiveCard([{ type: 'Image', url, altText: alt, size: 'Stretch' }]);
}
