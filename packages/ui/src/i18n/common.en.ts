import type { TCommonCatalog } from './common.zh-CN';

/** The shared `common` namespace in English. */
export const commonEn = {
  product: {
    name: 'Unionhall',
    shortName: 'Unionhall',
  },
  language: {
    label: 'Language',
    'zh-CN': '简体中文',
    en: 'English',
  },
  unitKind: {
    FEDERATION: 'Federation',
    UNION: 'Union',
    BRANCH: 'Branch',
    GRASSROOTS: 'Grassroots unit',
  },
  actions: {
    cancel: 'Cancel',
    close: 'Close',
    save: 'Save',
    retry: 'Try again',
    reload: 'Reload',
    create: 'Create',
    expandAll: 'Expand all',
    collapseAll: 'Collapse all',
  },
  status: {
    loading: 'Loading…',
    saving: 'Saving…',
    offline: 'Offline',
    online: 'Online',
    required: 'required',
  },
  errors: {
    unknown: 'Something went wrong. Please try again.',
    network: 'Cannot reach the server. Check your connection and try again.',
    loadFailed: 'The data could not be loaded.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The page you are looking for does not exist or has moved.',
    backHome: 'Back to the start page',
  },
  validation: {
    required: 'This field is required',
    tooShort: 'Use at least {{minimum}} characters',
    tooLong: 'Use at most {{maximum}} characters',
    choose: 'Choose one of the options',
    invalid: 'This value is not valid',
  },
} satisfies TCommonCatalog;
