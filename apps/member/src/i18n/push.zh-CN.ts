/** Notifications on this device (namespace `push`), Chinese. Loaded with the section. */
export const pushZhCN = {
  heading: '通知',
  intro: '在这部手机上接收工会的通知，例如申请结果、活动提醒和会费提醒。',
  checking: '正在检查这部手机的通知设置…',
  on: '这部手机已开启通知。',
  off: '这部手机尚未开启通知。',
  turnOn: '在这部手机上开启通知',
  turnOff: '关闭这部手机上的通知',
  turnedOn: '已开启。工会的通知会显示在这部手机上。',
  turnedOff: '已关闭这部手机上的通知。',
  unsupported:
    '此浏览器无法接收通知。在 iPhone 或 iPad 上，请先用“添加到主屏幕”安装本应用，再从主屏幕打开。',
  denied: '此网站的通知已在浏览器中被阻止。如需开启，请在浏览器的网站设置中允许通知。',
  errors: {
    dismissed: '未获得通知权限，通知仍为关闭。',
    noWorker: '应用尚未准备好接收通知，请刷新页面后重试。',
    offline: '开启或关闭通知需要联网。',
    failed: '操作未完成，请稍后重试。',
  },
};

export type TPushCatalog = typeof pushZhCN;
