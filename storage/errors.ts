/**
 * Errors that leave storage/: always a `StorageError` with a Chinese and an English sentence the UI
 * can show as is. IndexedDB/Dexie failures (quota, aborted or inactive transactions, a newer database
 * version, a blocked upgrade) and zod validation failures are mapped here and re-thrown, never
 * swallowed.
 */
import type { z } from 'zod';
import { TYPE_ZH } from '../rules/validate';

export type StorageErrorCode =
  | 'invalid' // input failed validation; nothing was written
  | 'not-found'
  | 'duplicate' // a unique value (resident ID) already belongs to another record
  | 'conflict' // e.g. an illegal status change, or an import with conflicts
  | 'forbidden' // a message from a sender that is not our own content script / page
  | 'quota'
  | 'transaction'
  | 'version'
  | 'blocked'
  | 'unavailable'
  | 'backup' // a backup file was refused; `reason` says why
  | 'cancelled' // the agent cancelled a restore/import before its commit; nothing was written
  | 'unknown';

export interface Bilingual {
  zh: string;
  en: string;
}

/** An error with a user-facing sentence in both languages; `message` is `zh / en`. */
export class StorageError extends Error {
  readonly code: StorageErrorCode;
  readonly zh: string;
  readonly en: string;
  /** Machine-readable sub-reason (backup refusals use it: 'not-json', 'wrong-passphrase', …). */
  readonly reason?: string;
  /** One line per problem (validation issues), already bilingual. */
  readonly details: string[];

