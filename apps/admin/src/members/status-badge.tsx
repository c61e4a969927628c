import type { TMemberStatus } from '@unionhall/domain';
import { useTranslation } from 'react-i18next';
import { statusTone } from './members-helpers';

/** A member's status in words, tinted to support (never replace) the word. */
export function StatusBadge({ status }: { status: TMemberStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`uh-badge uh-badge--${statusTone(status)}`}>
      {t(`members.status.${status}`)}
    </span>
  );
}
