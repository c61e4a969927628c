import { createI18n } from '@unionhall/ui';
import {
  notificationSettingsEn,
  notificationSettingsZhCN,
} from '@unionhall/ui/notification-settings';
import { adminEn } from './en';
import { adminZhCN } from './zh-CN';

/** The console's i18next instance: the shared `common` namespace plus `admin`. */
export const i18n = createI18n(
  {
    'zh-CN': { admin: adminZhCN, notificationSettings: notificationSettingsZhCN },
    en: { admin: adminEn, notificationSettings: notificationSettingsEn },
  },
  { defaultNS: 'admin' },
);
