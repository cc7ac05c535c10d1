/**
 * Bad input, in one table (issue #9, "Reliability and security"). Every row feeds one real bad input to
 * the real entry point — a repository write of the case book / side panel forms, a backup restore, an
 * employee sheet import, a message into the background, the page recogniser — and asserts:
 *   1. it is refused (thrown, or an error result where that is the API),
 *   2. the refusal is clear Chinese naming the problem (and English where the API offers it), not a
 *      raw zod/JS dump,
 *   3. nothing stored changed: a full dump of every table, and the background's page contexts, are
 *      deeply equal before and after.
 * Each row starts from a fresh in-memory database holding two employees, cases, a document, a tick, a
 * note, a captured draft, the company profile and a page report. Nothing is written to disk.
 */
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recognise, type PageEvidence } from '../../../entrypoints/portal.content/pages';
import { registerPortalHandlers } from '../../../entrypoints/background/portal-handlers';
import { readSheetFile } from '../../../components/casebook/sheet-file';
import { translate } from '../../../components/i18n/translate';
import { exportBackup, importBackup, type ImportOptions, type ReadOptions } from '../../../storage/backup';
import { openDb } from '../../../storage/db';
import { createStorageHandlers, type MessageSender } from '../../../entrypoints/background/storage-handlers';
import type { PageReport } from '../../../utils/messaging';
import { memoryPageContextStore, type PageContextStore } from '../../../entrypoints/background/tab-contexts';
import { caseBookCsv } from '../../../components/casebook/exports';
import { applyEmployeeImport, importExisting } from '../../../storage/import';
import { checkEmployeeSheet, importErrorLines } from '../../../components/casebook/employee-import';
import { createRepos, type Repos } from '../../../storage/repos';
import type { CaseBookRow } from '../../../storage/snapshot';
import type { Case, Employee } from '../../../storage/schemas';
import { makeCreditCode, makeResidentId } from '../../../rules/identity';
import { CREDIT_CODE, makeClock, rid, seedPerson, snapshot, useFreshDb } from '../storage/helpers';
import { cell, expectClear, gbk, refusal, utf16le, utf8, xlsx, zip, type Said } from './bad-input-helpers';

// ───────────────────────────── The world every row starts from ─────────────────────────────

const RUNTIME_ID = 'ourextensionidaaaaaaaaaaaaaaaaaa';
const PORTAL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';
const contentScript = (over: Partial<MessageSender> = {}): MessageSender => ({ id: RUNTIME_ID, url: PORTAL, tab: { id: 7, url: PORTAL, active: true }, frameId: 0, ...over });
const goodReport = (over: Record<string, unknown> = {}): PageReport & Record<string, unknown> => ({
  url: PORTAL,
  title: '北京市政务服务',
  module: 'person-basic-info',
  fieldsFound: ['basic.name'],
  fieldsMissing: [],
  reasons: ['person-basic-info: score 32'],
  reportedAt: 1_772_330_400_000,
  ...over,
});
const PASS = '兴华大街一号 passphrase';
const MB10 = 10 * 1024 * 1024;
/** A valid ID: 1990-03-07, sequence 123, Daxing. Its check character is the last one. */
const GOOD_ID = rid();
/** The same 17 digits with another check character. */
const WRONG_CHECK = GOOD_ID.slice(0, 17) + (GOOD_ID.endsWith('1') ? '2' : '1');
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

type PortalHandler = (m: { data: unknown; sender: unknown }) => Promise<unknown>;

