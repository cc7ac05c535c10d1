/**
 * How the portal's forms must be filled (§六(一) 2 notes, repeated in §六(二) and §六(五)), as checks where
 * facts allow and as guidance texts where they do not (a photo cannot be judged from here).
 *
 * Choices where the guide is silent:
 * - Dates may be `yyyy-MM` (read as the first of the month) or `yyyy-MM-dd`.
 * - Education gap: flagged when the next level starts more than 6 months after the previous one ended
 *   (next.start > previous.end + 6 months); a summer break of ~2–4 months between school levels is normal.
 *   A gap is a warning: it may be legitimate (work between degrees) but reviewers ask about it.
 * - Education overlap (next.start < previous.end) is a warning (double degrees exist); work overlap is an
 *   error, since the reviewers compare jobs with social-insurance records.
 */
import { z } from 'zod';
import { CaseStatus, EducationLevel, type Bilingual, type PortalModule } from './model';
import { addMonths, DateOrMonth } from './dates';
import { EDUCATION_LEVEL_LABELS, EDUCATION_RANK, EducationLevelInput } from './education-levels';
import { normalizeWidth } from './identity';
import { ADVICE, bi, defineRule, finding, type Finding, type RuleMeta } from './rule';
import { BUSINESS_LABELS, PERMISSION_REQUEST } from './texts';
import { NonEmptyText, parseInput } from './validate';

const FILE = 'rules/field-rules.ts';
// The guide says where education starts and ends (§六(一) 2 ②) and which jobs to list (§六(一) 2 ③); it says
// nothing about order, gaps, overlaps or impossible dates — those checks are the assistant's (助手建议, issue #14
// 4.9): warnings, except an entry ending before it starts, which is impossible data (still no § citation).
const rule = (id: string, section: string, severity: 'error' | 'warning' | 'info', zh: string, en: string) =>
  defineRule({ id, section, file: FILE, severity, description: { zh, en } });

export const RULE_EDU_DATES = rule('education-dates-valid', ADVICE, 'error', '每段教育经历结束不早于开始', 'Each education entry ends on or after it starts');
export const RULE_EDU_START = rule('education-starts-high-school', '§六(一) 2 ②', 'error', '教育信息自高中（或中专）开始填写', 'Education starts at 高中 (or 中专)');
export const RULE_EDU_ORDER = rule('education-chronological', ADVICE, 'warning', '教育经历按时间先后、层次由低到高排列', 'Education entries in chronological order, levels rising');
export const RULE_EDU_END = rule('education-ends-at-highest', '§六(一) 2 ②', 'error', '教育信息填写至取得最高学历学位', 'Education ends with the highest degree');
export const RULE_EDU_GAP = rule('education-gap', ADVICE, 'warning', '相邻教育经历间隔超过 6 个月时提示核实', 'Flags more than 6 months between consecutive education entries');
export const RULE_EDU_OVERLAP = rule('education-overlap', ADVICE, 'warning', '教育经历时间重叠时提示核实', 'Flags overlapping education entries');
export const RULE_WORK_EMPTY_OK = rule('work-history-optional', '§六(一) 2 ③', 'info', '没有过往工作经历可不填写（建议与单位核实确认）', 'An empty work history is allowed (confirm with the employer)');
export const RULE_WORK_DATES = rule('work-dates-valid', ADVICE, 'error', '每段工作经历结束不早于开始', 'Each job ends on or after it starts');
export const RULE_WORK_BEFORE_CONTRACT = rule('work-before-contract', '§六(一) 2 ③', 'error', '工作经历填写劳动合同开始前的全部经历，每段须在合同开始日或之前结束', 'Work history lists the jobs before the labour contract; each ends on or before its start');
export const RULE_WORK_ORDER = rule('work-chronological', ADVICE, 'warning', '工作经历按时间先后排列', 'Jobs in chronological order');
export const RULE_WORK_OVERLAP = rule('work-overlap', ADVICE, 'warning', '工作经历时间重叠时提示核实', 'Flags overlapping jobs to check');
export const RULE_ADDRESS = rule('address-as-materials', '§六(一) 2 ①, §六(二) ①', 'error', '户籍地址及现居住地以后期办理的相应材料为依据填写', 'Registered and current addresses are filled exactly as the supporting materials say');
export const RULE_PHOTO = rule('photo-one-inch-bareheaded', '§六(一) 2 (1)', 'warning', '证件照片应为近期一寸免冠证件照', 'The photo is a recent one-inch bareheaded ID photo');
export const RULE_SPOUSE = rule('spouse-not-filed', '§提示 特别注意 2, §六(二) 6', 'error', '系统已取消配偶信息，配偶不可办理随迁', 'Spouses are no longer filed; a spouse cannot accompany');
export const RULE_NO_BUSINESS_IN_PROGRESS = rule('change-only-without-business', '§六(二)', 'error', '个人信息须在无在办业务状态下修改，修改后提交申请才可生效', 'Personal data may be edited only while no business is in progress');
export const RULE_PERMISSION_FIELDS = rule('permission-request-fields', '§六(一) 1 (1)', 'error', '权限申请的证件类型为北京市工作居住证、主管部门为大兴区人力社保局，并写明拟办理事项', 'Permission request: type 北京市工作居住证, authority 大兴区人力社保局, intended business stated');
export const RULE_INFO_CHANGE_ITEM = rule('info-change-state-item', '§六(五)', 'error', '个人信息变更提交时应注明具体变更事项', 'A personal information change states the specific item changed');
export const RULE_EMPLOYER_IS_PAYER = rule('employer-is-social-insurance-payer', '§六(四) 注意事项 3', 'error', '聘用单位须与社保扣缴单位一致', 'The employer must be the one paying social insurance');

