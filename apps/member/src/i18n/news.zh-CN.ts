/** Union news, the members' announcements (namespace `news`), Chinese: the reference catalog. */
export const newsZhCN = {
  heading: '通知公告',
  intro: '您所在工会及上级工会发布的通知。',
  empty: '暂时没有通知。',
  signedOut: '登录后查看工会发给您的通知。',
  signIn: '登录',
  notMember: '通知公告仅向正常状态的会员开放。',
  loadError: '通知加载失败。',
  more: '加载更多',
  pinned: '置顶',
  unread: '未读',
  from: '{{unit}}',
  published: '{{time}} 发布',
  offline: '您当前离线，显示的是上次加载的内容。',
  offlineNoData: '您当前离线，这条通知还没有保存到本设备。联网打开一次后即可离线阅读。',
  offlineListNoData: '您当前离线，通知还没有保存到本设备。联网打开一次后即可离线阅读。',
  gone: '这条通知已撤回或不再向您开放。',
  back: '返回通知公告',
  attachments: '附件',
  download: '下载“{{name}}”',
};

export type TNewsCatalog = typeof newsZhCN;
