/** The Background work page's texts (the `system` key of the `admin` namespace), Chinese. */
export const systemZhCN = {
  title: '后台任务',
  intro:
    '通知、提醒和定时工作在后台运行。失败的任务会自动重试；重试用尽的任务列在这里，排除原因后可以重新运行。',
  mode: {
    'pg-boss': '运行方式：PostgreSQL 任务队列（pg-boss）',
    'in-process': '运行方式：内嵌数据库，在本服务进程中运行',
  },
  counts: {
    label: '任务概况',
    waiting: '等待中',
    running: '运行中',
    failed: '失败',
  },
  caption: '失败和重试中的任务',
  column: {
    handler: '任务',
    event: '事件',
    attempts: '尝试次数',
    error: '最后的错误',
    created: '创建时间',
    state: '状态',
  },
  dead: '已停止重试',
  retrying: '正在重试',
  retry: '重新运行',
  retried: '已重新排队。',
  none: '没有失败的任务。',
  refresh: '刷新',
};

export type TSystemCatalog = typeof systemZhCN;
