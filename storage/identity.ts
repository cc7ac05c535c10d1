/**
 * The one place storage/ gets identity checks from: rules/identity.ts (GB 11643 resident IDs,
 * GB 32100 credit codes). No checksum is implemented in storage/; this adapter only turns the rules'
 * verdicts into what zod refinements and derived fields need.
 */
import { beijingDate } from '../rules/dates';
import type { Gender, IsoDate } from '../rules/model';
import {
  checkCreditCode as rulesCheckCreditCode,
  checkResidentId as rulesCheckResidentId,
  normalizeCode,
} from '../rules/identity';

export { normalizeCode };

export type IdentityVerdict<T = object> = ({ ok: true; normalized: string } & T) | { ok: false; message: string };

function firstProblem(findings: readonly { passed: boolean; message: { zh: string; en: string } }[]): { zh: string; en: string } {
  return findings.find((f) => !f.passed)?.message ?? { zh: '无效', en: 'invalid' };
}

/** A resident ID's verdict with its birth date and gender; birth dates after today (Beijing) are refused. */
export function checkResidentId(id: string, now: Date = new Date()): IdentityVerdict<{ birthDate: IsoDate; gender: Gender }> {
  const r = rulesCheckResidentId(id, beijingDate(now));
  if (r.ok && r.birthDate && r.gender) return { ok: true, normalized: r.normalized, birthDate: r.birthDate, gender: r.gender };
  const p = firstProblem(r.findings);
  return { ok: false, message: `身份证号无效：${p.zh} / Invalid resident ID: ${p.en}` };
}

/** A unified social credit code's verdict. */
export function checkCreditCode(code: string): IdentityVerdict {
  const r = rulesCheckCreditCode(code);
  if (r.ok) return { ok: true, normalized: r.normalized };
  const p = firstProblem(r.findings);
  return { ok: false, message: `统一社会信用代码无效：${p.zh} / Invalid unified social credit code: ${p.en}` };
}
