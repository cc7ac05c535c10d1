/**
 * The questions the portal's content script asks about facts it read off a page, and their answers
 * from the rules. A portal feature asks with `{ kind, …facts }`; the background parses the question
 * with {@link PortalQuestions} and answers with {@link answerPortalQuestion}. Adding a question: add
 * its schema to PortalQuestion and its case to answerPortalQuestion, beside the rule that answers it.
 * The content script imports only the types (its bundle carries no zod and no rules/).
 */
import { z } from 'zod';
import type { Bilingual, IsoDate } from './model';
import type { Finding } from './rule';
import { checkEducationHistory, checkInfoChangeNote, checkPermissionRequest, checkWorkHistory, RULE_WORK_BEFORE_CONTRACT } from './field-rules';
import { checkValidity, childAgeOk, DocumentKind, readValidUntil } from './validity';
import { checkCreditCode, checkMobile, checkResidentId } from './identity';
import { IntendedBusiness, permissionRequestOpinion } from './texts';

const Text = (max: number) => z.string().max(max);
/** A date as read off the page: `yyyy-MM-dd` or `yyyy-MM`; the rules parse it (and refuse nonsense). */
const PageDate = Text(20);

/** One question about facts read off the page. */
export const PortalQuestion = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('education'),
    entries: z.array(z.strictObject({ level: Text(40), school: Text(200).optional(), start: PageDate, end: PageDate })).max(30),
  }),
  z.strictObject({
    kind: z.literal('work'),
    entries: z.array(z.strictObject({ employer: Text(200), position: Text(100).optional(), start: PageDate, end: PageDate })).max(50),
    /** The labour contract's start; without it the "before the contract" finding is left out. */
    contractStart: PageDate.optional(),
    /**
     * Take the contract's start from the case in focus (or its captured value) in the background: the date
     * is personal data and never goes to the page (issue #20), so those findings come back without it.
     */
    contractFromFocus: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('residentId'), value: Text(40) }),
  z.strictObject({ kind: z.literal('creditCode'), value: Text(40) }),
  z.strictObject({ kind: z.literal('mobile'), value: Text(40) }),
  z.strictObject({
    kind: z.literal('validity'),
    document: DocumentKind.extract(['resident-id-card', 'beijing-residence-permit', 'labour-contract', 'lease-contract', 'other-contract', 'other']),
    /** The last valid day as typed or printed (an ID card's range 「2015.03.07-2035.03.07」), or 长期. */
    validUntil: Text(40),
  }),
  z.strictObject({ kind: z.literal('childAge'), birthDate: PageDate }),
  z.strictObject({ kind: z.literal('infoChange'), note: Text(2000) }),
  z.strictObject({ kind: z.literal('permission'), permitType: Text(100), authority: Text(100), opinion: Text(2000) }),
  z.strictObject({ kind: z.literal('permissionOpinion'), intended: z.array(IntendedBusiness).max(4) }),
]);
export type PortalQuestion = z.input<typeof PortalQuestion>;

/** A batch of questions (one message per burst of checks). */
export const PortalQuestions = z.array(PortalQuestion).max(200);

/** The answer to one question. `invalid`: the page's value could not be read as the rule needs it. */
export interface PortalAnswer {
  ok: boolean;
  findings: Finding[];
  invalid?: Bilingual;
  /** validity: the day the document must at least be valid until (§五). */
  mustBeValidUntil?: string;
  monthsRequired?: number;
  /** childAge: age in full years today. */
  age?: number;
  /** permissionOpinion: the suggested opinion text. */
  text?: string;
  /** work with contractFromFocus: where the contract's start came from (the date itself stays in the background). */
  contractFrom?: 'case' | 'captured';
}

/** What the answers may use besides the page's facts. */
export interface PortalQuestionContext {
  /** Today in Beijing. */
  today: IsoDate;
  /** The company profile's name, for the permission opinion. */
  companyName?: string;
}

/** A date beyond any contract: stands in when the contract start is unknown (the finding it feeds is dropped). */
const NO_CONTRACT_START = '2199-12-31';


/** A rules input error ("中文 / English") as a bilingual text. */
function invalidOf(e: unknown): Bilingual {
  const issues = (e as { issues?: { message?: string }[] })?.issues;
  const raw = issues?.[0]?.message ?? (e instanceof Error ? e.message : String(e));
  const [zh, en] = raw.split(' / ');
  return { zh, en: en ?? zh };
}

/** Findings as plain data (they cross a message boundary). */
const plain = (findings: readonly Finding[]): Finding[] => findings.map((f) => ({ ...f, facts: { ...f.facts } }));

/** Answers one (parsed) question with the rules, judged on `ctx.today`. Never throws: bad input → `invalid`. */
export function answerPortalQuestion(q: z.output<typeof PortalQuestion>, ctx: PortalQuestionContext): PortalAnswer {
  const { today } = ctx;
  try {
    switch (q.kind) {
      case 'education': {
        const v = checkEducationHistory(q.entries);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'work': {
        const v = checkWorkHistory(q.entries, q.contractStart || NO_CONTRACT_START);
        const findings = q.contractStart ? v.findings : v.findings.filter((f) => f.ruleId !== RULE_WORK_BEFORE_CONTRACT.id);
        return { ok: !findings.some((f) => !f.passed && f.severity === 'error'), findings: plain(findings) };
      }
      case 'residentId': {
        const v = checkResidentId(q.value, today);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'creditCode': {
        const v = checkCreditCode(q.value);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'mobile': {
        const v = checkMobile(q.value);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'validity': {
        // Every spelling of 长期 (rules/validity.ts LONG_TERM_SPELLINGS); none of these kinds is the permit itself.
        const { document: kind } = q;
        const field = kind.endsWith('contract') ? 'contract' : 'document';
        const read = readValidUntil(q.validUntil, field);
        if (read.kind === 'invalid') return { ok: false, findings: [], invalid: read.message };
        if (read.kind === 'empty') return { ok: false, findings: [], invalid: { zh: '有效期为空', en: 'The validity is empty' } };
        const v = checkValidity({ kind: q.document, validUntil: read.kind === 'long-term' ? 'long-term' : read.date }, today);
        return { ok: v.ok, findings: plain(v.findings), mustBeValidUntil: v.mustBeValidUntil, monthsRequired: v.monthsRequired };
      }
      case 'childAge': {
        const v = childAgeOk(q.birthDate, today);
        return { ok: v.ok, findings: plain(v.findings), age: v.age };
      }
      case 'infoChange': {
        const v = checkInfoChangeNote(q.note);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'permission': {
        const v = checkPermissionRequest(q);
        return { ok: v.ok, findings: plain(v.findings) };
      }
      case 'permissionOpinion': {
        const intended = q.intended.length ? q.intended : (['new-permit', 'employer-change'] as const);
        return { ok: true, findings: [], text: permissionRequestOpinion({ intended: [...intended], ...(ctx.companyName ? { companyName: ctx.companyName } : {}) }) };
      }
    }
  } catch (e) {
    return { ok: false, findings: [], invalid: invalidOf(e) };
  }
}
