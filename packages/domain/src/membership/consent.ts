import type { TLocale } from '../locale';

/**
 * The data-processing consent an applicant accepts. A new text gets a new version; the
 * member record keeps the version accepted and when, so the union can show what each person
 * agreed to (PIPL, Art. 14: consent is specific and informed).
 */
export const CURRENT_CONSENT_VERSION = '2026-11';

export const CONSENT_TEXTS: Record<string, Record<TLocale, string>> = {
  '2026-11': {
    'zh-CN':
      '我同意工会为办理入会、会籍管理、维权服务和会员福利之目的，收集和使用我提交的个人信息（包括身份证件号码、联系方式和工作单位）。身份证件号码加密保存，仅经授权的工会干部为核实身份时可查看，每次查看均有记录。工会不会在未经我同意的情况下向用人单位或第三方提供我的信息。我可以随时下载本人数据，或申请更正。',
    en: 'I agree that the union collects and uses the personal data I submit (including my identity document number, contact details and employer) to process my membership, keep my membership record, protect my rights at work and provide member benefits. My document number is stored encrypted; only authorized union officers may see it to confirm my identity, and every such view is recorded. The union will not share my data with my employer or any third party without my consent. I can download my data or ask for it to be corrected at any time.',
  },
};
