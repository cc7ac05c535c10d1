/**
 * zod schemas for every record storage/ keeps and every write it accepts. Rows are `strictObject`s:
 * an unknown field is an error (it catches UI typos and hostile backup files alike). Messages that are
 * ours are written `中文 / English`; errors.ts turns the rest into both languages.
 */
import { z } from 'zod';
import {
  BusinessType,
  CaseStatus,
  Category,
  EducationLevel,
  Gender,
  HolderStatus,
  HousingOption,
  IsoDate,
  PortalModule,
  TickState,
} from '../rules/model';
import { InfoChangeItem } from '../rules/checklist';
import { CategoryGSubcase, MonthlyIncome } from '../rules/income';
import { DocumentKind } from '../rules/validity';
import { TitleLevel } from '../rules/eligibility';
import { WageOverride as RulesWageOverride } from '../rules/wages';
import { CLOSING_SOON_WORKDAYS } from '../rules/deadlines';
import { checkCreditCode, checkResidentId, normalizeCode } from './identity';

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Record ids: random UUIDs made here, or ids from a backup — short, URL-safe, never personal data. */
export const RecordId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, { message: '编号格式无效 / Invalid record id' });

/** A calendar date limited to a plausible range (1900–2199), on top of IsoDate's real-date check. */
export const Day = IsoDate.refine((d) => d >= '1900-01-01' && d <= '2199-12-31', {
  message: '日期超出合理范围（1900–2199） / Date out of range (1900–2199)',
});

/** Timestamps are ISO-8601 UTC strings with milliseconds, e.g. 2026-03-01T08:00:00.000Z (sortable as text). */
export const Timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, { message: '时间戳格式无效 / Invalid timestamp' })
  .refine((s) => !Number.isNaN(Date.parse(s)), { message: '时间戳无效 / Invalid timestamp' });

const trimmed = (max: number) => z.string().trim().max(max);
const required = (max: number) => z.string().trim().min(1, { message: '不能为空 / Must not be empty' }).max(max);

export const LIMITS = {
  name: 50,
  companyName: 200,
  localityOffice: 100,
  phone: 30,
  notes: 10_000,
  note: 2_000,
  kind: 100,
  label: 100,
  itemId: 100,
  capturedValue: 4_000,
  capturedFieldsPerRecord: 500,
  children: 10,
  changeNote: 200,
} as const;

export const PersonName = required(LIMITS.name);

/**
 * A person's name as the agent types or imports it. Refused: a name without any letter (「😀🎉」, 「123」),
 * emoji, control or invisible formatting characters (a NUL, a right-to-left override: they hide in every
 * later copy), and a leading = + - @ (`=cmd|' /C calc'!A0` is a spreadsheet formula waiting in the next
 * CSV export). Everything else a real name or an agent's tag needs stays allowed: 阿依古丽·买买提,
 * Anna-Maria O'Neil, 张伟（研发部）, 员工1 (issue #9's bad-input suite accepted all of the refused ones).
 * Stored rows (and backups) keep the looser {@link PersonName} so files written before stay importable.
 */
// Plain character tests rather than one anchored `^…*$` pattern: on a 10 MB name such a pattern
// overflowed V8's regexp stack (RangeError) before the length limit could answer.
const LETTER = /\p{L}/u;
const EMOJI = /\p{Extended_Pictographic}/u;
const CONTROL = /[\p{Cc}\p{Cf}]/u;
const FORMULA_START = /^[=+\-@]/;
const noControl = (s: string) => !CONTROL.test(s);
export const TypedPersonName = PersonName.refine(
  // Empty and over-long names are left to min/max, which say so more precisely.
  (s) => s.length === 0 || s.length > LIMITS.name || (LETTER.test(s) && !EMOJI.test(s) && noControl(s) && !FORMULA_START.test(s)),
  {
    message:
      '姓名须包含文字，不能含表情符号或控制字符，也不能以 = + - @ 开头（电子表格会当作公式） / A name must contain letters, no emoji or control characters, and must not start with = + - @ (spreadsheets run that as a formula)',
  },
);

/** Free text that must not carry control or invisible formatting characters (e.g. a right-to-left override). */
const NO_CONTROL_MESSAGE = { message: '不能含控制字符或不可见字符 / Must not contain control or invisible characters' };

/** Mobile, landline with area code or extension: digits and + - ( ) space, 5–30 characters. */
export const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+()\- ]{5,30}$/, { message: '电话号码格式无效 / Invalid phone number' });

