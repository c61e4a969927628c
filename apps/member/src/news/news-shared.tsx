import { currentLocale } from '@unionhall/ui';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { addTexts } from '../i18n';
import { newsEn } from '../i18n/news.en';
import { newsZhCN } from '../i18n/news.zh-CN';
import './news.css';

// The news screens' texts travel with their code, not with the first download.
addTexts('news', { 'zh-CN': newsZhCN, en: newsEn });

/** Dates as the member's language writes them. */
export function useNewsDate() {
  const { i18n } = useTranslation('news');
  return useMemo(
    () => new Intl.DateTimeFormat(currentLocale(i18n), { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n],
  );
}