/** A check's outcome: ok when no failed finding has severity 'error'. */
export interface CheckResult {
  readonly ok: boolean;
  readonly findings: readonly Finding[];
}

const result = (findings: Finding[]): CheckResult => ({
  ok: !findings.some((f) => !f.passed && f.severity === 'error'),
  findings,
});

// ───────────────────────────── Education §六(一) 2 ② ─────────────────────────────

/** One 教育信息 entry. */
export const EducationEntry = z.object({
  level: EducationLevelInput,
  school: z.string().optional(),
  major: z.string().optional(),
  start: DateOrMonth,
  end: DateOrMonth,
});
export type EducationEntry = z.input<typeof EducationEntry>;

/** Input of {@link checkEducationHistory}. */
export const EducationHistoryInput = z.object({
  entries: z.array(EducationEntry),
  /** The highest education the applicant declares (e.g. from the diploma); optional. */
  highestLevel: EducationLevelInput.optional(),
});

/** Months after which a break between education entries is flagged. */
export const EDUCATION_GAP_MONTHS = 6;

const lvl = (l: EducationLevel): string => EDUCATION_LEVEL_LABELS[l].zh;

/** Checks the 教育信息 entries (§六(一) 2 ②): start at 高中/中专, chronological, end at the highest degree. */
export function checkEducationHistory(entries: readonly EducationEntry[], highestLevel?: string): CheckResult {
  const v = parseInput(EducationHistoryInput, { entries, highestLevel });
  const findings: Finding[] = [];
  if (v.entries.length === 0) {
    findings.push(finding(RULE_EDU_START, false, bi('教育信息为空：应自高中（或中专）填写至最高学历', 'No education entered: fill from 高中 (or 中专) up to the highest degree'), {}));
    return result(findings);
  }
  v.entries.forEach((e, i) => {
    if (e.end < e.start) {
      findings.push(finding(RULE_EDU_DATES, false, bi(`第 ${i + 1} 段（${lvl(e.level)}）结束 ${e.end} 早于开始 ${e.start}`, `Entry ${i + 1} (${e.level}) ends ${e.end} before it starts ${e.start}`), { index: i, start: e.start, end: e.end }));
    }
  });
  const inOrder = v.entries.every((e, i) => i === 0 || v.entries[i - 1].start <= e.start);
  const sorted = [...v.entries].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : EDUCATION_RANK[a.level] - EDUCATION_RANK[b.level]));
  const ranksRise = sorted.every((e, i) => i === 0 || EDUCATION_RANK[sorted[i - 1].level] <= EDUCATION_RANK[e.level]);
  findings.push(
    finding(
      RULE_EDU_ORDER,
      inOrder && ranksRise,
      !inOrder
        ? bi('教育经历未按时间先后排列', 'Education entries are not in chronological order')
        : !ranksRise
          ? bi('按时间排列后学历层次出现由高到低，请核实', 'A later entry has a lower level than an earlier one; please check')
          : bi('教育经历按时间先后排列', 'Education entries are in chronological order'),
      { order: v.entries.map((e) => e.level) },
    ),
  );

  // Start: the first real entry must be 高中 or 中专; 初中 is not asked for.
  const first = sorted[0];
  const firstAfterJunior = sorted.find((e) => e.level !== 'junior-high');
  const startsRight = firstAfterJunior !== undefined && EDUCATION_RANK[firstAfterJunior.level] === EDUCATION_RANK['high-school'];
  findings.push(
    finding(
      RULE_EDU_START,
      startsRight,
      startsRight
        ? bi(`自${lvl(firstAfterJunior.level)}开始填写`, `Starts at ${firstAfterJunior.level}`)
        : bi(
            `教育信息应自高中（或中专）开始，目前最早为${firstAfterJunior ? lvl(firstAfterJunior.level) : '初中'}，请补充`,
            `Education should start at 高中 (or 中专); the earliest now is ${firstAfterJunior?.level ?? 'junior-high'} — add the missing entries`,
          ),
      { firstLevel: first.level },
    ),
  );
  if (first.level === 'junior-high') {
    findings.push(finding(RULE_EDU_START, false, bi('初中经历无需填写，可删除', 'Junior high school is not required and can be removed'), { firstLevel: first.level }, 'info'));
  }

  // End: the last entry is the highest level (and the declared one, if given).
  const last = sorted[sorted.length - 1];
  const maxRank = Math.max(...sorted.map((e) => EDUCATION_RANK[e.level]));
  const declaredOk = v.highestLevel === undefined || EDUCATION_RANK[v.highestLevel] === EDUCATION_RANK[last.level];
  const endsRight = EDUCATION_RANK[last.level] === maxRank && declaredOk;
  findings.push(
    finding(
      RULE_EDU_END,
      endsRight,
      endsRight
        ? bi(`填写至最高学历（${lvl(last.level)}）`, `Ends at the highest level (${last.level})`)
        : !declaredOk
          ? bi(`最后一段为${lvl(last.level)}，与最高学历${lvl(v.highestLevel!)}不符，请补充至最高学历`, `Last entry is ${last.level} but the highest education is ${v.highestLevel}; fill up to it`)
          : bi(`最后一段（${lvl(last.level)}）不是最高学历层次`, `The last entry (${last.level}) is not the highest level`),
      { lastLevel: last.level, highestLevel: v.highestLevel },
    ),
  );

  // Gaps and overlaps between consecutive entries.
  let gapFound = false;
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    const facts = { previous: prev.level, previousEnd: prev.end, next: next.level, nextStart: next.start };
    if (next.start < prev.end) {
      gapFound = true;
      findings.push(finding(RULE_EDU_OVERLAP, false, bi(`${lvl(prev.level)}（至 ${prev.end}）与${lvl(next.level)}（自 ${next.start}）时间重叠，请核实`, `${prev.level} (to ${prev.end}) overlaps ${next.level} (from ${next.start})`), facts));
    } else if (next.start > addMonths(prev.end, EDUCATION_GAP_MONTHS)) {
      gapFound = true;
      findings.push(finding(RULE_EDU_GAP, false, bi(`${lvl(prev.level)}结束（${prev.end}）到${lvl(next.level)}开始（${next.start}）间隔超过 6 个月，请确认无遗漏（间隔期如有工作应填入工作经历）`, `More than 6 months between ${prev.level} (ended ${prev.end}) and ${next.level} (started ${next.start}); check nothing is missing`), { ...facts, gapMonths: EDUCATION_GAP_MONTHS }));
    }
  }
  if (!gapFound && sorted.length > 1) {
    findings.push(finding(RULE_EDU_GAP, true, bi('各段教育经历衔接正常', 'No gaps or overlaps between entries'), { gapMonths: EDUCATION_GAP_MONTHS }));
  }
  return result(findings);
}

