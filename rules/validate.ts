/**
 * Input validation for every exported rule function: zod schemas parsed with a bilingual error map,
 * so an invalid input throws a `z.ZodError` whose messages read "中文 / English" — never a wrong answer.
 * Messages written on a schema itself (e.g. the IsoDate refinement) take precedence over this map.
 */
import { z } from 'zod';

/** zod's type names in Chinese (also used by storage/errors.ts): a refusal must not read 「应为 string」. */
export const TYPE_ZH: Readonly<Record<string, string>> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  date: '日期',
  bigint: '整数',
  null: '空值',
  undefined: '空值',
};

function where(path: readonly PropertyKey[] | undefined): { zh: string; en: string } {
  if (!path || path.length === 0) return { zh: '输入', en: 'input' };
  const p = path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
  return { zh: `字段「${p}」`, en: `field "${p}"` };
}

function received(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input;
}

/** Capitalises the English half so every message reads "中文 / English …". */
function capitaliseEnglish(message: string): string {
  const i = message.indexOf(' / ');
  return i < 0 ? message : message.slice(0, i + 3) + message.charAt(i + 3).toUpperCase() + message.slice(i + 4);
}

/** The per-parse error map: one bilingual message per zod issue code. */
export function bilingualIssueMessage(iss: z.core.$ZodRawIssue): string {
  return capitaliseEnglish(rawMessage(iss));
}

function rawMessage(iss: z.core.$ZodRawIssue): string {
  const w = where(iss.path);
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return `缺少必填项：${w.zh} / Missing required ${w.en}`;
      const exp = String(iss.expected);
      return `${w.zh}类型无效，应为${TYPE_ZH[exp] ?? exp} / Invalid type for ${w.en}: expected ${exp}, received ${received(iss.input)}`;
    }
    case 'too_small': {
      const min = String(iss.minimum);
      if (iss.origin === 'string') {
        return min === '1'
          ? `${w.zh}不能为空 / ${w.en} must not be empty`
          : `${w.zh}至少需要 ${min} 个字符 / ${w.en} needs at least ${min} characters`;
      }
      if (iss.origin === 'array' || iss.origin === 'set') {
        return `${w.zh}至少需要 ${min} 项 / ${w.en} needs at least ${min} item(s)`;
      }
      return iss.inclusive
        ? `${w.zh}不能小于 ${min} / ${w.en} must be at least ${min}`
        : `${w.zh}必须大于 ${min} / ${w.en} must be greater than ${min}`;
    }
    case 'too_big': {
      const max = String(iss.maximum);
      if (iss.origin === 'string') return `${w.zh}最多 ${max} 个字符 / ${w.en} allows at most ${max} characters`;
      if (iss.origin === 'array' || iss.origin === 'set') return `${w.zh}最多 ${max} 项 / ${w.en} allows at most ${max} item(s)`;
      return iss.inclusive
        ? `${w.zh}不能大于 ${max} / ${w.en} must be at most ${max}`
        : `${w.zh}必须小于 ${max} / ${w.en} must be less than ${max}`;
    }
    case 'invalid_value': {
      const values = iss.values.map((v) => JSON.stringify(v)).join(', ');
      return `${w.zh}取值无效，应为以下之一：${values} / Invalid value for ${w.en}: expected one of ${values}`;
    }
    case 'invalid_format':
      return `${w.zh}格式无效（${iss.format}） / Invalid format for ${w.en} (${iss.format})`;
    case 'not_multiple_of':
      return `${w.zh}必须是 ${String(iss.divisor)} 的整数倍 / ${w.en} must be a multiple of ${String(iss.divisor)}`;
    case 'unrecognized_keys':
      return `${w.zh}含有未知字段：${iss.keys.join(', ')} / ${w.en} has unknown key(s): ${iss.keys.join(', ')}`;
    case 'invalid_union':
      return `${w.zh}不符合任何允许的形式 / ${w.en} matches none of the allowed forms`;
    default:
      return `${w.zh}无效 / Invalid ${w.en}`;
  }
}

/**
 * Parses `input` with `schema`, throwing a `z.ZodError` with bilingual messages when it is invalid.
 * Every exported rule function calls this on its arguments before computing anything.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  return schema.parse(input, { error: bilingualIssueMessage });
}

/** Like {@link parseInput} but returns zod's safe-parse result instead of throwing. */
export function safeParseInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(input, { error: bilingualIssueMessage });
}

/** A non-negative amount of money in CNY (yuan, may carry fen). */
export const Money = z.number().finite().nonnegative();

/** A non-empty trimmed text. */
export const NonEmptyText = z.string().trim().min(1);
