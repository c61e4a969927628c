/** The member page's employment history texts (`employment` of `admin`), Chinese. */
export const employmentZhCN = {
  heading: '工作经历',
  caption: '工作经历，最近的在前',
  empty: '暂无工作经历记录。',
  loadError: '无法加载工作经历',
  current: '在职',
  period: '{{from}} 至 {{to}}',
  since: '{{from}} 起',
  unknownStart: '入职日期不详',
  present: '至今',
  jobTitle: '岗位：{{jobTitle}}',
  workplace: '工作场所：{{workplace}}',
  endReason: '离职原因：{{reason}}',
  source: {
    APPLICATION: '入会申请',
    CHANGE_REQUEST: '信息变更申请',
    IMPORT: '批量导入',
    HR_FEED: '用人单位人事系统',
    OFFICER: '工作人员录入',
    MERGE: '合并记录',
  },
  sourceLabel: '来源：{{source}}',
  followUp: '待跟进',
  followUpText: '用人单位报告该会员已离职。请与会员联系后决定：转入新单位工会，或标记会籍失效。',
};

export type TEmploymentCatalog = typeof employmentZhCN;