// ───────────────────────────── Work §六(一) 2 ③ ─────────────────────────────

/** One 工作经历 entry. */
export const WorkEntry = z.object({
  employer: NonEmptyText,
  position: z.string().optional(),
  start: DateOrMonth,
  end: DateOrMonth,
});
export type WorkEntry = z.input<typeof WorkEntry>;

/** Input of {@link checkWorkHistory}; `contractStart` is the start of the labour contract the employer uploads. */
export const WorkHistoryInput = z.object({ entries: z.array(WorkEntry), contractStart: DateOrMonth });

/**
 * Checks the 工作经历 entries (§六(一) 2 ③): all jobs before the labour contract starts, each ending on or
 * before its start day; chronological; no overlaps (a job ending on the day the next starts is fine).
 * An empty history is allowed.
 */
export function checkWorkHistory(entries: readonly WorkEntry[], contractStart: string): CheckResult {
  const v = parseInput(WorkHistoryInput, { entries, contractStart });
  const findings: Finding[] = [];
  if (v.entries.length === 0) {
    findings.push(finding(RULE_WORK_EMPTY_OK, true, bi('未填写工作经历：没有过往经历可不填写，建议与单位核实确认', 'No work history: allowed when there is none; confirm with the employer'), { contractStart: v.contractStart }));
    return result(findings);
  }
  v.entries.forEach((e, i) => {
    if (e.end < e.start) findings.push(finding(RULE_WORK_DATES, false, bi(`第 ${i + 1} 段（${e.employer}）结束早于开始`, `Job ${i + 1} (${e.employer}) ends before it starts`), { index: i, start: e.start, end: e.end }));
    if (e.end > v.contractStart) {
      findings.push(finding(RULE_WORK_BEFORE_CONTRACT, false, bi(`「${e.employer}」结束于 ${e.end}，晚于劳动合同开始日 ${v.contractStart}；工作经历只填合同开始前的经历`, `"${e.employer}" ends ${e.end}, after the contract starts ${v.contractStart}; list only jobs before the contract`), { index: i, end: e.end, contractStart: v.contractStart }));
    }
  });
  if (!findings.some((f) => f.ruleId === RULE_WORK_BEFORE_CONTRACT.id)) {
    findings.push(finding(RULE_WORK_BEFORE_CONTRACT, true, bi(`所有经历均在合同开始日 ${v.contractStart} 或之前结束`, `All jobs end on or before the contract start ${v.contractStart}`), { contractStart: v.contractStart }));
  }
  const inOrder = v.entries.every((e, i) => i === 0 || v.entries[i - 1].start <= e.start);
  findings.push(finding(RULE_WORK_ORDER, inOrder, inOrder ? bi('按时间先后排列', 'In chronological order') : bi('工作经历未按时间先后排列', 'Jobs are not in chronological order'), {}));
  const sorted = [...v.entries].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  let overlap = false;
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1];
    const next = sorted[i];
    if (next.start < prev.end) {
      overlap = true;
      findings.push(finding(RULE_WORK_OVERLAP, false, bi(`「${prev.employer}」（至 ${prev.end}）与「${next.employer}」（自 ${next.start}）时间重叠`, `"${prev.employer}" (to ${prev.end}) overlaps "${next.employer}" (from ${next.start})`), { previousEnd: prev.end, nextStart: next.start }));
    }
  }
  if (!overlap) findings.push(finding(RULE_WORK_OVERLAP, true, bi('工作经历无重叠', 'No overlapping jobs'), {}));
  return result(findings);
}

