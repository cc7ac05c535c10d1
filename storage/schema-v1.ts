/**
 * Schema version 1, kept verbatim so Dexie can upgrade databases written by it and so the migration
 * test can create a real v1 database. Never edit: a shipped schema is history.
 *
 * v1 differed from v2 (see migrations.ts):
 * - employees had no stored gender / birth date / reversed ID (derived on every read), IDs could end in 'x';
 * - cases could lack `facts`, and named some facts differently (housingOption, titleBy, seniorTitle, changedItem);
 * - documents used short kind names ('id-card', 'contract', 'lease', …), wrote 长期 for long-term validity, had
 *   no `fallsBelowRuleOn` (so "falls below within N days" was a full scan), and a case's document did not
 *   carry its employee's id;
 * - notes had no `updatedAt`; audit entries had no `source`;
 * - settings.language was 'zh' | 'en'; there were no reminders, drafts or focus tables.
 */
export const STORES_V1 = {
  company: 'id',
  employees: 'id, &residentId, name, holderStatus',
  cases: 'id, employeeId, status, business',
  documents: 'id, employeeId, caseId, validUntil',
  ticks: '[caseId+itemId], caseId',
  notes: 'id, employeeId, caseId, at',
  audit: '++id, [table+recordId], employeeId, at',
  settings: 'id',
} as const;

export interface CompanyV1 {
  id: 'company';
  name: string;
  creditCode: string;
  localityOffice: string;
  agentName: string;
  agentPhone: string;
  updatedAt: string;
}

export interface EmployeeV1 {
  id: string;
  name: string;
  residentId: string;
  phone?: string;
  category?: string;
  holderStatus: string;
  permitValidUntil?: string;
  notes?: string;
  createdAt: string;
  updatedAt: string;
}

export interface CaseV1 {
  id: string;
  employeeId?: string;
  business: string;
  status: string;
  submittedOn?: string;
  acceptedOn?: string;
  decidedOn?: string;
  permitValidFrom?: string;
  permitValidUntil?: string;
  facts?: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface DocumentV1 {
  id: string;
  employeeId?: string;
  caseId?: string;
  /** 'id-card' | 'residence-permit' | 'qualification' | 'licence' | 'contract' | 'lease' | 'other' */
  kind: string;
  validUntil?: string;
  uploadedOn?: string;
  note?: string;
  createdAt: string;
  updatedAt: string;
}

export interface TickV1 {
  caseId: string;
  itemId: string;
  state: string;
  note?: string;
  updatedAt: string;
}

export interface NoteV1 {
  id: string;
  employeeId?: string;
  caseId?: string;
  text: string;
  at: string;
}

export interface AuditV1 {
  id?: number;
  at: string;
  table: string;
  recordId: string;
  op: string;
  employeeId?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export interface SettingsV1 {
  id: 'app';
  language: 'zh' | 'en';
  firstRunDone: boolean;
  wageOverrides: { year: number; monthly: number; annual?: number; publishedOn: string; source?: string }[];
  updatedAt: string;
}

export interface DumpV1 {
  company: CompanyV1[];
  employees: EmployeeV1[];
  cases: CaseV1[];
  documents: DocumentV1[];
  ticks: TickV1[];
  notes: NoteV1[];
  audit: AuditV1[];
  settings: SettingsV1[];
}
