import type { ConsensusClass } from '../domain/item.js';
import { isMessageKey, type Translate } from '../i18n/translator.js';

/** A perspective's name in the reader's language; an id the catalogue does not know is shown as it is. */
export function perspectiveName(t: Translate, perspective: string): string {
  const key = `method.perspective.${perspective}`;
  return isMessageKey(key) ? t(key) : perspective;
}

/** A consensus class in words; no class (too few answers) reads as "insufficient". */
export function classText(t: Translate, consensusClass: ConsensusClass | null): string {
  return t(`class.${consensusClass ?? 'insufficient'}`);
}