// ───────────────────────────── Textual rules ─────────────────────────────

/** A guidance text shown beside a portal field. */
export interface FieldGuidance {
  readonly ruleId: string;
  readonly section: string;
  readonly modules: readonly PortalModule[];
  readonly text: Bilingual;
}

const guide = (r: RuleMeta, modules: PortalModule[], text: Bilingual): FieldGuidance => ({ ruleId: r.id, section: r.section, modules, text });

/** Every field-filling rule as a text, keyed by the portal modules it concerns. */
export const FIELD_GUIDANCE: readonly FieldGuidance[] = [
  guide(RULE_ADDRESS, ['person-basic-info'], bi('户籍地址及现居住地信息，均应以后期办理的相应材料（户口本、住所证明）为依据填写，逐字一致。', 'Fill the registered and current addresses exactly as the hukou book and the housing proof to be uploaded say.')),
  guide(RULE_EDU_START, ['person-education'], bi('教育信息应自高中时期（或中专）开始填写至取得最高学历学位时期的信息。', 'Education: from high school (or 中专) up to the highest degree.')),
  guide(RULE_WORK_BEFORE_CONTRACT, ['person-work'], bi('工作经历填写申请单位上传的劳动合同开始前的全部经历；没有过往经历可不填写（建议与单位核实确认）。', 'Work history: every job before the start of the labour contract the employer uploads; may be empty.')),
  guide(RULE_PHOTO, ['person-photo'], bi('照片应为近期一寸免冠证件照。', 'A recent one-inch bareheaded ID photo.')),
  guide(RULE_SPOUSE, ['person-basic-info'], bi('系统升级后配偶不可办理随迁，确认单不再显示配偶信息，无需填写。', 'Spouses can no longer accompany and are not shown on the confirmation sheet; do not enter one.')),
  guide(RULE_NO_BUSINESS_IN_PROGRESS, ['person-basic-info'], bi('需修改个人填写信息的，在「个人基础信息」模块修改，且须在无在办业务状态下修改后提交申请才可生效。', 'Edit personal data in 个人基础信息, only while no business is in progress; it takes effect with the next application.')),
  guide(RULE_PERMISSION_FIELDS, ['unit-business'], bi(`在「可办业务列表」申请工作居住证办理权限：证件类型「${PERMISSION_REQUEST.permitType}」，所属主管部门「${PERMISSION_REQUEST.authority}」，申请意见中填写拟办理事项（如：新办证件或聘用单位变更）。`, `In 可办业务列表 request the permit authority: type 「${PERMISSION_REQUEST.permitType}」, authority 「${PERMISSION_REQUEST.authority}」; state the intended business in the opinion.`)),
  guide(RULE_INFO_CHANGE_ITEM, ['person-info-change'], bi('提交个人信息变更时应注明具体变更事项（如随往人员、居住地、户口所在地、学历学位、技术职称）。', 'When filing a personal information change, state the specific item changed.')),
  guide(RULE_EMPLOYER_IS_PAYER, ['unit-employer-change'], bi('聘用单位须与社保扣缴单位一致；待员工在新单位正式产生社保记录后再确认关联。', 'The employer must be the social insurance payer; confirm the link only once the new employer\'s social insurance record exists.')),
];

