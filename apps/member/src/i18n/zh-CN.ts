/** The member app's own texts (namespace `member`), Chinese: the reference catalog. */
export const memberZhCN = {
  title: 'Unionhall 工会会员',
  appName: '工会会员',
  skipToContent: '跳到主要内容',
  home: {
    kicker: '我的工会',
    unitsHeading: '组织架构',
    count_one: '共 {{count}} 个组织',
    count_other: '共 {{count}} 个组织',
    search: '搜索组织',
    searchHint: '输入名称或代码中的文字。',
    matches_one: '找到 {{count}} 个组织',
    matches_other: '找到 {{count}} 个组织',
    noMatches: '没有名称包含“{{query}}”的组织。',
    empty: '暂无组织信息。',
    loadError: '组织信息加载失败。',
    savedCopy: '正在显示 {{time}} 保存的内容。',
    subunits_one: '{{count}} 个下级组织',
    subunits_other: '{{count}} 个下级组织',
  },
  offline: {
    badge: '离线',
    message: '您当前处于离线状态，显示的是上次加载的内容。',
    noData: '您当前处于离线状态，本设备还没有保存过组织信息。联网后即可查看。',
  },
};

export type TMemberCatalog = typeof memberZhCN;
