import { createI18n } from '@unionhall/ui';
import { memberEn } from './en';
import { memberZhCN } from './zh-CN';

/** The member app's i18next instance: the shared `common` namespace plus `member`. */
export const i18n = createI18n(
  { 'zh-CN': { member: memberZhCN }, en: { member: memberEn } },
  { defaultNS: 'member' },
);