/** Statuses that count as a business in progress (submitted, not yet decided). */
export const IN_PROGRESS_STATUSES: readonly CaseStatus[] = ['employer-review', 'locality-review', 'district-review'];

/** Input of {@link checkNoBusinessInProgress}. */
export const BusinessInProgressInput = z.array(CaseStatus);

/**
 * §六(二) 注意事项: personal data may be changed only while no business is in progress. In progress =
 * submitted and awaiting a decision (employer, locality or district review); drafts, returned, approved and
 * voided cases do not block.
 */
export function checkNoBusinessInProgress(statuses: readonly CaseStatus[]): CheckResult {
  const v = parseInput(BusinessInProgressInput, statuses);
  const busy = v.filter((s) => IN_PROGRESS_STATUSES.includes(s));
  return result([
    finding(
      RULE_NO_BUSINESS_IN_PROGRESS,
      busy.length === 0,
      busy.length === 0 ? bi('无在办业务，可以修改个人信息', 'No business in progress; personal data may be edited') : bi('存在在办业务，须待办结后再修改个人信息', 'A business is in progress; edit personal data after it is decided'),
      { statuses: v, inProgress: busy },
    ),
  ]);
}

/** Input of {@link checkPermissionRequest}. */
export const PermissionRequestInput = z.object({ permitType: z.string(), authority: z.string(), opinion: z.string() });

