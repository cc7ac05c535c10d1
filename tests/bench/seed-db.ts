/**
 * Deterministic seeding for the benchmark: N made-up employees with M documents each, from a seeded
 * PRNG (mulberry32), so two runs with the same seed produce the same rows. Names are invented from
 * common characters; resident IDs are valid made-up numbers (rules/identity makeResidentId), Daxing
 * region 110115. Rows are validated with the row schemas and written in one transaction, without
 * per-row audit entries (one entry records the seeding).
 */
import { makeResidentId } from '../../rules/identity';
import { DocumentKind } from '../../rules/validity';
import type { HolderStatus } from '../../rules/model';
import type { JzzDb } from '../../storage/db';
import { addDays } from '../../rules/dates';
import { deriveFallsBelow, deriveFromResidentId } from '../../storage/derive';
import { toStorageError } from '../../storage/errors';
import { DocumentRow, EmployeeRow, type DocumentRecord, type Employee } from '../../storage/schemas';

export interface SeedOptions {
  employees: number;
  documentsPerEmployee: number;
  seed?: number;
  /** Documents' validity dates spread over ±2 years around this day. Default 2026-01-01. */
  around?: string;
  /** Timestamp written on every row. Default 2026-01-01T00:00:00.000Z. */
  at?: string;
}

export interface SeedResult {
  employees: number;
  documents: number;
  ms: number;
}

/** A small, fast, seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强丛华车冉房边辜吉饶刁瞿戚丘古米池滕晋苑邬臧畅宫来嵺苟全褚廉简娄盖符奚木穆党燕郎邸冀谈姬屠连郜晏栾郁商蒙计喻揭窦迟宇敖糜鄢冷卓花艾蓝都巩稽井练仲乐虞卞封竺冼原官衣楚佟栗匡宗应台巫鞠僧桑荆谌银扬明沙薄伏岑习胥保和蔺';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲菊兰凤琴云梅雪丹萌亮宇浩然子轩一诺欣怡梓涵晨曦思远博文嘉怡雨桐佳琪俊杰志强建国文华海燕春梅秋菊冬雪晓东晓峰晓燕晓丽';
const HOLDER: HolderStatus[] = ['none', 'applying', 'holder', 'holder', 'holder', 'suspended', 'expired'];

/** Seeds `employees` × `documentsPerEmployee` rows deterministically into `db` (which should be empty). */
export async function seedBench(db: JzzDb, options: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const rnd = mulberry32(options.seed ?? 20260101);
  const pick = <T>(xs: ArrayLike<T>): T => xs[Math.floor(rnd() * xs.length)];
  const around = options.around ?? '2026-01-01';
  const at = options.at ?? '2026-01-01T00:00:00.000Z';
  const kinds = DocumentKind.options;
  const employees: Employee[] = [];
  const documents: DocumentRecord[] = [];
  const usedIds = new Set<string>();
  for (let i = 0; i < options.employees; i++) {
    let residentId: string;
    do {
      const birth = addDays('1965-01-01', Math.floor(rnd() * 365 * 38));
      residentId = makeResidentId({ region: '110115', birthDate: birth, sequence: Math.floor(rnd() * 1000) });
    } while (usedIds.has(residentId));
    usedIds.add(residentId);
    const id = `bench-e${String(i).padStart(6, '0')}`;
    const holderStatus = pick(HOLDER);
    const e: Employee = {
      id,
      name: pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.5 ? pick(GIVEN) : ''),
      ...deriveFromResidentId(residentId),
      phone: `13${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`,
      holderStatus,
      ...(holderStatus === 'holder' ? { permitValidUntil: addDays(around, Math.floor(rnd() * 1095)) } : {}),
      createdAt: at,
      updatedAt: at,
    };
    employees.push(EmployeeRow.parse(e));
    for (let j = 0; j < options.documentsPerEmployee; j++) {
      const kind = pick(kinds);
      const validUntil = rnd() < 0.1 ? 'long-term' : addDays(around, Math.floor(rnd() * 1460) - 730);
      const d: DocumentRecord = {
        id: `bench-d${String(i).padStart(6, '0')}-${String(j).padStart(3, '0')}`,
        employeeId: id,
        kind,
        validUntil,
        uploadedOn: addDays(around, -Math.floor(rnd() * 365)),
        createdAt: at,
        updatedAt: at,
      };
      const due = deriveFallsBelow(kind, validUntil);
      if (due) d.fallsBelowRuleOn = due;
      documents.push(DocumentRow.parse(d));
    }
  }
  try {
    await db.transaction('rw', db.employees, db.documents, db.audit, async () => {
      await db.employees.bulkAdd(employees);
      await db.documents.bulkAdd(documents);
      await db.audit.add({
        at,
        table: 'backup',
        recordId: 'bench-seed',
        op: 'import',
        source: 'background',
        after: { employees: employees.length, documents: documents.length, seed: options.seed ?? 20260101 },
      });
    });
  } catch (e) {
    throw toStorageError(e);
  }
  return { employees: employees.length, documents: documents.length, ms: performance.now() - started };
}
