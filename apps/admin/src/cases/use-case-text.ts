import { CASE_OUTCOMES, type TCaseEvent } from '@unionhall/domain';
import { currentLocale } from '@unionhall/ui';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { eventMessage } from './case-helpers';

/** The sentence of a case's history entry, in the console's language. */
export function useEventSentence() {
  const { t, i18n } = useTranslation();
  return useCallback(
    (event: { type: string; params: TCaseEvent['params'] }): string => {
      const message = eventMessage(event, currentLocale(i18n));
      if (!message) return event.type;
      const outcome = CASE_OUTCOMES.find((value) => value === message.values.outcome);
      return t(`cases.event.${message.key}`, {
        ...message.values,
        ...(outcome ? { outcome: t(`cases.outcome.${outcome}`) } : {}),
      });
    },
    [t, i18n],
  );
}
