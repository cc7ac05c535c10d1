/**
 * Who the Daxing guide is for (§七 4): 「本办理指南适用于国内外埠人才申请办理工作居住证及相关业务。国内驻京机构人员、
 * 港澳台人才和海外高层次人才申请办理工作居住证的，按原有条件和程序办理。」
 *
 * So for 国内驻京机构人员, 港澳台人才 and 海外高层次人才 the assistant says at once that the guide's conditions,
 * checklists and steps are not theirs (the old conditions and procedure apply, which the guide does not state),
 * instead of presenting the Daxing checklist as if it were.
 *
 * How we recognise them:
 * - 港澳台人才: a 港澳台居民居住证 (its number starts 810000 Hong Kong, 820000 Macao, 830000 Taiwan — the GB/T 2260
 *   codes 81/82/83), or the group chosen by the agent. A mainland resident ID never starts 81–83. (71 Taiwan is in
 *   GB/T 2260 but on no document issued to a person; we read it as 港澳台 too, to be safe.)
 * - 国内驻京机构人员 and 海外高层次人才: no number tells them apart; the agent says so (`group`).
 * Without any of these facts the answer is "in scope, unless the agent says otherwise" — the guide's default
 * (国内外埠人才) — reported as `inScope: true` with `basis: 'default'`, so the UI may still ask.
 */
import { z } from 'zod';
import { bi, defineRule, finding, type Finding } from './rule';
import { parseInput } from './validate';

export const RULE_GUIDE_SCOPE = defineRule({
  id: 'guide-scope-domestic-talent',
  section: '§七 4',
  file: 'rules/scope.ts',
  severity: 'error',
  description: {
    zh: '本指南适用于国内外埠人才；国内驻京机构人员、港澳台人才（港澳台居民居住证号码以 81/82/83 开头）和海外高层次人才按原有条件和程序办理，本指南的条件与清单不适用',
    en: 'The guide is for domestic non-Beijing talent; staff of domestic agencies in Beijing, Hong Kong/Macao/Taiwan talent (residence permits numbered 81/82/83…) and overseas high-level talent follow the old conditions and procedure — the guide\'s conditions and checklists are not theirs',
  },
});

/** The applicant groups of §七 4. */
export const ApplicantGroup = z.enum(['domestic', 'domestic-agency-in-beijing', 'hong-kong-macao-taiwan', 'overseas-high-level']);
export type ApplicantGroup = z.infer<typeof ApplicantGroup>;

/** The ID document the applicant holds. */
export const IdDocumentKind = z.enum(['resident-id-card', 'hmt-residence-permit', 'other']);
export type IdDocumentKind = z.infer<typeof IdDocumentKind>;

/** Input of {@link guideScope}. */
export const GuideScopeInput = z.object({
  /** The ID number as entered (spaces and case ignored). */
  idNumber: z.string().max(40).optional(),
  idDocument: IdDocumentKind.optional(),
  group: ApplicantGroup.optional(),
});
export type GuideScopeInput = z.input<typeof GuideScopeInput>;

/** Whether the Daxing guide applies to an applicant. */
export interface GuideScope {
  readonly inScope: boolean;
  /** The group we read, and from what. */
  readonly group: ApplicantGroup;
  readonly basis: 'group' | 'id-document' | 'id-number' | 'default';
  readonly finding: Finding;
}

const GROUP_LABEL: Readonly<Record<ApplicantGroup, { zh: string; en: string }>> = {
  domestic: { zh: '国内外埠人才', en: 'domestic non-Beijing talent' },
  'domestic-agency-in-beijing': { zh: '国内驻京机构人员', en: 'staff of a domestic agency in Beijing' },
  'hong-kong-macao-taiwan': { zh: '港澳台人才', en: 'Hong Kong, Macao or Taiwan talent' },
  'overseas-high-level': { zh: '海外高层次人才', en: 'overseas high-level talent' },
};

/** True when an ID number is a 港澳台居民居住证 / HMT number (GB/T 2260 province code 71, 81, 82 or 83). */
export function isHmtIdNumber(idNumber: string): boolean {
  return /^(71|81|82|83)/.test(idNumber.replace(/\s+/g, ''));
}

/** §七 4: is this applicant one the Daxing guide is for? Out of scope → the old conditions and procedure. */
export function guideScope(input: GuideScopeInput): GuideScope {
  const v = parseInput(GuideScopeInput, input);
  let group: ApplicantGroup = 'domestic';
  let basis: GuideScope['basis'] = 'default';
  if (v.group) {
    group = v.group;
    basis = 'group';
  } else if (v.idDocument === 'hmt-residence-permit') {
    group = 'hong-kong-macao-taiwan';
    basis = 'id-document';
  } else if (v.idNumber && isHmtIdNumber(v.idNumber)) {
    group = 'hong-kong-macao-taiwan';
    basis = 'id-number';
  }
  const inScope = group === 'domestic';
  const label = GROUP_LABEL[group];
  const why =
    basis === 'id-number'
      ? bi('（证件号码以 81/82/83 开头，为港澳台居民居住证）', ' (the ID number starts 81/82/83: a Hong Kong/Macao/Taiwan residence permit)')
      : basis === 'id-document'
        ? bi('（持港澳台居民居住证）', ' (holds a Hong Kong/Macao/Taiwan residence permit)')
        : bi('', '');
  const message = inScope
    ? bi(
        basis === 'default' ? '按国内外埠人才适用本指南（如为国内驻京机构人员、港澳台人才或海外高层次人才，请选择）' : '国内外埠人才：适用本指南',
        basis === 'default' ? 'The guide applies as for domestic non-Beijing talent (choose the group if the applicant is agency staff, HMT or overseas high-level talent)' : 'Domestic non-Beijing talent: the guide applies',
      )
    : bi(
        `${label.zh}${why.zh}：按原有条件和程序办理，本指南的申请条件、材料清单和办理步骤不适用，请向属地部门确认`,
        `${label.en}${why.en}: the old conditions and procedure apply — this guide's conditions, checklists and steps are not theirs; ask the locality office`,
      );
  return { inScope, group, basis, finding: finding(RULE_GUIDE_SCOPE, inScope, message, { group, basis, idDocument: v.idDocument }) };
}
