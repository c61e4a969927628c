/**
 * Notification settings, shared by the PWA and the console (namespace `notificationSettings`),
 * Chinese: the reference catalog. Each app registers it where the settings load.
 */
export const notificationSettingsZhCN = {
  offlineMutation: '您当前处于离线状态。保存设置需要联网，请连接网络后再试。',
  category: {
    account: '账户与会籍',
    union_news: '工会通知',
    my_requests: '我的诉求',
    events: '活动',
    dues: '会费',
    votes: '投票与选举',
  },
  channel: {
    in_app: '应用内',
    push: '推送',
    email: '邮件',
    sms: '短信',
  },
  channelsHeading: '通知方式',
  channelsIntro: '选择每类通知通过哪些方式送达。应用内通知始终保留，账户与会籍相关的邮件不能关闭。',
  toggle: '{{category}}：{{channel}}',
  locked: '不可关闭',
  saved: '已保存。',
  languageHeading: '语言、免打扰与摘要',
  language: '邮件、短信和推送使用的语言',
  languages: { 'zh-CN': '简体中文', en: 'English' },
  quietEnabled: '开启免打扰时段',
  quietHint: '免打扰期间推送和短信会延后到时段结束再发送，邮件照常发送。时间为北京时间。',
  quietStart: '开始时间',
  quietEnd: '结束时间',
  digest: '未读通知邮件摘要',
  digestHint: '北京时间 08:00 发送，仅在有未读通知时发送。',
  digestOptions: { OFF: '不发送', DAILY: '每天', WEEKLY: '每周一' },
  save: '保存',
  conflict: '您的设置已在其他设备上更改。已载入最新设置，请重新修改。',
};

export type TNotificationSettingsCatalog = typeof notificationSettingsZhCN;
