/**
 * Education levels with the words the portal's 教育信息 form uses (§六(一) 2 ②), their order, and a schema
 * that accepts either the enum value or the Chinese label.
 */
import { z } from 'zod';
import { EducationLevel } from './model';

/** zh label (as on the portal) and en label of each level. */
export const EDUCATION_LEVEL_LABELS: Readonly<Record<EducationLevel, { zh: string; en: string }>> = {
  'junior-high': { zh: '初中', en: 'Junior high school' },
  'high-school': { zh: '高中', en: 'Senior high school' },
  'secondary-vocational': { zh: '中专', en: 'Secondary vocational school' },
  'junior-college': { zh: '大专', en: 'Junior college' },
  bachelor: { zh: '本科', en: "Bachelor's" },
  master: { zh: '硕士研究生', en: "Master's" },
  doctor: { zh: '博士研究生', en: 'Doctorate' },
};

/** Order of levels; 高中 and 中专 share a rank (either starts the history). */
export const EDUCATION_RANK: Readonly<Record<EducationLevel, number>> = {
  'junior-high': 0,
  'high-school': 1,
  'secondary-vocational': 1,
  'junior-college': 2,
  bachelor: 3,
  master: 4,
  doctor: 5,
};

/** Other spellings people type for the same levels. */
const ALIASES: Readonly<Record<string, EducationLevel>> = {
  普通高中: 'high-school',
  中等专业学校: 'secondary-vocational',
  专科: 'junior-college',
  大学专科: 'junior-college',
  高职: 'junior-college',
  大学本科: 'bachelor',
  硕士: 'master',
  研究生: 'master',
  硕士研究生: 'master',
  博士: 'doctor',
  博士研究生: 'doctor',
};

const BY_LABEL: ReadonlyMap<string, EducationLevel> = new Map<string, EducationLevel>([
  ...Object.entries(EDUCATION_LEVEL_LABELS).map(([k, v]) => [v.zh, k as EducationLevel] as const),
  ...Object.entries(ALIASES),
]);

/** Turns an enum value or a Chinese label into the enum value; undefined when unknown. */
export function toEducationLevel(s: string): EducationLevel | undefined {
  const t = s.trim();
  if ((EducationLevel.options as readonly string[]).includes(t)) return t as EducationLevel;
  return BY_LABEL.get(t.replace(/\s+/g, ''));
}

/** Accepts 'bachelor' or '本科' (and the aliases 大学本科, 硕士, 博士 …); outputs the enum value. */
export const EducationLevelInput = z.string().transform((s, ctx): EducationLevel => {
  const level = toEducationLevel(s);
  if (!level) {
    ctx.addIssue({
      code: 'custom',
      message: `学历层次无效：「${s}」，应为 高中、中专、大专、本科、硕士研究生、博士研究生 之一 / Unknown education level "${s}"`,
    });
    return z.NEVER;
  }
  return level;
});
