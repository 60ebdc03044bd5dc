/** A member's stored answers as a card for their personal chat, kept under Teams' message size. Pure. */
import type { Locale } from '../../../domain/framework.js';
import { memberDataText } from '../../../presentation/member-data.js';
import { adaptiveCard, bullets, cardBytes, MAX_CARD_BYTES, plain, subtle, textBlock, type AdaptiveCardJson } from './elements.js';
import { type MemberData } from '../../../domain/member-data.js';

function render(data: MemberData, locale: Locale, maxAnswers: number): AdaptiveCardJson {
  const text = memberDataText(data, locale, maxAnswers);
  return adaptiveCard([
    textBlock(text.title, { weight: 'Bolder' }),
    ...text.sections.flatMap((s) => [textBlock(plain(s.heading), { weight: 'Bolder', spacing: 'Medium' }), bullets(s.lines.map(plain))]),
    ...(text.more ? [subtle(text.more)] : []),
    ...(text.anonymousNote ? [subtle(text.anonymousNote)] : []),
  ]);
}

/** As many answers as fit in one card (the admin's export holds them all). */
export function renderMemberDataCard(data: MemberData, locale: Locale): AdaptiveCardJson {
  let maxAnswers = 200;
  let card = render(data, locale, maxAnswers);
  while (cardBytes(card) > MAX_CARD_BYTES && maxAnswers > 5) {
    maxAnswers = Math.floor(maxAnswers / 2);
    card = render(data, locale, maxAnswers);
  }
  return card;
}
