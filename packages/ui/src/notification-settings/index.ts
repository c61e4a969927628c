// A subpath of its own (`@unionhall/ui/notification-settings`), so the settings, their styles
// and their texts load only with the screens that show them, never with an app's first route.
export {
  NotificationSettingsPanel,
  type NotificationSettingsApi,
  type NotificationSettingsPanelProps,
} from './notification-settings';
export {
  notificationSettingsZhCN,
  type TNotificationSettingsCatalog,
} from '../i18n/notification-settings.zh-CN';
export { notificationSettingsEn } from '../i18n/notification-settings.en';
