/**
 * The shape of a rule and of what it finds, in the spirit of OpenFisca / json-rules-engine:
 * every rule has a stable id, the guide section it cites, a severity and a one-line description;
 * every finding names its rule, says whether it passed, explains itself in zh and en, and records
 * the facts it used so that the UI can show why.
 */
import type { Bilingual, Severity } from './model';

/**
 * The "section" of a rule or finding that is the assistant's own suggestion, not the guide's (issue #14 4.9):
 * shown as 助手建议 and never with a § citation. Everything else cites the guide section that says it.
 */
export const ADVICE = '助手建议';

/** True when a rule or finding is the assistant's suggestion rather than the guide's. */
export function isAdvice(x: { readonly section: string }): boolean {
  return x.section === ADVICE;
}

/** Metadata of one rule; `file` is the module under rules/ that implements it. */
export interface RuleMeta {
  /** Stable kebab-case id; stored by other code, never renamed. */
  readonly id: string;
  /**
   * Guide section(s) cited, e.g. `§六(三)` or `§提示 特别注意 4, §六(三)` (§提示 has two numbered lists:
   * `§提示 特点 N` for the system's features, `§提示 特别注意 N` for the points to watch); or {@link ADVICE}.
   */
  readonly section: string;
  /** Implementing file, e.g. `rules/deadlines.ts`. */
  readonly file: string;
  /** Severity of a failed finding. */
  readonly severity: Severity;
  /** One line saying what the rule checks. */
  readonly description: Bilingual;
}

/** One rule's verdict on one set of facts. */
export interface Finding {
  readonly ruleId: string;
  readonly section: string;
  /** The rule's severity; meaningful when `passed` is false. */
  readonly severity: Severity;
  readonly passed: boolean;
  readonly message: Bilingual;
  /** The facts the rule used (dates, amounts, thresholds) so the finding can explain itself. */
  readonly facts: Readonly<Record<string, unknown>>;
}

/** Declares a rule; kept as a plain identity so that registry.ts can list the very objects the code uses. */
export function defineRule<const T extends RuleMeta>(meta: T): T {
  return meta;
}

/** Shorthand for a bilingual text. */
export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** Builds a finding of `rule`; `severity` defaults to the rule's own. */
export function finding(
  rule: RuleMeta,
  passed: boolean,
  message: Bilingual,
  facts: Record<string, unknown>,
  severity: Severity = rule.severity,
): Finding {
  return { ruleId: rule.id, section: rule.section, severity, passed, message, facts };
}

/** `zh / en` in one line, the format of every thrown message. */
export function joinBilingual(b: Bilingual): string {
  return `${b.zh} / ${b.en}`;
}

/**
 * The state of one condition: 'met' / 'not-met' from facts, 'unknown' when a needed fact is missing,
 * 'attested' when the user declares it (the guide leaves it to the applicant's or employer's word,
 * e.g. the prohibited-industry catalogue). 'attested' counts as satisfied, 'unknown' never does.
 */
export type ConditionStatus = 'met' | 'not-met' | 'unknown' | 'attested';

/** Combines conditions that must all hold: any not-met → not-met; else any unknown → unknown. */
export function allOf(statuses: readonly ConditionStatus[]): ConditionStatus {
  if (statuses.includes('not-met')) return 'not-met';
  if (statuses.includes('unknown')) return 'unknown';
  if (statuses.includes('attested')) return 'attested';
  return 'met';
}

/** Combines alternatives: any met/attested → that; else any unknown → unknown; else not-met. */
export function anyOf(statuses: readonly ConditionStatus[]): ConditionStatus {
  if (statuses.includes('met')) return 'met';
  if (statuses.includes('attested')) return 'attested';
  if (statuses.includes('unknown')) return 'unknown';
  return 'not-met';
}
