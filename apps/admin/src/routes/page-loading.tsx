import { useTranslation } from 'react-i18next';

/** What the console shows while a page's code is loading. */
export function PageLoading() {
  const { t } = useTranslation();
  return (
    <p role="status" className="page__status layout__loading">
      {t('common:status.loading')}
    </p>
  );
}
