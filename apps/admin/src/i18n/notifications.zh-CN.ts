/** The console's notifications (the `notifications` key of the `admin` namespace), Chinese. */
export const notificationsZhCN = {
  title: '通知',
  intro: '系统发给您的通知，例如待办的审核与即将到期的事项。',
  bell: '通知',
  bellUnread_one: '通知，{{count}} 条未读',
  bellUnread_other: '通知，{{count}} 条未读',
  empty: '暂无通知。',
  loadError: '通知加载失败。',
  unread: '未读',
  markAllRead: '全部标为已读',
  markRead: '标为已读',
  loadMore: '加载更多',
  settingsLink: '通知设置',
  settingsTitle: '通知设置',
  settingsIntro: '选择通知通过哪些方式送达您，以及何时不打扰您。',
  back: '返回通知',
  settingsLoadError: '通知设置加载失败。',
  category: {
    account: '账户',
    union_news: '工会通知',
    my_requests: '诉求',
    events: '活动',
    dues: '会费',
    votes: '投票与选举',
  },
};

export type TNotificationsCatalog = typeof notificationsZhCN;