/** 18-character resident ID (full-width folded, spaces removed, 'X' upper-cased); checked by rules/identity. */
export const ResidentId = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .superRefine((s, ctx) => {
    const r = checkResidentId(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export const CreditCode = z
  .string()
  .max(40)
  .transform(normalizeCode)
  .superRefine((s, ctx) => {
    const r = checkCreditCode(s);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });

export { Gender };

// ---------------------------------------------------------------------------------------------
// Company profile (one row, id 'company')

export const CompanyInput = z.strictObject({
  name: required(LIMITS.companyName).refine(noControl, NO_CONTROL_MESSAGE),
  creditCode: CreditCode,
  localityOffice: trimmed(LIMITS.localityOffice).default(''),
  agentName: trimmed(LIMITS.name).default(''),
  agentPhone: z.union([Phone, z.literal('')]).default(''),
});
export type CompanyInput = z.input<typeof CompanyInput>;

export const CompanyRow = z.strictObject({
  id: z.literal('company'),
  name: required(LIMITS.companyName),
  creditCode: CreditCode,
  localityOffice: trimmed(LIMITS.localityOffice),
  agentName: trimmed(LIMITS.name),
  agentPhone: z.union([Phone, z.literal('')]),
  updatedAt: Timestamp,
});
export type CompanyProfile = z.infer<typeof CompanyRow>;

export const CompanyPatch = z.strictObject({
  name: required(LIMITS.companyName).refine(noControl, NO_CONTROL_MESSAGE).optional(),
  creditCode: CreditCode.optional(),
  localityOffice: trimmed(LIMITS.localityOffice).optional(),
  agentName: trimmed(LIMITS.name).optional(),
  agentPhone: z.union([Phone, z.literal('')]).optional(),
});
export type CompanyPatch = z.input<typeof CompanyPatch>;

// ---------------------------------------------------------------------------------------------
// Employees

export const EmployeeInput = z.strictObject({
  name: TypedPersonName,
  residentId: ResidentId,
  phone: Phone.optional(),
  category: Category.optional(),
  holderStatus: HolderStatus.default('none'),
  permitValidUntil: Day.optional(),
  notes: trimmed(LIMITS.notes).optional(),
});
export type EmployeeInput = z.input<typeof EmployeeInput>;

/** A patch: only the fields to change; `null` clears an optional field. Gender/birth date follow the ID. */
export const EmployeePatch = z.strictObject({
  name: TypedPersonName.optional(),
  residentId: ResidentId.optional(),
  phone: Phone.nullable().optional(),
  category: Category.nullable().optional(),
  holderStatus: HolderStatus.optional(),
  permitValidUntil: Day.nullable().optional(),
  notes: trimmed(LIMITS.notes).nullable().optional(),
});
export type EmployeePatch = z.input<typeof EmployeePatch>;

export const EmployeeRow = z.strictObject({
  id: RecordId,
  name: PersonName,
  residentId: ResidentId,
  /** The ID reversed, indexed: "ID ends with 1234" becomes an index prefix search. */
  residentIdRev: z.string().max(18),
  gender: Gender,
  birthDate: Day,
  phone: Phone.optional(),
  category: Category.optional(),
  holderStatus: HolderStatus,
  permitValidUntil: Day.optional(),
  notes: trimmed(LIMITS.notes).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Employee = z.infer<typeof EmployeeRow>;

// ---------------------------------------------------------------------------------------------
// Cases

export const Child = z.strictObject({
  birthDate: Day,
  name: trimmed(LIMITS.name).optional(),
});

/**
 * The conditional facts the checklist depends on (§六(二)–(六)), named as rules/checklist.ts
 * ChecklistFacts names them (except `children`, kept as birth dates: pass `children.length` to the
 * checklist, the dates to the under-16 check). Every fact is optional: unknown until the agent answers.
 * Patching `facts` merges fact by fact; `null` clears one.
 */
export const CaseFactsShape = {
  category: Category,
  /** §六(二) 7 G: which sub-cases of the shareholder category apply. */
  gSubcases: z.array(CategoryGSubcase).max(3),
  /** §六(二) 6: children listed as 随往子女 (their birth dates decide the under-16 warning). */
  children: z.array(Child).max(LIMITS.children),
  /** §六(二) 6: a divorced applicant with custody adds the divorce papers. */
  divorcedWithCustody: z.boolean(),
  /** §六(二) 4: which of the housing proofs. */
  housing: HousingOption,
  /** §六(二) 4 ①: deed or online purchase contract; owner is the spouse. */
  ownHome: z.strictObject({ document: z.enum(['certificate', 'online-contract']).optional(), ownerIsSpouse: z.boolean().optional() }),
  /** §六(二) 7 A: the system marked the diploma / degree 无效 → verification reports needed. */
  diplomaMarkedInvalid: z.boolean(),
  degreeMarkedInvalid: z.boolean(),
  /** §六(二) 7 B: title obtained by exam (考试) or by review (评审). */
  titleObtainedBy: z.enum(['exam', 'review']),
  /** §六(二) 7 B: senior titles add the appointment notice. */
  titleIsSenior: z.boolean(),
  /** §六(一) 1 (1) ⑥: paid-in capital visible in the public credit systems. */
  paidInCapitalPublic: z.boolean(),
  /** §六(五): the items a personal information change concerns, and the wording stated on submission. */
  changedItems: z.array(InfoChangeItem).max(10),
  changeNote: trimmed(LIMITS.changeNote),
  /** The labour contract's term (§五: contracts need ≥ 6 months left). */
  contractStart: Day,
  contractEnd: Day,
  /** §六(二) 5: income materials for the last 6 or 12 months. */
  incomeMonths: z.union([z.literal(6), z.literal(12)]),
  /** §六(四): leaving date on the old employer's certificate. */
  leavingDate: Day,
  // The applicant pre-check (§一(三), rules/eligibility.ts assessApplicant): what the agent has
  // verified with the applicant. Only the eligibility card reads these; none changes the checklist.
  /** §一(三) 1 A: highest education, whether the matching degree is held, months of work experience. */
  highestEducation: EducationLevel,
  hasDegree: z.boolean(),
  workExperienceMonths: z.number().int().min(0).max(720),
  /** §一(三) 1 B: professional title level. */
  professionalTitle: TitleLevel,
  /** §一(三) 1 C: winner of a recognised award (declared). */
  awardWinner: z.boolean(),
  /** §一(三) 2: the field or post is a key or shortage field (declared). */
  keyOrShortageField: z.boolean(),
  /** §一(三) 4: continuous months of social insurance and of income tax paid by this employer. */
  socialInsuranceMonths: z.number().int().min(0).max(600),
  incomeTaxMonths: z.number().int().min(0).max(600),
  /** §一(三) 3: taxable income per 所属期 month (the last 6 or 12 months are averaged). */
  monthlyIncome: z.array(MonthlyIncome).max(24),
  /** §一(三) 6: a woman's original statutory retirement age (55 cadre / 50 worker). */
  originalRetirementAge: z.union([z.literal(55), z.literal(50)]),
} as const;

type FactKey = keyof typeof CaseFactsShape;
const FACT_KEYS = Object.keys(CaseFactsShape) as FactKey[];

export const CaseFacts = z
  .strictObject(
    Object.fromEntries(FACT_KEYS.map((k) => [k, CaseFactsShape[k].optional()])) as {
      [K in FactKey]: z.ZodOptional<(typeof CaseFactsShape)[K]>;
    },
  )
  .refine((f) => !f.contractStart || !f.contractEnd || f.contractStart <= f.contractEnd, {
    message: '合同结束日期早于开始日期 / The contract ends before it starts',
    path: ['contractEnd'],
  });
export type CaseFacts = z.infer<typeof CaseFacts>;

/** A facts patch: each fact optional, `null` clears it. */
export const CaseFactsPatch = z.strictObject(
  Object.fromEntries(FACT_KEYS.map((k) => [k, CaseFactsShape[k].nullable().optional()])) as {
    [K in FactKey]: z.ZodOptional<z.ZodNullable<(typeof CaseFactsShape)[K]>>;
  },
);
export type CaseFactsPatch = z.input<typeof CaseFactsPatch>;

/** Businesses that belong to the employer, not to one employee (§六(一) 1 (1), §六(六)). */
export const COMPANY_BUSINESSES: ReadonlySet<BusinessType> = new Set(['employer-registration', 'authority-change']);

const caseDates = {
  submittedOn: Day,
  acceptedOn: Day,
  decidedOn: Day,
  permitValidFrom: Day,
  permitValidUntil: Day,
};

function checkCaseDates(c: { submittedOn?: string; acceptedOn?: string; decidedOn?: string; permitValidFrom?: string; permitValidUntil?: string }, ctx: z.RefinementCtx) {
  if (c.submittedOn && c.acceptedOn && c.acceptedOn < c.submittedOn) {
    ctx.addIssue({ code: 'custom', path: ['acceptedOn'], message: '受理日期早于提交日期 / Accepted before it was submitted' });
  }
  if (c.acceptedOn && c.decidedOn && c.decidedOn < c.acceptedOn) {
    ctx.addIssue({ code: 'custom', path: ['decidedOn'], message: '办结日期早于受理日期 / Decided before it was accepted' });
  }
  if (c.permitValidFrom && c.permitValidUntil && c.permitValidUntil <= c.permitValidFrom) {
    ctx.addIssue({ code: 'custom', path: ['permitValidUntil'], message: '证件有效期止早于起 / Permit ends before it starts' });
  }
}

function checkCaseOwner(c: { business: BusinessType; employeeId?: string }, ctx: z.RefinementCtx) {
  if (!COMPANY_BUSINESSES.has(c.business) && !c.employeeId) {
    ctx.addIssue({ code: 'custom', path: ['employeeId'], message: '此业务必须选择员工 / This business needs an employee' });
  }
}

export const CaseInput = z
  .strictObject({
    employeeId: RecordId.optional(),
    business: BusinessType,
    status: CaseStatus.default('draft'),
    submittedOn: caseDates.submittedOn.optional(),
    acceptedOn: caseDates.acceptedOn.optional(),
    decidedOn: caseDates.decidedOn.optional(),
    permitValidFrom: caseDates.permitValidFrom.optional(),
    permitValidUntil: caseDates.permitValidUntil.optional(),
    facts: CaseFacts.default({}),
  })
  .superRefine(checkCaseDates)
  .superRefine(checkCaseOwner);
export type CaseInput = z.input<typeof CaseInput>;

/** A case patch: business and employee are fixed at creation; `facts` merges key by key. */
export const CasePatch = z.strictObject({
  status: CaseStatus.optional(),
  submittedOn: Day.nullable().optional(),
  acceptedOn: Day.nullable().optional(),
  decidedOn: Day.nullable().optional(),
  permitValidFrom: Day.nullable().optional(),
  permitValidUntil: Day.nullable().optional(),
  facts: CaseFactsPatch.optional(),
});
export type CasePatch = z.input<typeof CasePatch>;

export const CaseRow = z
  .strictObject({
    id: RecordId,
    employeeId: RecordId.optional(),
    business: BusinessType,
    status: CaseStatus,
    submittedOn: Day.optional(),
    acceptedOn: Day.optional(),
    decidedOn: Day.optional(),
    permitValidFrom: Day.optional(),
    permitValidUntil: Day.optional(),
    facts: CaseFacts,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .superRefine(checkCaseDates)
  .superRefine(checkCaseOwner);
export type Case = z.infer<typeof CaseRow>;

// ---------------------------------------------------------------------------------------------
// Documents

/** Checklist item ids come from rules/ (e.g. 'new-permit.hukou'); kept to a safe alphabet. */
export const ItemId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, { message: '清单项编号无效 / Invalid checklist item id' });

/** The document kinds of rules/validity.ts; 合同类 kinds (CONTRACT_KINDS) need 6 months, the others 3 (§五). */
export { DocumentKind };

/** The last valid day, or 'long-term' (长期, e.g. an ID card of a holder over 46) which never falls below. */
export const ValidUntil = z.union([Day, z.literal('long-term')]);
export type ValidUntil = z.infer<typeof ValidUntil>;

export const DocumentInput = z.strictObject({
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  kind: DocumentKind,
  /** The checklist item (rules/checklist.ts id) this document is the material of, e.g. 'housing-lease-contract'. */
  itemId: ItemId.optional(),
  /** Free label to tell two documents of one kind apart (e.g. 「租赁合同（亦庄）」). */
  label: trimmed(LIMITS.label).optional(),
  validUntil: ValidUntil.optional(),
  uploadedOn: Day.optional(),
  note: trimmed(LIMITS.note).optional(),
});
export type DocumentInput = z.input<typeof DocumentInput>;

export const DocumentPatch = z.strictObject({
  kind: DocumentKind.optional(),
  label: trimmed(LIMITS.label).nullable().optional(),
  validUntil: ValidUntil.nullable().optional(),
  uploadedOn: Day.nullable().optional(),
  note: trimmed(LIMITS.note).nullable().optional(),
});
export type DocumentPatch = z.input<typeof DocumentPatch>;

export const DocumentRow = z.strictObject({
  id: RecordId,
  /** Set for every document of an employee, also when it belongs to one of their cases (erasure uses it). */
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  kind: DocumentKind,
  /** Set once at creation: the checklist item this document belongs to (the side panel's validity field). */
  itemId: ItemId.optional(),
  label: trimmed(LIMITS.label).optional(),
  validUntil: ValidUntil.optional(),
  uploadedOn: Day.optional(),
  note: trimmed(LIMITS.note).optional(),
  /** Derived: first day the document no longer meets its §五 rule; absent without a date or when long-term. */
  fallsBelowRuleOn: Day.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DocumentRecord = z.infer<typeof DocumentRow>;

// ---------------------------------------------------------------------------------------------
// Checklist ticks

export const TickInput = z.strictObject({
  state: TickState,
  note: trimmed(LIMITS.note).optional(),
});
export type TickInput = z.input<typeof TickInput>;

export const TickRow = z.strictObject({
  caseId: RecordId,
  itemId: ItemId,
  state: TickState,
  note: trimmed(LIMITS.note).optional(),
  updatedAt: Timestamp,
});
export type Tick = z.infer<typeof TickRow>;

// ---------------------------------------------------------------------------------------------
// Notes

export const NoteInput = z
  .strictObject({
    /**
     * Chosen by a composer before its first save, so that a draft replayed after a crash updates the
     * note it already became instead of adding a second one.
     */
    id: RecordId.optional(),
    employeeId: RecordId.optional(),
    caseId: RecordId.optional(),
    text: required(LIMITS.notes),
  })
  .refine((n) => Boolean(n.employeeId || n.caseId), {
    message: '备注必须属于员工或业务 / A note belongs to an employee or a case',
    path: ['employeeId'],
  });
export type NoteInput = z.input<typeof NoteInput>;

export const NoteRow = z.strictObject({
  id: RecordId,
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  text: required(LIMITS.notes),
  /** When the note was written. */
  at: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof NoteRow>;

// ---------------------------------------------------------------------------------------------
// Captured drafts (values the content script read off portal pages)

/** Field keys from the content script's fields.ts. */
export const FieldKey = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{0,63}$/, { message: '字段名无效 / Invalid field key' });

export const CapturedValue = z.strictObject({
  value: z.string().max(LIMITS.capturedValue),
  module: PortalModule.nullable(),
  capturedAt: Timestamp,
});
export type CapturedValue = z.infer<typeof CapturedValue>;

export const CapturedFields = z
  .record(FieldKey, CapturedValue)
  .refine((r) => Object.keys(r).length <= LIMITS.capturedFieldsPerRecord, {
    message: `采集字段过多（上限 ${LIMITS.capturedFieldsPerRecord}） / Too many captured fields (max ${LIMITS.capturedFieldsPerRecord})`,
  });

/**
 * One capture: the values the content script read off a portal page for the employee (and case) in
 * focus — the saveCaptured message and the drafts repository take the same shape.
 */
export const CaptureInput = z.strictObject({
  /** The employee the content script got from getFocusDraft; refused if focus moved since. */
  employeeId: RecordId,
  caseId: RecordId.optional(),
  module: PortalModule.nullable(),
  /** Field key (content script's fields.ts) → the text as shown on the page. */
  fields: z
    .record(FieldKey, CapturedValue.shape.value)
    .refine((r) => Object.keys(r).length <= LIMITS.capturedFieldsPerRecord, {
      message: `一次采集的字段过多（上限 ${LIMITS.capturedFieldsPerRecord}） / Too many fields in one capture (max ${LIMITS.capturedFieldsPerRecord})`,
    }),
});
export type CaptureInput = z.input<typeof CaptureInput>;

export const DraftRow = z.strictObject({
  /** 'employee:<employeeId>' or 'case:<caseId>'. */
  id: z.string().regex(/^(employee|case):[A-Za-z0-9_-]{1,64}$/, { message: '草稿编号无效 / Invalid draft id' }),
  employeeId: RecordId,
  caseId: RecordId.optional(),
  fields: CapturedFields,
  updatedAt: Timestamp,
});
export type Draft = z.infer<typeof DraftRow>;

// ---------------------------------------------------------------------------------------------
// Settings (one row, id 'app') and focus (one row, id 'focus')

export const Language = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof Language>;

/** A wage figure the user entered (rules/wages.ts WageOverride, strict, with a length cap on the source). */
export const WageOverride = z.strictObject({
  ...RulesWageOverride.shape,
  source: z.string().trim().min(1).max(300).optional(),
});
export type WageOverride = z.infer<typeof WageOverride>;

/**
 * How many working days ahead each reminder starts: the renewal window's opening day (0 = on the day),
 * before the recommended last filing day, before a document falls below its §五 rule. The one place
 * these live: the background's daily check, the case book's calendar and the settings page read them
 * here, and backups carry them.
 */
export const ReminderLeads = z.strictObject({
  windowOpens: z.number().int().min(0).max(120),
  lastSafeDay: z.number().int().min(0).max(60),
  documents: z.number().int().min(0).max(120),
});
export type ReminderLeads = z.infer<typeof ReminderLeads>;

/** The defaults: on the day the window opens, 5 working days before the last filing day (rules' "closing soon"), 10 before a document falls below. */
export const DEFAULT_REMINDER_LEADS: ReminderLeads = { windowOpens: 0, lastSafeDay: CLOSING_SOON_WORKDAYS, documents: 10 };

/**
 * Schema 2 stored `reminders` of another design that nothing ever read ({ documentLeadDays,
 * permitLeadWorkingDays, staleCaseDays }); the lead times in force then lived outside the database and
 * are adopted by the background (adoptLegacyReminderLeads). Such a row — in the database or in a
 * backup — reads as the default lead times.
 */
export const StoredReminderLeads = z.preprocess(
  (v) => (typeof v === 'object' && v !== null && 'documentLeadDays' in v ? { ...DEFAULT_REMINDER_LEADS } : v),
  ReminderLeads,
);

export const SettingsShape = {
  language: Language,
  firstRunDone: z.boolean(),
  wageOverrides: z.array(WageOverride).max(100),
  reminders: StoredReminderLeads,
};

export const SettingsRow = z.strictObject({
  id: z.literal('app'),
  ...SettingsShape,
  updatedAt: Timestamp,
});
export type Settings = z.infer<typeof SettingsRow>;

export const SettingsPatch = z.strictObject({
  language: Language.optional(),
  firstRunDone: z.boolean().optional(),
  wageOverrides: SettingsShape.wageOverrides.optional(),
  reminders: ReminderLeads.partial().optional(),
});
export type SettingsPatch = z.input<typeof SettingsPatch>;

export const DEFAULT_SETTINGS: Omit<Settings, 'updatedAt'> = {
  id: 'app',
  language: 'zh-CN',
  firstRunDone: false,
  wageOverrides: [],
  reminders: { ...DEFAULT_REMINDER_LEADS },
};

export const FocusRow = z.strictObject({
  id: z.literal('focus'),
  employeeId: RecordId.optional(),
  caseId: RecordId.optional(),
  at: Timestamp,
});
export type Focus = z.infer<typeof FocusRow>;

// ---------------------------------------------------------------------------------------------
// Audit log

export const AuditTable = z.enum(['company', 'employees', 'cases', 'documents', 'ticks', 'notes', 'drafts', 'settings', 'backup']);
export type AuditTable = z.infer<typeof AuditTable>;

/** What happened: 'erase' is the single entry left after an employee's personal data was deleted. */
export const AuditOp = z.enum(['create', 'update', 'delete', 'erase', 'import']);
export type AuditOp = z.infer<typeof AuditOp>;

/** Who wrote: the side panel / case book ('ui'), the portal content script ('portal'), an import, a migration, the background. */
export const AuditSource = z.enum(['ui', 'portal', 'import', 'migration', 'background']);
export type AuditSource = z.infer<typeof AuditSource>;

const JsonObject = z.record(z.string(), z.unknown());

export const AuditRow = z.strictObject({
  /** Auto-increment: the order entries were written in. */
  id: z.number().int().positive(),
  at: Timestamp,
  table: AuditTable,
  recordId: z.string().max(200),
  op: AuditOp,
  source: AuditSource,
  /** The employee the entry is about, so erasure can find every entry with personal data. */
  employeeId: RecordId.optional(),
  /** Changed fields only, before and after (a create has only `after`, a delete only `before` or nothing). */
  before: JsonObject.optional(),
  after: JsonObject.optional(),
});
export type AuditEntry = z.infer<typeof AuditRow>;
