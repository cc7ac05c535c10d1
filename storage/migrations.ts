/**
 * Data migrations run by Dexie inside the version-change transaction: if one throws, the whole
 * upgrade is rolled back and the database stays at the old version, untouched.
 */
import type { Transaction } from 'dexie';
import { isIsoDate } from '../rules/model';
import { DocumentKind } from '../rules/validity';
import { deriveFallsBelow, reverseString } from './derive';
import { checkResidentId, normalizeCode } from './identity';
import { DEFAULT_SETTINGS } from './schemas';

type Row = Record<string, unknown>;

/** v1's fact names → rules/checklist.ts ChecklistFacts names. */
const V1_FACTS: Record<string, string> = {
  housingOption: 'housing',
  titleBy: 'titleObtainedBy',
  seniorTitle: 'titleIsSenior',
  changedItem: 'changeNote',
};

/** v1's short document kind names → the kinds of rules/validity.ts. */
const V1_KINDS: Record<string, DocumentKind> = {
  'id-card': 'resident-id-card',
  'residence-permit': 'beijing-residence-permit',
  qualification: 'qualification-certificate',
  licence: 'business-licence',
  contract: 'labour-contract',
  lease: 'lease-contract',
  other: 'other',
};

/** Birth date and gender straight from the ID's digits, for a v1 row the v2 validator would refuse. */
function rawIdFields(id: string): { birthDate?: string; gender?: 'male' | 'female' } {
  const b = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  const g = Number(id.charAt(16));
  return {
    birthDate: isIsoDate(b) ? b : undefined,
    gender: Number.isInteger(g) && id.length >= 17 ? (g % 2 === 1 ? 'male' : 'female') : undefined,
  };
}

/**
 * v1 → v2: store the fields v1 derived on every read, rename v1's document kinds and case facts to
 * rules/validity.ts's and rules/checklist.ts's names,
 * add `fallsBelowRuleOn` to documents (now indexed), give a case's documents their employee's id, fill
 * new fields with their defaults.
 * Nothing is dropped: every v1 row and field survives (the migration test checks it).
 */
export async function migrateV1ToV2(tx: Transaction): Promise<void> {
  await tx
    .table('employees')
    .toCollection()
    .modify((e: Row) => {
      const id = normalizeCode(String(e.residentId));
      e.residentId = id;
      e.residentIdRev = reverseString(id);
      const r = checkResidentId(id);
      const derived = r.ok ? { birthDate: r.birthDate, gender: r.gender } : rawIdFields(id);
      if (derived.birthDate) e.birthDate = derived.birthDate;
      if (derived.gender) e.gender = derived.gender;
    });

  const caseOwner = new Map<string, string>();
  await tx
    .table('cases')
    .toCollection()
    .modify((c: Row) => {
      if (!c.facts || typeof c.facts !== 'object') c.facts = {};
      const facts = c.facts as Row;
      for (const [from, to] of Object.entries(V1_FACTS)) {
        if (from in facts) {
          facts[to] = facts[from];
          delete facts[from];
        }
      }
      if (typeof c.employeeId === 'string') caseOwner.set(String(c.id), c.employeeId);
    });

  await tx
    .table('documents')
    .toCollection()
    .modify((d: Row) => {
      const kind = V1_KINDS[String(d.kind)] ?? (DocumentKind.safeParse(d.kind).success ? (d.kind as DocumentKind) : 'other');
      if (kind !== d.kind) {
        // Keep the v1 name where the agent can still see it if it was not one we know.
        if (!(String(d.kind) in V1_KINDS) && d.kind) d.label ??= String(d.kind).slice(0, 100);
        d.kind = kind;
      }
      if (d.validUntil === '长期') d.validUntil = 'long-term';
      const due = typeof d.validUntil === 'string' ? deriveFallsBelow(kind, d.validUntil) : undefined;
      if (due) d.fallsBelowRuleOn = due;
      if (!d.employeeId && typeof d.caseId === 'string' && caseOwner.has(d.caseId)) {
        d.employeeId = caseOwner.get(d.caseId);
      }
    });

  await tx
    .table('notes')
    .toCollection()
    .modify((n: Row) => {
      if (!n.updatedAt) n.updatedAt = n.at;
    });

  await tx
    .table('audit')
    .toCollection()
    .modify((a: Row) => {
      if (!a.source) a.source = 'ui';
    });

  await tx
    .table('settings')
    .toCollection()
    .modify((s: Row) => {
      if (s.language === 'zh') s.language = 'zh-CN';
      if (!s.reminders) s.reminders = { ...DEFAULT_SETTINGS.reminders };
      if (!Array.isArray(s.wageOverrides)) s.wageOverrides = [];
    });
}