const INTENDED_WORDS = Object.values(BUSINESS_LABELS).map((b) => b.zh).concat(['新办', '续签', '变更']);

/** §六(一) 1 (1): permit type, authority and an opinion naming the intended business. */
export function checkPermissionRequest(input: z.input<typeof PermissionRequestInput>): CheckResult {
  const v = parseInput(PermissionRequestInput, input);
  const compact = (s: string) => normalizeWidth(s).replace(/\s+/g, '');
  const findings: Finding[] = [];
  const typeOk = compact(v.permitType) === PERMISSION_REQUEST.permitType;
  const authOk = compact(v.authority) === PERMISSION_REQUEST.authority;
  const opinionOk = INTENDED_WORDS.some((w) => compact(v.opinion).includes(w));
  findings.push(finding(RULE_PERMISSION_FIELDS, typeOk, typeOk ? bi('证件类型正确', 'Permit type correct') : bi(`证件类型应为「${PERMISSION_REQUEST.permitType}」`, `Permit type must be 「${PERMISSION_REQUEST.permitType}」`), { permitType: v.permitType }));
  findings.push(finding(RULE_PERMISSION_FIELDS, authOk, authOk ? bi('主管部门正确', 'Authority correct') : bi(`所属主管部门应为「${PERMISSION_REQUEST.authority}」`, `Authority must be 「${PERMISSION_REQUEST.authority}」`), { authority: v.authority }));
  findings.push(finding(RULE_PERMISSION_FIELDS, opinionOk, opinionOk ? bi('申请意见已写明拟办理事项', 'The opinion states the intended business') : bi('申请意见应写明拟办理事项，如：新办证件或聘用单位变更', 'The opinion must state the intended business, e.g. 新办证件 or 聘用单位变更'), { opinion: v.opinion }));
  return result(findings);
}

/** Words that name a changeable item (§六(五) examples plus common fields). */
export const INFO_CHANGE_ITEMS = ['随往人员', '随往子女', '子女', '居住地', '现居住地', '住所', '户口所在地', '户籍', '户口', '学历', '学位', '技术职称', '职称', '姓名', '证件号码', '身份证'];

/** Input of {@link checkInfoChangeNote}. */
export const InfoChangeNoteInput = z.object({ note: z.string() });

/** §六(五): the change request must name the specific item(s) changed, not just "信息变更". */
export function checkInfoChangeNote(note: string): CheckResult {
  parseInput(InfoChangeNoteInput, { note });
  const compact = normalizeWidth(note).replace(/\s+/g, '');
  const named = INFO_CHANGE_ITEMS.filter((w) => compact.includes(w));
  const ok = named.length > 0;
  return result([
    finding(RULE_INFO_CHANGE_ITEM, ok, ok ? bi(`已注明变更事项：${named.join('、')}`, `Items named: ${named.join(', ')}`) : bi('请注明具体变更事项（如居住地、户口所在地、学历学位、技术职称、随往人员）', 'Name the specific item changed (residence, hukou, education, title, companions …)'), { note, itemsNamed: named }),
  ]);
}
