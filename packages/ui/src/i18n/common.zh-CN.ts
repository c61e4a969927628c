/**
 * The shared `common` namespace in Chinese, the reference catalog: every other language must
 * have exactly these keys (checked with `satisfies` in the other catalogs).
 */
export const commonZhCN = {
  product: {
    name: 'Unionhall 工会服务平台',
    shortName: 'Unionhall',
  },
  language: {
    label: '语言',
    'zh-CN': '简体中文',
    en: 'English',
  },
  unitKind: {
    FEDERATION: '总工会',
    UNION: '工会',
    BRANCH: '分会',
    GRASSROOTS: '基层工会',
  },
  actions: {
    cancel: '取消',
    close: '关闭',
    save: '保存',
    retry: '重试',
    reload: '刷新',
    create: '创建',
    expandAll: '全部展开',
    collapseAll: '全部收起',
  },
  status: {
    loading: '正在加载…',
    saving: '正在保存…',
    offline: '离线',
    online: '在线',
    required: '必填',
  },
  errors: {
    unknown: '出错了，请稍后再试。',
    network: '无法连接服务器，请检查网络后重试。',
    loadFailed: '数据加载失败。',
    notFoundTitle: '页面不存在',
    notFoundBody: '您要找的页面不存在或已被移动。',
    backHome: '返回首页',
  },
  validation: {
    required: '此项为必填项',
    tooShort: '至少需要 {{minimum}} 个字符',
    tooLong: '最多 {{maximum}} 个字符',
    choose: '请选择一项',
    invalid: '格式不正确',
  },
};

export type TCommonCatalog = typeof commonZhCN;