interface World {
  repos: Repos;
  employee: Employee;
  other: Employee;
  kase: Case;
  contractCase: Case;
  pageContexts: PageContextStore;
  storage: ReturnType<typeof createStorageHandlers>;
  portal: Record<string, PortalHandler>;
  /** A valid full backup of this world, as text and parsed. */
  backupText: string;
  backup: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const clock = makeClock('2026-03-01T02:00:00.000Z');
const t = useFreshDb({ now: clock.ticking });
let w: World;

beforeEach(async () => {
  const repos = t.repos;
  const { employee, kase } = await seedPerson(repos);
  const other = await repos.employees.create({ name: '李娜', residentId: rid('1988-11-20', 456), phone: '13900001111', holderStatus: 'holder', permitValidUntil: '2026-09-30' });
  const contractCase = await repos.cases.create({ employeeId: other.id, business: 'renewal', facts: { contractStart: '2026-01-01', contractEnd: '2028-12-31' } });
  await repos.company.save({ name: '北京示例科技有限公司', creditCode: CREDIT_CODE, agentName: '王芳', agentPhone: '010-61234567' });
  await repos.settings.update({ wageOverrides: [{ year: 2025, monthly: 12_000, publishedOn: '2025-07-01' }] });
  const pageContexts = memoryPageContextStore();
  await pageContexts.set({ tabId: 7, report: goodReport() }, true);
  const storage = createStorageHandlers({ db: t.db, runtimeId: RUNTIME_ID, pageContexts, now: clock.ticking });
  const portal: Record<string, PortalHandler> = {};
  const on = (type: string, fn: PortalHandler) => {
    portal[type] = fn;
    return () => {};
  };
  registerPortalHandlers(on as never, { db: t.db, runtimeId: RUNTIME_ID, focusDraft: (s) => storage.focusDraft(s), now: clock.now });
  const backupText = (await exportBackup(t.db, { appVersion: '1.0.0', now: clock.now })).text;
  w = { repos, employee, other, kase, contractCase, pageContexts, storage, portal, backupText, backup: JSON.parse(backupText) };
});

/** Everything the rows must leave alone: every table, and the page contexts the background keeps. */
async function stored() {
  return { tables: await snapshot(t.db), tab: await w.pageContexts.get(7), active: await w.pageContexts.getActive() };
}

// ───────────────────────────── Row helpers ─────────────────────────────

type Area = 'forms' | 'imports' | 'page adapter';

interface BadInput {
  area: Area;
  group: string;
  /** A sentence: what the agent (or a hostile sender) did. */
  name: string;
  /** What the Chinese message must name. */
  names: RegExp;
  act: (w: World) => Promise<Said>;
}

/** A backup file built from this world's valid one. */
const edited = (fn: (f: World['backup']) => void) => (x: World) => {
  const f = structuredClone(x.backup);
  fn(f);
  return JSON.stringify(f);
};
const restore = (text: (x: World) => string | Promise<string>, options: ImportOptions & ReadOptions = {}) => async (x: World) =>
  refusal(async () => importBackup(t.db, await text(x), { now: clock.now, ...options }));

/** The import screen's path: read the file, check it against the case book, import all or nothing. */
const importSheet = (bytes: (x: World) => Uint8Array, fileName = 'employees.csv', existing?: 'none') => async (x: World) =>
  refusal(async () => {
    const sheet = await readSheetFile(Object.assign(new Blob([bytes(x) as BlobPart]), { name: fileName }));
    const known = existing === 'none' ? [] : await importExisting(x.repos.db);
    const check = checkEmployeeSheet(sheet.sheets, known, { format: sheet.format });
    return applyEmployeeImport(t.db, check, { now: clock.ticking, errorLines: importErrorLines(check) });
  });
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';
const HEAD = '姓名,身份证号,手机号';

/** The recogniser's answer for garbage: it must not throw and must say "unrecognised" — the side panel's sentence. */
const unrecognised = (evidence: unknown) => async (): Promise<Said> => {
  const r = recognise(evidence as PageEvidence);
  if (r.module !== null) throw new Error(`recognised as ${r.module}`);
  expect(r.reasons.length).toBeGreaterThan(0);
  return { zh: translate('zh-CN', 'panel.tab.unrecognised'), en: translate('en', 'panel.tab.unrecognised') };
};
const evidence = (over: Partial<PageEvidence>): PageEvidence => ({ url: '', title: '', headings: [], tableHeaders: [], labels: [], texts: [], ...over });

/** A rules/ verdict that could not be reached: the portal protocol answers `invalid` instead of throwing. */
const portalInvalid = (request: unknown) => async (x: World): Promise<Said> => {
  const [r] = (await x.portal.evaluatePortal({ data: [request], sender: contentScript() })) as { ok: boolean; invalid?: { zh: string; en: string } }[];
  expect(r.ok).toBe(false);
  if (!r.invalid) throw new Error(`no invalid result: ${JSON.stringify(r).slice(0, 200)}`);
  return r.invalid;
};

// ───────────────────────────── The table ─────────────────────────────

const FORMS: BadInput[] = [
  // Employees: create (the case book's 新增员工 form).
  ...([
    ['a resident ID whose check character is wrong', { name: '赵强', residentId: WRONG_CHECK }, /身份证号无效.*号码有误/],
    ['a resident ID of 17 characters', { name: '赵强', residentId: GOOD_ID.slice(0, 17) }, /身份证号无效.*17 位/],
    ['a resident ID of 19 characters', { name: '赵强', residentId: `${GOOD_ID}1` }, /身份证号无效.*19 位/],
    ['a resident ID typed in full-width digits with a wrong check character', { name: '赵强', residentId: fullWidth(WRONG_CHECK) }, /身份证号无效.*号码有误/],
    ['a resident ID ending in a letter other than X', { name: '赵强', residentId: `${GOOD_ID.slice(0, 17)}A` }, /身份证号无效.*18 位/],
    ['a resident ID with the letter O typed for a zero', { name: '赵强', residentId: GOOD_ID.replace('0', 'O') }, /身份证号无效/],
    ['a resident ID born in 2099', { name: '赵强', residentId: makeResidentId({ region: '110115', birthDate: '2099-01-01', sequence: 123 }) }, /身份证号无效.*晚于今天/],
    ['a resident ID born on 30 February 1990', { name: '赵强', residentId: '11011519900230123X' }, /身份证号无效.*1990-02-30 不存在/],
    ['an empty resident ID', { name: '赵强', residentId: '' }, /身份证号无效/],
    ['a resident ID that is a number, not text', { name: '赵强', residentId: 110115199003071234 }, /身份证号.*类型错误（应为文本）/],
    ['an empty name', { name: '', residentId: rid('1991-01-01', 5) }, /姓名.*不能为空/],
    ['a name of blanks and an ideographic space', { name: '  \u3000 ', residentId: rid('1991-01-01', 5) }, /姓名.*不能为空/],
    ['a 10 MB name', { name: '张'.repeat(MB10), residentId: rid('1991-01-01', 5) }, /姓名.*上限 50/],
    ['a name of emoji only', { name: '😀🎉', residentId: rid('1991-01-01', 5) }, /姓名.*表情/],
    ['a name with a NUL character', { name: '张\u0000伟', residentId: rid('1991-01-01', 5) }, /姓名.*控制字符/],
    ['a name with a right-to-left override', { name: '\u202e伟张', residentId: rid('1991-01-01', 5) }, /姓名.*控制字符/],
    ['a name of digits only', { name: '110115', residentId: rid('1991-01-01', 5) }, /姓名须包含文字/],
    ['a name with an emoji after it', { name: '张伟👍', residentId: rid('1991-01-01', 5) }, /姓名.*表情/],
    ['a name that is a number', { name: 42, residentId: rid('1991-01-01', 5) }, /姓名.*类型错误（应为文本）/],
    ['a resident ID that already belongs to 张伟', { name: '张卫', residentId: GOOD_ID }, /已属于员工「张伟」/],
    ['an unknown field (salary)', { name: '赵强', residentId: rid('1991-01-01', 5), salary: 30000 }, /未知字段：salary/],
    ['a phone number of letters', { name: '赵强', residentId: rid('1991-01-01', 5), phone: 'call me' }, /电话号码格式无效/],
    ['a permit valid until 31 April', { name: '赵强', residentId: rid('1991-01-01', 5), permitValidUntil: '2027-04-31' }, /证件有效期至.*日期无效/],
  ] as const).map(([name, input, names]): BadInput => ({ area: 'forms', group: 'employees: create', name, names, act: (x) => refusal(() => x.repos.employees.create(input as never)) })),
  // Employees: update (the employee page edits one field at a time).
  ...([
    ['changing the resident ID to one with a wrong check character', { residentId: WRONG_CHECK }, /身份证号无效.*号码有误/],
    ['changing the resident ID to 李娜\'s', 'other-id', /已属于员工「李娜」/],
    ['clearing the name', { name: '   ' }, /姓名.*不能为空/],
    ['renaming to a spreadsheet formula', { name: '=HYPERLINK("http://evil.example","点我")' }, /姓名.*公式/],
    ['a permit valid until 2026-13-01', { permitValidUntil: '2026-13-01' }, /证件有效期至.*日期无效/],
    ['an unknown holder status', { holderStatus: 'vip' }, /持证状态.*取值无效/],
  ] as const).map(([name, patch, names]): BadInput => ({
    area: 'forms',
    group: 'employees: update',
    name,
    names,
    act: (x) => refusal(() => x.repos.employees.update(x.employee.id, patch === 'other-id' ? { residentId: x.other.residentId } : (patch as never))),
  })),
  { area: 'forms', group: 'employees: update', name: 'editing an employee who was deleted meanwhile', names: /员工信息不存在/, act: (x) => refusal(() => x.repos.employees.update('gone-employee', { name: '赵强' })) },
  // Company profile (first-run form and settings).
  ...([
    ['a credit code whose check character is wrong', () => { const c = CREDIT_CODE; return c.slice(0, 17) + (c.endsWith('1') ? '2' : '1'); }, /统一社会信用代码无效.*校验/],
    ['a credit code with the letter O for a zero', () => CREDIT_CODE.slice(0, 9) + 'O' + CREDIT_CODE.slice(10), /统一社会信用代码无效.*不使用 I、O、Z、S、V/],
    ['a credit code with the letter I for a one', () => CREDIT_CODE.slice(0, 9) + 'I' + CREDIT_CODE.slice(10), /统一社会信用代码无效.*不使用 I、O、Z、S、V/],
    ['a credit code with the letter S for a five', () => CREDIT_CODE.slice(0, 12) + 'S' + CREDIT_CODE.slice(13), /统一社会信用代码无效.*不使用 I、O、Z、S、V/],
    ['a credit code of 17 characters', () => CREDIT_CODE.slice(0, 17), /统一社会信用代码无效.*17 位/],
    ['a full-width credit code with a wrong check character', () => fullWidth(makeCreditCode({ orgBody: '87654321' }).slice(0, 17) + '0') === fullWidth(makeCreditCode({ orgBody: '87654321' })) ? fullWidth(makeCreditCode({ orgBody: '87654321' }).slice(0, 17) + '1') : fullWidth(makeCreditCode({ orgBody: '87654321' }).slice(0, 17) + '0'), /统一社会信用代码无效.*校验/],
  ] as const).map(([name, code, names]): BadInput => ({ area: 'forms', group: 'company profile', name, names, act: (x) => refusal(() => x.repos.company.update({ creditCode: code() })) })),
  { area: 'forms', group: 'company profile', name: 'a company name with a line feed and a bell', names: /控制字符/, act: (x) => refusal(() => x.repos.company.update({ name: '北京示例\n科技\u0007有限公司' })) },
  { area: 'forms', group: 'company profile', name: 'an empty company name', names: /不能为空/, act: (x) => refusal(() => x.repos.company.update({ name: ' ' })) },
  // Cases (业务: dates, contract, permit).
  ...([
    ['a contract starting on 2026-02-30', { facts: { contractStart: '2026-02-30' } }, /合同开始日期.*日期无效/],
    ['a contract ending in month 13', { facts: { contractEnd: '2026-13-01' } }, /合同结束日期.*日期无效/],
    ['a submission date written 2026/3/1', { submittedOn: '2026/3/1' }, /提交日期.*日期无效/],
    ['a contract that ends before it starts', { facts: { contractStart: '2026-06-01', contractEnd: '2026-05-31' } }, /合同结束日期早于开始日期/],
    ['a permit valid from after its valid-until', { permitValidFrom: '2027-03-01', permitValidUntil: '2026-03-01' }, /证件有效期止早于起/],
    ['accepted before it was submitted', { submittedOn: '2026-03-10', acceptedOn: '2026-03-01' }, /受理日期早于提交日期/],
    ['a permit valid until the year 9999', { permitValidUntil: '9999-12-31' }, /证件有效期至.*超出合理范围/],
    ['a leaving date in the year 1066', { facts: { leavingDate: '1066-10-14' } }, /离职日期.*超出合理范围/],
    ['eleven children', { facts: { children: Array.from({ length: 11 }, (_, i) => ({ birthDate: `20${10 + i}-01-01` })) } }, /随往子女.*上限 10/],
    ['income materials for 7 months', { facts: { incomeMonths: 7 } }, /收入证明月数/],
    ['an unknown business', { business: 'tourist-visa' }, /业务类型.*取值无效/],
  ] as const).map(([name, input, names]): BadInput => ({
    area: 'forms',
    group: 'cases',
    name,
    names,
    act: (x) => refusal(() => x.repos.cases.create({ employeeId: x.employee.id, business: 'new-permit', ...(input as object) } as never)),
  })),
  { area: 'forms', group: 'cases', name: 'a case for an employee who does not exist', names: /员工不存在/, act: (x) => refusal(() => x.repos.cases.create({ employeeId: 'ghost-employee', business: 'new-permit' })) },
  { area: 'forms', group: 'cases', name: 'moving a contract end before its start', names: /合同结束日期早于开始日期/, act: (x) => refusal(() => x.repos.cases.update(x.contractCase.id, { facts: { contractEnd: '2025-12-31' } })) },
  { area: 'forms', group: 'cases', name: 'jumping from draft straight to approved', names: /不能把业务从「草稿」直接改为「已核准」/, act: (x) => refusal(() => x.repos.cases.update(x.contractCase.id, { status: 'approved' })) },
  // Notes and documents.
  { area: 'forms', group: 'notes', name: 'a 10 MB note', names: /内容.*上限 10000/, act: (x) => refusal(() => x.repos.notes.add({ employeeId: x.employee.id, text: '备'.repeat(MB10) })) },
  { area: 'forms', group: 'notes', name: 'a note of blanks', names: /不能为空/, act: (x) => refusal(() => x.repos.notes.add({ employeeId: x.employee.id, text: ' \n\t ' })) },
  { area: 'forms', group: 'notes', name: 'a note that belongs to no one', names: /备注必须属于员工或业务/, act: (x) => refusal(() => x.repos.notes.add({ text: '无主备注' })) },
  { area: 'forms', group: 'notes', name: 'a note on a deleted case', names: /业务不存在/, act: (x) => refusal(() => x.repos.notes.add({ caseId: 'deleted-case', text: '已删除的业务' })) },
  { area: 'forms', group: 'documents', name: 'a document valid until 2026-02-30', names: /有效期至.*日期无效/, act: (x) => refusal(() => x.repos.documents.create({ caseId: x.kase.id, kind: 'lease-contract', validUntil: '2026-02-30' })) },
  { area: 'forms', group: 'documents', name: 'an unknown document kind', names: /材料类型.*取值无效/, act: (x) => refusal(() => x.repos.documents.create({ caseId: x.kase.id, kind: 'passport-scan' as never })) },
  { area: 'forms', group: 'documents', name: 'an upload date written 2026/3/1', names: /上传日期.*日期无效/, act: (x) => refusal(() => x.repos.documents.create({ caseId: x.kase.id, kind: 'other', uploadedOn: '2026/3/1' })) },
  { area: 'forms', group: 'documents', name: 'a 200-character label', names: /名称.*上限 100/, act: (x) => refusal(() => x.repos.documents.create({ caseId: x.kase.id, kind: 'other', label: '租'.repeat(200) })) },
  { area: 'forms', group: 'documents', name: 'a document of a case that does not exist', names: /业务不存在/, act: (x) => refusal(() => x.repos.documents.create({ caseId: 'ghost-case', kind: 'other' })) },
  { area: 'forms', group: 'documents', name: 'ticking a checklist item with an unknown state', names: /状态.*取值无效/, act: (x) => refusal(() => x.repos.ticks.set(x.kase.id, 'renewal.hukou', { state: 'done-ish' as never })) },
  // Settings (社平工资 overrides, reminders, language).
  ...([
    ['a negative monthly wage', { wageOverrides: [{ year: 2026, monthly: -12_000, publishedOn: '2026-07-01' }] }, /月平均工资.*下限 0/],
    ['a monthly wage that is NaN', { wageOverrides: [{ year: 2026, monthly: Number.NaN, publishedOn: '2026-07-01' }] }, /月平均工资.*不是有效的数字/],
    ['a monthly wage typed as text', { wageOverrides: [{ year: 2026, monthly: '12,000元', publishedOn: '2026-07-01' }] }, /月平均工资.*类型错误（应为数字）/],
    ['a wage year of 1999', { wageOverrides: [{ year: 1999, monthly: 9_000, publishedOn: '1999-07-01' }] }, /年度.*下限 2000/],
    ['a wage published on 2026-02-30', { wageOverrides: [{ year: 2026, monthly: 12_000, publishedOn: '2026-02-30' }] }, /公布日期.*日期无效/],
    ['a wage figure without its year', { wageOverrides: [{ monthly: 12_000, publishedOn: '2026-07-01' }] }, /年度.*必填/],
    ['a negative document reminder lead', { reminders: { documents: -1 } }, /材料低于有效期要求提前提醒工作日.*下限 0/],
    ['a last-filing-day lead of 1.5 days', { reminders: { lastSafeDay: 1.5 } }, /最晚发起日提前提醒工作日.*整数/],
    ['a window-opening lead over 120 working days', { reminders: { windowOpens: 121 } }, /续签申请期开始提前提醒工作日.*上限 120/],
    ['an unsupported language', { language: 'fr' }, /界面语言.*取值无效/],
  ] as const).map(([name, patch, names]): BadInput => ({ area: 'forms', group: 'settings', name, names, act: (x) => refusal(() => x.repos.settings.update(patch as never)) })),
];

const IMPORTS: BadInput[] = [
  // Backup restore (storage/backup.ts, storage/crypto.ts).
  ...([
    ['an empty file', () => '', /文件为空/],
    ['a file cut off halfway', (x: World) => x.backupText.slice(0, Math.floor(x.backupText.length / 2)), /不是完整的 JSON/],
    ['a CSV chosen instead of the backup', () => csv(HEAD, `张伟,${GOOD_ID},13812345678`), /不是完整的 JSON/],
    ['JSON of the wrong shape (a list)', () => '[{"name":"张伟"}]', /不是本扩展导出的备份文件/],
    ['a backup whose tables are a string', () => JSON.stringify({ format: 'jzz-backup', formatVersion: 1, schemaVersion: 2, masked: false, tables: 'all' }), /缺少数据表/],
    ['a file of another app using our format name', edited((f) => (f.app.name = 'some-other-assistant')), /不是本扩展导出的备份文件/],
    ['a backup from a future database schema', edited((f) => (f.schemaVersion = 99)), /更新版本.*请先升级扩展/],
    ['a backup from a future file format', edited((f) => (f.formatVersion = 2)), /更新版本.*请先升级扩展/],
    ['a masked export', edited((f) => (f.masked = true)), /脱敏导出/],
    ['a __proto__ key inside an employee', (x: World) => x.backupText.replace('"name":"李娜"', '"name":"李娜","__proto__":{"isAdmin":true}'), /不允许的键名「__proto__」/],
    ['a constructor key inside the settings', (x: World) => x.backupText.replace('"wageOverrides":[', '"constructor":{"name":"Object"},"wageOverrides":['), /不允许的键名「constructor」/],
    ['two employees with one id', edited((f) => (f.tables.employees[1].id = f.tables.employees[0].id)), /重复的编号/],
    ['a note about an employee who is not there', edited((f) => (f.tables.notes[0].employeeId = 'ghost-employee')), /不存在的员工/],
    ['a draft of a case that is not there', edited((f) => (f.tables.drafts[0].caseId = 'ghost-case')), /不存在的业务/],
    ['a 10 MB note', edited((f) => (f.tables.notes[0].text = '备'.repeat(MB10))), /超过 1024 KB 的文本字段/],
    ['rows removed but the counts kept', edited((f) => f.tables.cases.pop()), /记录数与文件声明不符/],
    ['an employee with an invalid resident ID', edited((f) => (f.tables.employees[0].residentId = WRONG_CHECK)), /无效记录.*身份证号/],
  ] as const).map(([name, text, names]): BadInput => ({ area: 'imports', group: 'backup restore', name, names, act: restore(text as (x: World) => string) })),
  // Encrypted backups: the envelope is made once (PBKDF2 is slow on purpose) in beforeAll below.
  { area: 'imports', group: 'encrypted backup', name: 'the wrong passphrase', names: /口令错误/, act: restore(() => encrypted, { passphrase: '兴华大街二号 passphrase' }) },
  { area: 'imports', group: 'encrypted backup', name: 'a ciphertext with one character changed', names: /口令错误.*被改动/, act: restore(() => tamper(encrypted), { passphrase: PASS }) },
  { area: 'imports', group: 'encrypted backup', name: 'no passphrase for an encrypted file', names: /加密备份.*口令/, act: restore(() => encrypted) },
  { area: 'imports', group: 'encrypted backup', name: 'an envelope whose salt was removed', names: /加密文件的格式无效/, act: restore(() => JSON.stringify({ ...JSON.parse(encrypted), kdf: { ...JSON.parse(encrypted).kdf, salt: '' } }), { passphrase: PASS }) },
  // Employee sheets (CSV / TXT / xlsx): reports.ts, sheet-file.ts, xlsx.ts.
  { area: 'imports', group: 'employee sheet', name: 'a sheet with the wrong columns', names: /表头缺少「姓名」「身份证号」列/, act: importSheet(() => utf8(csv('工号,部门,入职日期', '0001,研发部,2024-03-01'))) },
  { area: 'imports', group: 'employee sheet', name: 'a sheet without the 身份证号 column', names: /表头缺少「身份证号」列/, act: importSheet(() => utf8(csv('姓名,手机号', '赵强,13800001111'))) },
  { area: 'imports', group: 'employee sheet', name: 'an empty file', names: /表头缺少/, act: importSheet(() => new Uint8Array(0)) },
  { area: 'imports', group: 'employee sheet', name: 'a GBK sheet (Excel on Chinese Windows) with a wrong check character', names: /第 2 行（赵强）：身份证号.*号码有误/, act: importSheet(() => gbk(csv(HEAD, `赵强,${WRONG_CHECK},13800001111`))) },
  { area: 'imports', group: 'employee sheet', name: 'a UTF-16 sheet with a 17-character ID', names: /第 3 行（钱敏）：身份证号.*17 位/, act: importSheet(() => utf16le(`姓名\t身份证号\r\n赵强\t${rid('1991-01-01', 5)}\r\n钱敏\t${rid('1992-02-02', 6).slice(0, 17)}\r\n`), 'employees.txt') },
  { area: 'imports', group: 'employee sheet', name: 'UTF-16 without its byte-order mark', names: /无法识别文件编码/, act: importSheet(() => utf16le(csv(HEAD, `赵强,${rid('1991-01-01', 5)},13800001111`), false)) },
  { area: 'imports', group: 'employee sheet', name: 'a JPEG named .csv', names: /无法识别文件编码/, act: importSheet(() => new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, ...Array.from({ length: 500 }, (_, i) => (i * 151 + 7) % 256)])) },
  // High bytes only: valid GBK by accident, so it decodes to nonsense Chinese and the header check refuses it.
  { area: 'imports', group: 'employee sheet', name: 'binary garbage of high bytes named .csv', names: /表头缺少.*编码有误/, act: importSheet(() => new Uint8Array(Array.from({ length: 512 }, (_, i) => ((i * 151 + 255) % 256) | 0x80))) },
  { area: 'imports', group: 'employee sheet', name: 'a zip of junk renamed to .xlsx', names: /无法读取该 \.xlsx 文件/, act: importSheet(() => zip({ 'junk.txt': 'not a workbook', 'readme.md': '# hello' }), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'an .xlsx whose sheet is not deflate data', names: /无法读取该 \.xlsx 文件/, act: importSheet(() => zip({ 'xl/workbook.xml': { bytes: new Uint8Array(Array.from({ length: 300 }, (_, i) => (i * 97) % 256)), method: 8 } }), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'a PNG renamed to .xlsx', names: /无法读取该 \.xlsx 文件/, act: importSheet(() => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'an .xlsx with a cell in row 999,999,999', names: /无法读取该 \.xlsx 文件/, act: importSheet(() => xlsx(`<row r="1">${cell('A1', '姓名')}${cell('B1', '身份证号')}</row><row r="999999999">${cell('A999999999', '赵强')}</row>`), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'an .xlsx with a cell in column ZZZZZZ', names: /无法读取该 \.xlsx 文件/, act: importSheet(() => xlsx(`<row r="1">${cell('A1', '姓名')}${cell('ZZZZZZ1', '身份证号')}</row>`), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'an old .xls workbook', names: /不支持旧版 Excel 97-2003/, act: importSheet(() => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'employees.xls') },
  { area: 'imports', group: 'employee sheet', name: 'two good rows and one with an impossible birth date (all or nothing)', names: /有 1 行数据有误，未导入任何员工[\s\S]*第 3 行（孙丽）：身份证号.*不存在/, act: importSheet(() => utf8(csv(HEAD, `赵强,${rid('1991-01-01', 5)},13800001111`, '孙丽,11011519900230123X,13800002222', `钱敏,${rid('1992-02-02', 6)},13800003333`))) },
  { area: 'imports', group: 'employee sheet', name: 'an .xlsx whose ID cell Excel stored as a number', names: /第 2 行（赵强）：身份证号被 Excel 存成了数字（110115199003071000），末几位已变为 0/, act: importSheet(() => xlsx(`<row r="1">${cell('A1', '姓名')}${cell('B1', '身份证号')}</row><row r="2">${cell('A2', '赵强')}<c r="B2"><v>1.10115199003071E+17</v></c></row>`), 'employees.xlsx') },
  { area: 'imports', group: 'employee sheet', name: 'an ID taken by another tab after the check (rolled back whole)', names: /已属于员工「张伟」/, act: importSheet(() => utf8(csv(HEAD, `钱敏,${rid('1992-02-02', 6)},13800003333`, `张卫,${GOOD_ID},13800001111`)), 'employees.csv', 'none') },
  { area: 'imports', group: 'employee sheet', name: 'the same ID on two rows', names: /第 3 行（赵四）：身份证号与第 2 行重复/, act: importSheet(() => utf8(csv(HEAD, `赵强,${rid('1991-01-01', 5)},13800001111`, `赵四,${rid('1991-01-01', 5)},13800002222`))) },
  { area: 'imports', group: 'employee sheet', name: 'an ID Excel turned into 1.10115E+17', names: /科学计数法/, act: importSheet(() => utf8(csv(HEAD, '赵强,1.10115E+17,13800001111'))) },
  { area: 'imports', group: 'employee sheet', name: "a name that is a formula (=cmd|' /C calc'!A0)", names: /第 2 行.*姓名.*公式/, act: importSheet(() => utf8(csv(HEAD, `"=cmd|' /C calc'!A0",${rid('1991-01-01', 5)},13800001111`))) },
  { area: 'imports', group: 'employee sheet', name: 'a name that is an @-formula', names: /第 2 行.*姓名.*公式/, act: importSheet(() => utf8(csv(HEAD, `@SUM(1+1)*cmd,${rid('1991-01-01', 5)},13800001111`))) },
  { area: 'imports', group: 'employee sheet', name: 'a file over 20 MB', names: /文件过大/, act: importSheet(() => new Uint8Array(20 * 1024 * 1024 + 1).fill(0x41)) },
];

// Captured values are saved by the side panel, after the agent confirms (issue #20): the drafts repository is the door.
const sc = (x: World, data: unknown) => refusal(() => x.repos.drafts.saveCaptured(data as never));
const rp = (x: World, data: unknown, sender = contentScript()) => refusal(() => x.storage.reportPage(data, sender));
const capture = (x: World, over: Record<string, unknown> = {}) => ({ employeeId: x.employee.id, caseId: x.kase.id, module: 'person-basic-info', fields: { 'basic.address': '北京市大兴区兴华大街2号' }, ...over });

const ADAPTER: BadInput[] = [
  // saveCaptured: values read off a portal page, saved from the side panel's confirmed capture.
  { area: 'page adapter', group: 'saveCaptured', name: 'a value that is a number', names: /类型错误（应为文本）/, act: (x) => sc(x, capture(x, { fields: { 'basic.address': 42 } })) },
  { area: 'page adapter', group: 'saveCaptured', name: 'a __proto__ field key', names: /不允许的键名「__proto__」/, act: (x) => sc(x, JSON.parse(`{"employeeId":"${x.employee.id}","module":null,"fields":{"__proto__":{"polluted":"yes"}}}`)) },
  { area: 'page adapter', group: 'saveCaptured', name: 'a constructor key nested in the payload', names: /不允许的键名「constructor」/, act: (x) => sc(x, { ...capture(x), fields: JSON.parse('{"basic.name":"张伟","x":{"constructor":{"prototype":{}}}}') }) },
  { area: 'page adapter', group: 'saveCaptured', name: 'a 10 MB value', names: /上限 4000/, act: (x) => sc(x, capture(x, { fields: { 'basic.address': '址'.repeat(MB10) } })) },
  { area: 'page adapter', group: 'saveCaptured', name: '501 fields in one message', names: /字段过多/, act: (x) => sc(x, capture(x, { fields: Object.fromEntries(Array.from({ length: 501 }, (_, i) => [`basic.f${i}`, '值'])) })) },
  { area: 'page adapter', group: 'saveCaptured', name: 'an employee id that is a path', names: /编号格式无效/, act: (x) => sc(x, capture(x, { employeeId: '../../etc/passwd' })) },
  { area: 'page adapter', group: 'saveCaptured', name: 'a payload that is a string', names: /类型错误（应为对象）/, act: (x) => sc(x, 'DROP TABLE employees') },
  { area: 'page adapter', group: 'saveCaptured', name: 'a payload that is null', names: /类型错误（应为对象）/, act: (x) => sc(x, null) },
  { area: 'page adapter', group: 'saveCaptured', name: 'an extra key in the payload', names: /未知字段：sql/, act: (x) => sc(x, capture(x, { sql: 'DELETE' })) },
  { area: 'page adapter', group: 'saveCaptured', name: 'an unknown portal module', names: /页面模块.*取值无效/, act: (x) => sc(x, capture(x, { module: 'admin-console' })) },
  { area: 'page adapter', group: 'saveCaptured', name: 'a field key that is HTML', names: /字段名无效/, act: (x) => sc(x, capture(x, { fields: { '<img src=x onerror=alert(1)>': '1' } })) },
  { area: 'page adapter', group: 'saveCaptured', name: "a case that is another employee's", names: /业务.*不存在|不存在.*业务/, act: (x) => sc(x, capture(x, { employeeId: x.other.id })) },
  // reportPage: what the content script recognised on a tab.
  { area: 'page adapter', group: 'reportPage', name: 'an empty report', names: /必填/, act: (x) => rp(x, {}) },
  { area: 'page adapter', group: 'reportPage', name: 'fields found as a string', names: /已找到的字段.*类型错误（应为列表）/, act: (x) => rp(x, goodReport({ fieldsFound: 'basic.name' })) },
  { area: 'page adapter', group: 'reportPage', name: 'a 10 MB title', names: /页面标题.*上限 500/, act: (x) => rp(x, goodReport({ title: '题'.repeat(MB10) })) },
  { area: 'page adapter', group: 'reportPage', name: 'a report time that is NaN', names: /报告时间.*不是有效的数字/, act: (x) => rp(x, goodReport({ reportedAt: Number.NaN })) },
  { area: 'page adapter', group: 'reportPage', name: 'a __proto__ key in an attachment row', names: /不允许的键名「__proto__」/, act: (x) => rp(x, goodReport({ attachments: JSON.parse('[{"name":"身份证","status":"uploaded","__proto__":{"x":1}}]') })) },
  { area: 'page adapter', group: 'reportPage', name: 'an unknown module', names: /页面模块.*取值无效/, act: (x) => rp(x, goodReport({ module: 'unit-admin-console' })) },
  { area: 'page adapter', group: 'reportPage', name: '101 attachment rows', names: /附件列表.*上限 100/, act: (x) => rp(x, goodReport({ attachments: Array.from({ length: 101 }, (_, i) => ({ name: `附件${i}`, status: 'missing' })) })) },
  { area: 'page adapter', group: 'reportPage', name: 'an attachment status the page never shows', names: /状态.*取值无效/, act: (x) => rp(x, goodReport({ attachments: [{ name: '户口本', status: 'deleted' }] })) },
  { area: 'page adapter', group: 'reportPage', name: 'a report from a portal frame inside a foreign tab', names: /拒绝/, act: (x) => rp(x, goodReport(), contentScript({ tab: { id: 7, url: 'https://evil.example/' } })) },
  // The portal protocol (entrypoints/background/portal-handlers.ts).
  { area: 'page adapter', group: 'portal protocol', name: 'an unknown request kind', names: /请求类型.*不受支持/, act: (x) => refusal(() => x.portal.evaluatePortal({ data: [{ kind: 'exec', code: 'rm -rf /' }], sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: 'a request list that is an object', names: /类型错误（应为列表）/, act: (x) => refusal(() => x.portal.evaluatePortal({ data: { kind: 'residentId', value: GOOD_ID }, sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: '201 requests in one message', names: /上限 200/, act: (x) => refusal(() => x.portal.evaluatePortal({ data: Array.from({ length: 201 }, () => ({ kind: 'mobile', value: '13800001111' })), sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: 'a __proto__ key in a request', names: /不允许的键名「__proto__」/, act: (x) => refusal(() => x.portal.evaluatePortal({ data: JSON.parse('[{"kind":"mobile","value":"13800001111","__proto__":{"admin":true}}]'), sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: 'a checklist for an unknown module', names: /页面模块.*取值无效/, act: (x) => refusal(() => x.portal.getPortalChecklist({ data: { module: 'person-bank-account' }, sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: 'guidance for 51 rules', names: /规则编号.*上限 50/, act: (x) => refusal(() => x.portal.getPortalGuidance({ data: { module: 'person-education', ruleIds: Array.from({ length: 51 }, (_, i) => `rule-${i}`) }, sender: contentScript() })) },
  { area: 'page adapter', group: 'portal protocol', name: 'a child born on 2030-02-30', names: /日期/, act: portalInvalid({ kind: 'childAge', birthDate: '2030-02-30' }) },
  { area: 'page adapter', group: 'portal protocol', name: 'an education level the guide does not know', names: /学历层次无效/, act: portalInvalid({ kind: 'education', entries: [{ level: '其他', start: '2008-09', end: '2012-07' }] }) },
  // The page recogniser (entrypoints/portal.content/pages.ts).
  { area: 'page adapter', group: 'recogniser', name: 'empty evidence', names: /未能识别/, act: unrecognised(evidence({})) },
  { area: 'page adapter', group: 'recogniser', name: 'an object with none of the parts', names: /未能识别/, act: unrecognised({}) },
  { area: 'page adapter', group: 'recogniser', name: 'null instead of evidence', names: /未能识别/, act: unrecognised(null) },
  { area: 'page adapter', group: 'recogniser', name: 'lists holding numbers, nulls and objects', names: /未能识别/, act: unrecognised({ url: 42, title: {}, headings: [1, null, { toString: () => '教育信息' }], tableHeaders: 'x', labels: [undefined], texts: [[]] }) },
  { area: 'page adapter', group: 'recogniser', name: 'huge evidence (50,000 labels and a 10 MB text)', names: /未能识别/, act: unrecognised(evidence({ headings: Array.from({ length: 2_000 }, (_, i) => `标题${i}`), labels: Array.from({ length: 50_000 }, (_, i) => `标签${i}`), texts: ['字'.repeat(MB10)] })) },
  { area: 'page adapter', group: 'recogniser', name: 'a module heading without any of its fields', names: /未能识别/, act: unrecognised(evidence({ headings: ['教育信息'], labels: ['用户名', '密码'] })) },
  { area: 'page adapter', group: 'recogniser', name: '附件管理 with no hint of which system (a tie)', names: /未能识别/, act: unrecognised(evidence({ url: 'https://fw.bjrcgz.gov.cn/', headings: ['附件管理'], tableHeaders: ['附件名称'] })) },
  { area: 'page adapter', group: 'recogniser', name: 'script tags and a javascript: URL', names: /未能识别/, act: unrecognised(evidence({ url: 'javascript:alert(1)', title: '<script>alert(1)</script>', headings: ['<img src=x onerror=alert(1)>'], labels: ['"><svg onload=alert(1)>'] })) },
];

let encrypted = '';
/** One base64 character of the ciphertext changed (still valid base64, so AES-GCM authentication must catch it). */
function tamper(envelopeText: string): string {
  const env = JSON.parse(envelopeText);
  const i = Math.floor(env.ciphertext.length / 2);
  env.ciphertext = env.ciphertext.slice(0, i) + (env.ciphertext[i] === 'A' ? 'B' : 'A') + env.ciphertext.slice(i + 1);
  return JSON.stringify(env);
}

beforeAll(async () => {
  // A real encrypted backup of a small database of its own (the per-row databases do not exist yet).
  const db = openDb(`enc-${globalThis.crypto.randomUUID()}`);
  await seedPerson(createRepos(db, { now: makeClock().ticking }));
  encrypted = (await exportBackup(db, { passphrase: PASS, appVersion: '1.0.0' })).text;
  await db.delete();
});

export const BAD_INPUTS: readonly BadInput[] = [...FORMS, ...IMPORTS, ...ADAPTER];
/** Rows per area, for the README's "Reliability and security" section. */
export const BAD_INPUT_COUNTS = {
  total: BAD_INPUTS.length,
  forms: FORMS.length,
  imports: IMPORTS.length,
  'page adapter': ADAPTER.length,
};

// ───────────────────────────── The tests ─────────────────────────────

describe('the bad-input table', () => {
  it('has at least 70 rows, each a different input with a sentence name', () => {
    console.info(`bad inputs: ${JSON.stringify(BAD_INPUT_COUNTS)}`);
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(70);
    expect(new Set(BAD_INPUTS.map((r) => `${r.group}: ${r.name}`)).size).toBe(BAD_INPUTS.length);
    for (const area of ['forms', 'imports', 'page adapter'] as const) expect(BAD_INPUTS.filter((r) => r.area === area).length).toBeGreaterThanOrEqual(15);
  });
});

for (const area of ['forms', 'imports', 'page adapter'] as const) {
  describe(area, () => {
    const rows = BAD_INPUTS.filter((r) => r.area === area);
    for (const group of [...new Set(rows.map((r) => r.group))]) {
      describe(group, () => {
        it.each(rows.filter((r) => r.group === group).map((r) => [r.name, r] as const))('%s is refused clearly and changes nothing', async (_name, row) => {
          const before = await stored();
          const said = await row.act(w);
          expectClear(said, row.names);
          expect(await stored()).toEqual(before);
        });
      });
    }
  });
}

// ───────────────────────────── The good neighbours of the bad rows ─────────────────────────────
// Not counted as bad inputs: they show the rows above refuse for the stated reason, not for any input.

describe('inputs next to the bad ones are accepted', () => {
  it('a lower-case x check character and full-width digits are normalised, not refused', async () => {
    const x = makeResidentId({ region: '110115', birthDate: '1985-05-05', sequence: 1 });
    const id = x.endsWith('X') ? x : makeResidentId({ region: '110115', birthDate: '1985-05-05', sequence: 2 });
    const lowered = await w.repos.employees.create({ name: '周敏', residentId: id.toLowerCase() });
    expect(lowered.residentId).toBe(id.toUpperCase());
    const wide = await w.repos.employees.create({ name: '吴昊', residentId: fullWidth(rid('1993-03-03', 7)) });
    expect(wide.residentId).toBe(rid('1993-03-03', 7));
  });

  it('names of minorities and foreigners, and an agent\'s tag in brackets, pass the name rule', async () => {
    await w.repos.employees.create({ name: '阿依古丽·买买提', residentId: rid('1994-04-04', 8) });
    await w.repos.employees.create({ name: "Anna-Maria O'Neil", residentId: rid('1995-05-05', 9) });
    await w.repos.employees.create({ name: '张伟（研发部2组）', residentId: rid('1996-06-06', 10) });
  });

  it('a GBK sheet with good rows decodes and imports correctly', async () => {
    const sheet = await readSheetFile(Object.assign(new Blob([gbk(csv(HEAD, `赵强,${rid('1991-01-01', 5)},13800001111`)) as BlobPart]), { name: 'employees.csv' }));
    expect(sheet.format).toBe('gbk');
    const check = checkEmployeeSheet(sheet.sheets, [], { format: sheet.format });
    expect(await applyEmployeeImport(t.db, check)).toEqual({ created: 1, updated: 0, cases: 0, skipped: 0 });
    expect((await w.repos.employees.search('赵强')).map((e) => e.name)).toEqual(['赵强']);
  });

  it('the CSV export neutralises formula text that reached the case book by another way', () => {
    const row = { id: 'r', employee: { ...w.employee, name: "=cmd|' /C calc'!A0", notes: '+SUM(A1)' }, caseCount: 0, documentsDue: 0 } as unknown as CaseBookRow;
    const text = caseBookCsv([row]);
    const line = text.split('\r\n')[1];
    expect(line.startsWith(`'=cmd|' /C calc'!A0,`)).toBe(true);
    expect(text).not.toMatch(/(^|,)=cmd/m);
  });
});
