import { DEFAULT_LOCALE, LOCALES, type TLocale } from '@unionhall/domain';
import i18next, { type i18n as I18n, type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { commonEn } from './common.en';
import { commonZhCN } from './common.zh-CN';

/** Where the user's explicit language choice is remembered (read first on the next visit). */
export const LANGUAGE_STORAGE_KEY = 'unionhall.lang';

/** An app's own namespaces, per language: `{ 'zh-CN': { admin: {...} }, en: { admin: {...} } }`. */
export type TAppResources = Record<TLocale, Record<string, object>>;

/**
 * Maps a browser language tag to a supported locale, or leaves it unchanged so the detector
 * tries the next preference (a French speaker who also reads English gets English).
 */
export function toSupportedLocale(tag: string): string {
  const lower = tag.toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  if (lower.startsWith('en')) return 'en';
  return tag;
}

export function isSupportedLocale(value: string): value is TLocale {
  return (LOCALES as readonly string[]).includes(value);
}

/** The active locale of an instance, always one Unionhall supports. */
export function currentLocale(i18n: I18n): TLocale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isSupportedLocale(language) ? language : DEFAULT_LOCALE;
}

/**
 * Creates the app's i18next instance with the shared `common` namespace plus the app's own.
 * The language comes from the user's saved choice, then the browser, then zh-CN; `<html lang>`
 * follows it so screen readers and CJK font selection match the text.
 */
export function createI18n(resources: TAppResources, options: { defaultNS: string }): I18n {
  const merged: Resource = {
    'zh-CN': { common: commonZhCN, ...resources['zh-CN'] },
    en: { common: commonEn, ...resources.en },
  };
  const instance = i18next.createInstance();
  instance
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: merged,
      supportedLngs: [...LOCALES],
      fallbackLng: DEFAULT_LOCALE,
      load: 'currentOnly',
      ns: ['common', ...Object.keys(resources['zh-CN'])],
      defaultNS: options.defaultNS,
      fallbackNS: 'common',
      // Resources are bundled, so initialise synchronously: the first render has its text.
      initAsync: false,
      interpolation: { escapeValue: false },
      detection: {
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        // Only an explicit choice is stored (see setLanguage), never the detected default.
        caches: [],
        convertDetectedLanguage: toSupportedLocale,
      },
    })
    .catch(() => {
      // With bundled resources init cannot fail to load; nothing to recover here.
    });
  syncDocumentLanguage(instance);
  instance.on('languageChanged', () => syncDocumentLanguage(instance));
  return instance;
}

function syncDocumentLanguage(instance: I18n): void {
  if (typeof document !== 'undefined') document.documentElement.lang = currentLocale(instance);
}

/** Switches the language and remembers the choice for the next visit. */
export async function setLanguage(instance: I18n, locale: TLocale): Promise<void> {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, locale);
  } catch {
    // Private mode or a full quota: the switch still works for this visit.
  }
  await instance.changeLanguage(locale);
}
