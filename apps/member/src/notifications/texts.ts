import {
  notificationSettingsEn,
  notificationSettingsZhCN,
} from '@unionhall/ui/notification-settings';
import { addTexts } from '../i18n';
import { notificationsEn } from '../i18n/notifications.en';
import { notificationsZhCN } from '../i18n/notifications.zh-CN';

import './notifications.css';

// The centre and the settings load on demand; their texts and styles travel with them.
addTexts('notifications', { 'zh-CN': notificationsZhCN, en: notificationsEn });
addTexts('notificationSettings', { 'zh-CN': notificationSettingsZhCN, en: notificationSettingsEn });

/** Pages of the centre: the first page is what the bell's list shows offline. */
export const PAGE_SIZE = 20;
