import { createI18n } from '@unionhall/ui';
import { adminEn } from './en';
import { adminZhCN } from './zh-CN';

/** The console's i18next instance: the shared `common` namespace plus `admin`. */
export const i18n = createI18n(
  { 'zh-CN': { admin: adminZhCN }, en: { admin: adminEn } },
  { defaultNS: 'admin' },
);
