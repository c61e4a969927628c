export { Alert, type AlertProps } from './components/alert';
export { Button, type ButtonProps } from './components/button';
export { Dialog, type DialogProps } from './components/dialog';
export { LanguageSwitcher } from './components/language-switcher';
export {
  NotificationBellLink,
  type BellLinkProps,
  type NotificationBellLinkProps,
} from './components/notification-bell-link';
export { Select, type SelectOption, type SelectProps } from './components/select';
export { TextArea, type TextAreaProps } from './components/text-area';
export { TextField, type TextFieldProps } from './components/text-field';
export {
  readApiError,
  issuesToFieldErrors,
  type ApiErrorInfo,
  type ClientIssue,
} from './api-error';
export { useIssueMessages } from './use-issue-messages';
export { useMediaQuery } from './use-media-query';
export { useOnlineStatus } from './use-online-status';
export {
  createI18n,
  currentLocale,
  isSupportedLocale,
  setLanguage,
  toSupportedLocale,
  LANGUAGE_STORAGE_KEY,
  type TAppResources,
} from './i18n/create-i18n';
export { commonZhCN, type TCommonCatalog } from './i18n/common.zh-CN';
export { commonEn } from './i18n/common.en';
export { AuthRequestError, postAuth, type AuthFailure } from './auth-request';
