/** The member list's tag filter and saved segments (`memberSegments` of `admin`), Chinese. */
export const memberSegmentsZhCN = {
  tag: '标签',
  allTags: '全部标签',
  tagOption: '{{tag}}（{{count}}）',
  label: '会员分组',
  picker: '已保存的分组',
  choose: '选择分组',
  none: '尚无已保存的分组',
  apply: '显示该分组',
  delete: '删除分组',
  save: '将此搜索保存为分组',
  saveTitle: '保存为分组',
  saveIntro: '分组保存当前的筛选条件，可随时重新查看，之后也可作为通知的发送对象。',
  name: '分组名称',
  nameRequired: '请填写分组名称。',
  unit: '所属组织',
  unitHint: '能查看该组织会员的干部都能看到此分组。',
  saved: '已保存分组“{{name}}”。',
  saveSubmit: '保存分组',
  deleteTitle: '删除分组',
  deleteBody: '确定删除分组“{{name}}”吗？会员记录不受影响。',
  deleted: '已删除分组“{{name}}”。',
  deleteConflict: '该分组已被他人修改，请刷新后重试。',
  applied: '正在显示分组“{{name}}”。',
};

export type TMemberSegmentsCatalog = typeof memberSegmentsZhCN;
