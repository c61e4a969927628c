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
  account: {
    link: '我的',
    heading: '我的账户',
    signedOut: '您尚未登录。请用发送到邮箱的验证码登录。',
    signIn: '登录',
    name: '姓名',
    email: '邮箱',
    signOut: '退出登录',
  },
  signIn: {
    heading: '登录',
    email: '邮箱',
    sendCode: '发送验证码',
    codeSent: '如果 {{email}} 属于会员，6 位验证码已发出，5 分钟内有效。',
    code: '验证码',
    submit: '登录',
    changeEmail: '换一个邮箱',
    errors: {
      invalid: '验证码不正确或已过期，请重新获取。',
      tooMany: '尝试次数过多，请稍等一分钟再试。',
      disabled: '该账户已停用，请联系您的工会。',
      network: '没有网络连接，登录需要联网。',
      unknown: '登录失败，请重试。',
    },
  },
  offline: {
    badge: '离线',
    message: '您当前处于离线状态，显示的是上次加载的内容。',
    noData: '您当前处于离线状态，本设备还没有保存过组织信息。联网后即可查看。',
  },
};

export type TMemberCatalog = typeof memberZhCN;
