/**
 * Every rule of rules/, collected from the modules' `RULE_*` exports so that a rule cannot be defined and
 * forgotten here. Each entry: id, guide section, implementing file, severity and a one-line zh/en
 * description. Tests fail if a rule lacks a section, if ids collide, or if README's rules table
 * (between `<!-- rules-table:start -->` and `<!-- rules-table:end -->`) misses a rule.
 */
import type { RuleMeta } from './rule';
import * as calendar from './calendar';
import * as deadlines from './deadlines';
import * as validity from './validity';
import * as wages from './wages';
import * as income from './income';
import * as retirement from './retirement';
import * as eligibility from './eligibility';
import * as fieldRules from './field-rules';
import * as checklist from './checklist';
import * as texts from './texts';
import * as identity from './identity';
import * as localities from './localities';
import * as quarters from './quarters';
import * as scope from './scope';

const MODULES: readonly Record<string, unknown>[] = [
  calendar,
  deadlines,
  validity,
  wages,
  income,
  retirement,
  eligibility,
  fieldRules,
  checklist,
  texts,
  identity,
  localities,
  quarters,
  scope,
];

function isRule(v: unknown): v is RuleMeta {
  return typeof v === 'object' && v !== null && 'id' in v && 'section' in v && 'file' in v && 'description' in v;
}

/** Every rule, in module order then declaration order. */
export const RULES: readonly RuleMeta[] = MODULES.flatMap((m) =>
  Object.entries(m)
    .filter(([name, v]) => name.startsWith('RULE_') && isRule(v))
    .map(([, v]) => v as RuleMeta),
);

/** The rule with `id`, if any. */
export function ruleById(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** The README table: rule → section → file → what it checks (zh / en). */
export function rulesTableMarkdown(): string {
  const rows = RULES.map(
    (r) => `| \`${r.id}\` | ${cell(r.section)} | \`${r.file}\` | ${cell(r.description.zh)} / ${cell(r.description.en)} |`,
  );
  return ['| 规则 Rule | 条款 Section | 文件 File | 检查内容 What it checks |', '|---|---|---|---|', ...rows].join('\n');
}
