import type { TCommonCatalog } from '@unionhall/ui';
import type { TMemberCatalog } from './i18n/zh-CN';

// Typed translation keys: a typo in t('...') is a compile error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'member';
    fallbackNS: 'common';
    resources: { member: TMemberCatalog; common: TCommonCatalog };
  }
}
