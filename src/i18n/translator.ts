import { createInstance, type i18n } from 'i18next';
import type { Locale } from '../domain/framework.js';
import { catalogue, type MessageKey } from './catalogue.js';

export type Translate = (key: MessageKey, vars?: Record<string, unknown>) => string;

let instance: i18n | undefined;

function shared(): i18n {
  if (!instance) {
    instance = createInstance();
    void instance.init({
      initAsync: false,
      resources: { en: { translation: catalogue.en }, nl: { translation: catalogue.nl } },
      lng: 'en',
      fallbackLng: 'en',
      supportedLngs: ['en', 'nl'],
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  return instance;
}

/** Whether a key built at run time (a job's note, a weekday from a cron field) is in the catalogue. */
export function isMessageKey(key: string): key is MessageKey {
  return shared().exists(key, { lng: 'en' }) || shared().exists(`${key}_other`, { lng: 'en' });
}

/** A translation function bound to one locale; plurals follow i18next's `_one`/`_other` keys with `count`. */
export function translator(locale: Locale): Translate {
  const fixed = shared().getFixedT(locale);
  return (key, vars) => {
    const text: unknown = fixed(key, vars ?? {});
    // Every catalogue entry is a string; i18next's type also allows object trees (returnObjects).
    return typeof text === 'string' ? text : key;
  };
}

/** Maps a platform locale such as `nl-BE` or `en_US` to a supported locale. */
export function pickLocale(platformLocale: string | undefined | null, fallback: Locale): Locale {
  const lang = platformLocale?.toLowerCase().slice(0, 2);
  return lang === 'nl' || lang === 'en' ? lang : fallback;
}
