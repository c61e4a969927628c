import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <section className="card">
      <h1>{t('common:errors.notFoundTitle')}</h1>
      <p>{t('common:errors.notFoundBody')}</p>
      <p>
        <Link to="/">{t('common:errors.backHome')}</Link>
      </p>
    </section>
  );
}
