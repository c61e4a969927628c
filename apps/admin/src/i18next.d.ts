import type { TCommonCatalog } from '@unionhall/ui';
import type { TNotificationSettingsCatalog } from '@unionhall/ui/notification-settings';
import type { TAdminCatalog } from './i18n/zh-CN';

// Typed translation keys: a typo in t('...') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'admin';
    fallbackNS: 'common';
    resources: {
      admin: TAdminCatalog;
      common: TCommonCatalog;
      notificationSettings: TNotificationSettingsCatalog;
    };
  }
}