  constructor(
    code: StorageErrorCode,
    text: Bilingual,
    options: { reason?: string; details?: string[]; cause?: unknown } = {},
  ) {
    super(`${text.zh} / ${text.en}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'StorageError';
    this.code = code;
    this.zh = text.zh;
    this.en = text.en;
    this.reason = options.reason;
    this.details = options.details ?? [];
  }

  /** The sentence for the UI language, followed by the first few details. */
  userMessage(lang: 'zh-CN' | 'en' = 'zh-CN'): string {
    const head = lang === 'en' ? this.en : this.zh;
    if (this.details.length === 0) return head;
    const lines = this.details.slice(0, 5).map((d) => pickLang(d, lang));
    return `${head}\n${lines.join('\n')}`;
  }
}

/** `'中文 / English'` → the half for `lang`; a string without ' / ' is returned whole. */
export function pickLang(text: string, lang: 'zh-CN' | 'en'): string {
  const i = text.indexOf(' / ');
  if (i < 0) return text;
  return lang === 'en' ? text.slice(i + 3) : text.slice(0, i);
}

export function isStorageError(e: unknown): e is StorageError {
  return e instanceof StorageError;
}

/** A user-facing sentence for any error thrown by storage/ (or anything else). */
export function userMessage(e: unknown, lang: 'zh-CN' | 'en' = 'zh-CN'): string {
  return toStorageError(e).userMessage(lang);
}

// ---------------------------------------------------------------------------------------------
// Validation errors

/** Field names as the agent knows them, for validation messages. Unknown paths fall back to the key. */
const FIELD_LABELS: Record<string, Bilingual> = {
  name: { zh: '姓名/名称', en: 'name' },
  residentId: { zh: '身份证号', en: 'resident ID number' },
  creditCode: { zh: '统一社会信用代码', en: 'unified social credit code' },
  localityOffice: { zh: '属地部门', en: 'locality office' },
  agentName: { zh: '经办人姓名', en: 'agent name' },
  agentPhone: { zh: '经办人电话', en: 'agent phone' },
  phone: { zh: '电话', en: 'phone' },
  category: { zh: '申报类别', en: 'category' },
  holderStatus: { zh: '持证状态', en: 'holder status' },
  permitValidUntil: { zh: '证件有效期至', en: 'permit valid until' },
  permitValidFrom: { zh: '证件有效期起', en: 'permit valid from' },
  notes: { zh: '备注', en: 'notes' },
  note: { zh: '备注', en: 'note' },
  text: { zh: '内容', en: 'text' },
  employeeId: { zh: '员工', en: 'employee' },
  caseId: { zh: '业务', en: 'case' },
  business: { zh: '业务类型', en: 'business type' },
  status: { zh: '办理状态', en: 'status' },
  submittedOn: { zh: '提交日期', en: 'submitted on' },
  acceptedOn: { zh: '受理日期', en: 'accepted on' },
  decidedOn: { zh: '办结日期', en: 'decided on' },
  facts: { zh: '申报情况', en: 'facts' },
  children: { zh: '随往子女', en: 'children' },
  birthDate: { zh: '出生日期', en: 'birth date' },
  contractStart: { zh: '合同开始日期', en: 'contract start' },
  contractEnd: { zh: '合同结束日期', en: 'contract end' },
  kind: { zh: '材料类型', en: 'document kind' },
  validUntil: { zh: '有效期至', en: 'valid until' },
  uploadedOn: { zh: '上传日期', en: 'uploaded on' },
  validityRule: { zh: '有效期要求', en: 'validity rule' },
  itemId: { zh: '清单项', en: 'checklist item' },
  state: { zh: '状态', en: 'state' },
  language: { zh: '界面语言', en: 'language' },
  fields: { zh: '采集字段', en: 'captured fields' },
  url: { zh: '网址', en: 'URL' },
  module: { zh: '页面模块', en: 'portal module' },
  id: { zh: '编号', en: 'id' },
  incomeMonths: { zh: '收入证明月数', en: 'income months' },
  leavingDate: { zh: '离职日期', en: 'leaving date' },
  housing: { zh: '住所证明', en: 'housing' },
  changedItems: { zh: '变更事项', en: 'changed items' },
  changeNote: { zh: '变更说明', en: 'change note' },
  highestEducation: { zh: '最高学历', en: 'highest education' },
  hasDegree: { zh: '持有相应学位', en: 'holds the degree' },
  workExperienceMonths: { zh: '工作经历月数', en: 'months of work experience' },
  professionalTitle: { zh: '职称', en: 'professional title' },
  awardWinner: { zh: '获奖人', en: 'award winner' },
  keyOrShortageField: { zh: '重点/紧缺领域', en: 'key or shortage field' },
  socialInsuranceMonths: { zh: '社保缴纳月数', en: 'months of social insurance' },
  incomeTaxMonths: { zh: '个税缴纳月数', en: 'months of income tax' },
  originalRetirementAge: { zh: '原法定退休年龄', en: 'original retirement age' },
  monthlyIncome: { zh: '月应税收入', en: 'monthly taxable income' },
  taxable: { zh: '应税收入金额', en: 'taxable amount' },
  month: { zh: '所属月份', en: 'month' },
  // Settings and messages: without these a refusal showed the raw key (「wageOverrides.#1.monthly：…」).
  label: { zh: '名称', en: 'label' },
  wageOverrides: { zh: '社平工资设置', en: 'wage figures' },
  year: { zh: '年度', en: 'year' },
  monthly: { zh: '月平均工资', en: 'monthly average wage' },
  annual: { zh: '年平均工资', en: 'annual average wage' },
  publishedOn: { zh: '公布日期', en: 'published on' },
  source: { zh: '来源', en: 'source' },
  reminders: { zh: '提醒设置', en: 'reminders' },
  windowOpens: { zh: '续签申请期开始提前提醒工作日', en: 'working days before the renewal window opens' },
  lastSafeDay: { zh: '最晚发起日提前提醒工作日', en: 'working days before the last filing day' },
  documents: { zh: '材料低于有效期要求提前提醒工作日', en: 'working days before a document falls below its rule' },
  firstRunDone: { zh: '首次设置完成', en: 'first run done' },
  title: { zh: '页面标题', en: 'page title' },
  fieldsFound: { zh: '已找到的字段', en: 'fields found' },
  fieldsMissing: { zh: '缺少的字段', en: 'fields missing' },
  reasons: { zh: '识别说明', en: 'reasons' },
  attachments: { zh: '附件列表', en: 'attachments' },
  reportedAt: { zh: '报告时间', en: 'reported at' },
  ruleIds: { zh: '规则编号', en: 'rule ids' },
  entries: { zh: '经历条目', en: 'entries' },
  value: { zh: '值', en: 'value' },
};


function pathLabel(path: ReadonlyArray<PropertyKey>): Bilingual {
  if (path.length === 0) return { zh: '输入', en: 'input' };
  const parts = path.map((p) => (typeof p === 'number' ? `#${p + 1}` : String(p)));
  const last = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  const label = last ? FIELD_LABELS[last] : undefined;
  const where = parts.join('.');
  if (!label) return { zh: where, en: where };
  // The code names (residentId, facts.contractEnd) stay out of the Chinese text; list positions are kept
  // (「随往子女 第 2 项」) because they say which entry is meant.
  const positions = path.filter((p): p is number => typeof p === 'number').map((n) => n + 1);
  return positions.length
    ? { zh: `${label.zh}（第 ${positions.join('、')} 项）`, en: `${label.en} (${where})` }
    : { zh: label.zh, en: label.en };
}

function issueText(issue: z.core.$ZodIssue): Bilingual {
  // Custom messages in this project are written `中文 / English` (see rules/model.ts IsoDate).
  if (issue.message.includes(' / ')) {
    return { zh: pickLang(issue.message, 'zh-CN'), en: pickLang(issue.message, 'en') };
  }
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves `input` out of the final issues, so `input === undefined` alone called every wrong
      // type 「必填」 (a number typed as a name read "姓名：必填"); its message still says what was received.
      if ('input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message)) return { zh: '必填', en: 'is required' };
      if (/received NaN$/.test(issue.message)) return { zh: '不是有效的数字', en: 'is not a valid number' };
      return issue.expected === undefined
        ? { zh: '必填', en: 'is required' }
        : { zh: `类型错误（应为${TYPE_ZH[issue.expected] ?? '其他类型'}）`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_big':
      return { zh: `过长或过大（上限 ${String(issue.maximum)}）`, en: `is too long or too large (max ${String(issue.maximum)})` };
    case 'too_small':
      return { zh: `过短或过小（下限 ${String(issue.minimum)}）`, en: `is too short or too small (min ${String(issue.minimum)})` };
    case 'invalid_format':
      return { zh: '格式不正确', en: 'has an invalid format' };
    case 'invalid_value':
      return {
        zh: `取值无效（可选：${issue.values.map(String).join('、')}）`,
        en: `is not one of ${issue.values.map(String).join(', ')}`,
      };
    case 'unrecognized_keys':
      return { zh: `含有未知字段：${issue.keys.join('、')}`, en: `has unknown fields: ${issue.keys.join(', ')}` };
    case 'invalid_key': {
      // A record key refused by its own schema (e.g. FieldKey's 「字段名无效」): say that, not a bare 「无效」.
      const inner = issue.issues[0];
      return inner ? issueText(inner as z.core.$ZodIssue) : { zh: '字段名无效', en: 'has an invalid key' };
    }
    case 'invalid_union':
      // A discriminated union with no matching `kind`: an unknown message or request type.
      if ('discriminator' in issue || /discriminator/i.test(String((issue as { note?: unknown }).note ?? ''))) {
        return { zh: '类型不受支持', en: 'is not a supported kind' };
      }
      return { zh: '无效', en: 'is invalid' };
    default:
      return { zh: '无效', en: 'is invalid' };
  }
}

/** Turns a ZodError into a StorageError('invalid') whose details name each field in both languages. */
export function fromZodError(error: z.ZodError, what: Bilingual): StorageError {
  const details = error.issues.slice(0, 20).map((issue) => {
    // The `kind` of a discriminated union names a request type, not a document kind (FIELD_LABELS.kind).
    const where = issue.code === 'invalid_union' && 'discriminator' in issue ? { zh: `请求类型（${issue.path.map(String).join('.')}）`, en: `request kind (${issue.path.map(String).join('.')})` } : pathLabel(issue.path);
    const text = issueText(issue);
    return `${where.zh}：${text.zh} / ${where.en}: ${text.en}`;
  });
  const first = details[0] ?? '';
  return new StorageError(
    'invalid',
    {
      zh: `${what.zh}未保存：${pickLang(first, 'zh-CN')}`,
      en: `${what.en} not saved: ${pickLang(first, 'en')}`,
    },
    { details, cause: error },
  );
}

// ---------------------------------------------------------------------------------------------
// IndexedDB / Dexie errors

const DB_MESSAGES: Record<string, [StorageErrorCode, Bilingual]> = {
  QuotaExceededError: [
    'quota',
    {
      zh: '浏览器存储空间不足，本次修改未保存。请导出备份后清理旧数据，或释放磁盘空间后重试。',
      en: 'The browser is out of storage space; this change was not saved. Export a backup and remove old data, or free disk space, then try again.',
    },
  ],
  ConstraintError: [
    'duplicate',
    { zh: '数据重复：已有相同编号或身份证号的记录，本次修改未保存。', en: 'Duplicate: a record with the same id or resident ID exists; nothing was saved.' },
  ],
  VersionError: [
    'version',
    {
      zh: '本机数据库版本比当前扩展新（可能安装过更新版本）。请升级扩展，数据未被改动。',
      en: 'The local database is newer than this version of the extension. Update the extension; your data was not touched.',
    },
  ],
  DatabaseClosedError: [
    'unavailable',
    { zh: '数据库已关闭（可能正在升级），请刷新页面后重试。', en: 'The database is closed (perhaps being upgraded). Reload the page and try again.' },
  ],
  OpenFailedError: [
    'unavailable',
    {
      zh: '无法打开本机数据库（浏览器可能禁用了存储或处于无痕模式）。',
      en: 'Could not open the local database (storage may be disabled or this is a private window).',
    },
  ],
  MissingAPIError: [
    'unavailable',
    { zh: '此环境不支持 IndexedDB，无法保存数据。', en: 'IndexedDB is not available here; data cannot be saved.' },
  ],
  UpgradeError: [
    'version',
    {
      zh: '数据库升级失败，数据保持旧版本未改动。请导出备份并联系维护者。',
      en: 'The database upgrade failed; data was left at the old version. Export a backup and contact the maintainer.',
    },
  ],
};

const TX_MESSAGE: Bilingual = {
  zh: '保存失败：数据库事务被中止，本次修改全部未生效。请重试。',
  en: 'Saving failed: the database transaction was aborted and none of the change took effect. Please try again.',
};

function errorChain(e: unknown): { name: string }[] {
  const out: { name: string }[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    const o = cur as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof o.name === 'string') out.push({ name: o.name });
    cur = o.inner ?? o.cause;
  }
  return out;
}

/** Maps any error to a StorageError (StorageErrors pass through unchanged). */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  // Dexie wraps errors thrown in hooks (e.g. our own 'version' check on open) as `inner`.
  for (let cur: unknown = e, i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    if (cur instanceof StorageError) return cur;
    const o = cur as { inner?: unknown; cause?: unknown };
    cur = o.inner ?? o.cause;
  }
  const names = errorChain(e).map((x) => x.name);
  // The most specific cause wins: an AbortError caused by a full disk is a quota problem.
  for (const name of [...names].reverse()) {
    const hit = DB_MESSAGES[name];
    if (hit) return new StorageError(hit[0], hit[1], { cause: e, reason: name });
  }
  if (names.some((n) => ['AbortError', 'TransactionInactiveError', 'ReadOnlyError', 'InvalidStateError', 'PrematureCommitError', 'TimeoutError', 'DataError', 'InvalidTableError', 'SchemaError', 'SubTransactionError'].includes(n))) {
    return new StorageError('transaction', TX_MESSAGE, { cause: e, reason: names[names.length - 1] });
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new StorageError(
    'unknown',
    { zh: `操作失败：${msg}`, en: `The operation failed: ${msg}` },
    { cause: e },
  );
}

/** The refusal to work on a database written by a newer version of the extension (after a downgrade). */
export const NEWER_DATABASE = (installed: number, supported: number): StorageError =>
  new StorageError(
    'version',
    {
      zh: `本机数据库版本比当前扩展新（数据版本 ${installed}，本扩展支持 ${supported}），可能安装过更新版本。请升级扩展，数据未被改动。`,
      en: `The local database is newer than this version of the extension (data version ${installed}, supported ${supported}). Update the extension; your data was not touched.`,
    },
    { reason: 'newer-database' },
  );

/** A restore or import the agent cancelled before its one transaction committed: it was rolled back whole. */
export const CANCELLED = (): StorageError =>
  new StorageError('cancelled', { zh: '已取消导入，数据库未作任何修改。', en: 'The import was cancelled; nothing was changed.' });

export const NOT_FOUND = (what: Bilingual, id: string): StorageError =>
  new StorageError('not-found', { zh: `${what.zh}不存在（${id}），可能已被删除。`, en: `${what.en} not found (${id}); it may have been deleted.` });
