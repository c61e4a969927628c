import { LOCALES } from '@unionhall/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale, isSupportedLocale, setLanguage } from '../i18n/create-i18n';

/**
 * A compact language picker for headers. Each language is named in itself, so a user who
 * cannot read the current language still finds their own.
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const { t, i18n } = useTranslation('common');
  const id = useId();
  return (
    <div className={`uh-language${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="uh-language__label">
        {t('language.label')}
      </label>
      <select
        id={id}
        className="uh-select uh-select--compact"
        value={currentLocale(i18n)}
        onChange={(event) => {
          const next = event.target.value;
          if (isSupportedLocale(next)) void setLanguage(i18n, next);
        }}
      >
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
