/** The notification centre and notification settings (namespace `notifications`), Chinese: the reference catalog. */
export const notificationsZhCN = {
  heading: '通知',
  settingsLink: '通知设置',
  signedOut: '登录后可以查看您的通知。',
  signIn: '登录',
  empty: '暂无通知。',
  loadError: '通知加载失败。',
  unread: '未读',
  markAllRead: '全部标为已读',
  loadMore: '加载更多',
  savedCopy: '离线：显示的是上次加载的通知。',
  settings: {
    heading: '通知设置',
    back: '返回通知',
  },
};

export type TNotificationsCatalog = typeof notificationsZhCN;
