/**
 * The one table from the portal's 附件管理 row names to the checklist items of rules/checklist.ts,
 * used by the content script (row marks, the page's checklist) and by the side panel (which rows
 * tick which items). Pure data with no imports, so the content script may bundle it without
 * pulling in zod or date-fns (tests/unit/portal/features.test.ts allows exactly this module).
 */
/**
 * 附件管理 rows (portal wording) → checklist item ids of rules/checklist.ts. The first matching entry
 * wins, so the specific names (子女…, 单位诚信声明) come before the general ones. SPA and classic rows
 * are worded differently (户口本首页及本人页 / 申请人户口本首页及本人页; 营业执照 / 营业执照（副本）).
 */
export const ATTACHMENT_SLOTS: readonly { readonly pattern: RegExp; readonly items: readonly string[] }[] = [
  { pattern: /出生医学证明/, items: ['child-birth-certificate'] },
  { pattern: /子女身份证/, items: ['child-id-card'] },
  { pattern: /子女户口/, items: ['child-hukou-pages'] },
  { pattern: /离婚/, items: ['divorce-custody-proof'] },
  { pattern: /户口本|户口簿/, items: ['hukou-pages'] },
  { pattern: /单位诚信声明/, items: ['employer-integrity-statement'] },
  { pattern: /诚信声明/, items: ['applicant-integrity-statement'] },
  { pattern: /借住声明/, items: ['housing-relative-statement'] },
  {
    pattern: /住所证明|租赁合同|房屋所有权|不动产|居住证/,
    items: [
      'housing-proof', 'housing-own-deed', 'housing-own-online-contract', 'marriage-certificate', 'housing-landlord-deed',
      'housing-landlord-id-card', 'housing-lease-contract', 'housing-rural-owner-hukou', 'housing-employer-property-proof',
      'housing-employer-lease', 'housing-employer-residence-proof', 'housing-relative-deed', 'housing-relative-id-cards', 'beijing-residence-permit',
    ],
  },
  { pattern: /应税收入|纳税记录|纳税证明|个税/, items: ['income-records-recent', 'income-records-3-years', 'income-records-permit-period', 'tax-records-3-years'] },
  { pattern: /学历认证/, items: ['diploma-verification-report'] },
  { pattern: /学位认证/, items: ['degree-verification-report'] },
  { pattern: /学历证书/, items: ['diploma-certificate'] },
  { pattern: /学位证书/, items: ['degree-certificate'] },
  { pattern: /考试合格/, items: ['title-exam-record'] },
  { pattern: /职称评审/, items: ['title-review-form'] },
  { pattern: /任职通知/, items: ['title-appointment-notice'] },
  { pattern: /职称/, items: ['title-certificate'] },
  { pattern: /获奖证书/, items: ['award-certificate'] },
  { pattern: /获奖/, items: ['award-evidence'] },
  { pattern: /情况报告/, items: ['written-report'] },
  { pattern: /落地转化说明/, items: ['ip-commercialisation-statement'] },
  { pattern: /转化.*佐证/, items: ['ip-commercialisation-evidence'] },
  { pattern: /专利|著作权/, items: ['patent-certificates'] },
  { pattern: /离职证明/, items: ['leaving-certificate'] },
  { pattern: /营业执照|法人证书|登记证书/, items: ['employer-licence'] },
  { pattern: /资质/, items: ['employer-qualification-certificate', 'employer-qualification-proof'] },
  { pattern: /产值贡献|涉税信息|完税证明/, items: ['employer-output-contribution', 'employer-output-contribution-current-year'] },
  { pattern: /经办人身份证/, items: ['employer-agent-id-card'] },
  { pattern: /劳动合同|聘用合同/, items: ['labour-contract'] },
  // §六(一) 1 (1): ⑥ and ⑦ are merged and uploaded as 其他材料; §六(四) 1: the leaving certificate may go there too.
  { pattern: /其他材料|验资报告/, items: ['employer-other-materials', 'employer-capital-verification', 'leaving-certificate', 'changed-info-originals'] },
];

/** The checklist item ids a 附件管理 row name stands for ([] when the row is not one we know). */
export function slotItems(rowName: string): readonly string[] {
  return ATTACHMENT_SLOTS.find((s) => s.pattern.test(rowName))?.items ?? [];
}
