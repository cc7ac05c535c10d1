/**
 * The locality offices (属地部门) of §二, to which the employer sends the stamped status form (§提示) and
 * which do the first review (§一(一), §八).
 *
 * Copied from the guide's table with the PDF extraction repaired: names, addresses and e-mail addresses
 * broken across lines are joined (`lkqdzbgs@bjdx.g` + `ov.cn` → `lkqdzbgs@bjdx.gov.cn`, 临空区管委 + 会 →
 * 临空区管委会), and the spaces the PDF put between Chinese and digits/letters ("天和西路 19 号", "D 座")
 * are removed. The guide's table lists 21 offices (the project brief and the digest said 22; the guide wins —
 * a test pins the count to the guide).
 */
import { z } from 'zod';
import { defineRule } from './rule';
import { parseInput } from './validate';

export const RULE_LOCALITY_DIRECTORY = defineRule({
  id: 'locality-directory',
  section: '§二',
  file: 'rules/localities.ts',
  severity: 'info',
  description: {
    zh: '各属地部门通讯地址、联系电话及邮箱（情况表报送对象）',
    en: 'Address, phones and e-mail of each locality office (where the status form goes)',
  },
});

/** One locality office. */
export interface Locality {
  readonly name: string;
  readonly address: string;
  /** 8-digit Beijing landline numbers (area code 010 omitted, as in the guide). */
  readonly phones: readonly string[];
  readonly email: string;
}

/** The offices in the guide's order (§二). */
export const LOCALITIES: readonly Locality[] = [
  { name: '临空区管委会', address: '大兴区榆垡镇临空经济创业发展中心D座', phones: ['81699506'], email: 'lkqdzbgs@bjdx.gov.cn' },
  { name: '机场办', address: '大兴区榆垡镇临空经济创业发展中心D座', phones: ['89277061'], email: 'jcb@bjdx.gov.cn' },
  { name: '生物医药基地', address: '大兴区天和西路19号生物医药基地管委会人才服务中心', phones: ['61251975'], email: 'yyjdrccxzx@bjdx.gov.cn' },
  { name: '大兴经开区', address: '大兴经开区管委会科苑路9号营商服务部', phones: ['60216455', '60216637'], email: 'dxjkqfw@bjdx.gov.cn' },
  { name: '黄村镇', address: '大兴区黄村镇人民政府经济发展办公室510', phones: ['69243428'], email: 'hczjjfzb@bjdx.gov.cn' },
  { name: '北臧村镇', address: '大兴区生物医药产业基地天荣街8号北臧村镇综合行政服务中心一层', phones: ['61256301', '61256302'], email: 'bzcdzb@bjdx.gov.cn' },
  { name: '庞各庄镇', address: '大兴区庞各庄镇政务服务中心', phones: ['89282685'], email: 'pgzsbs@bjdx.gov.cn' },
  { name: '榆垡镇', address: '大兴区榆垡镇临空创业发展中心B座一层政务服务中心', phones: ['89291890'], email: 'yfzsbs@bjdx.gov.cn' },
  { name: '礼贤镇', address: '大兴区礼贤镇便民服务中心(社保)', phones: ['89271561'], email: 'lxzsbk@bjdx.gov.cn' },
  { name: '魏善庄镇', address: '大兴区魏善庄镇人民政府后楼306室民生保障办公室（社保）', phones: ['89235213'], email: 'wszsbs@bjdx.gov.cn' },
  { name: '青云店镇', address: '大兴区青云店镇人民政府213室', phones: ['80281613'], email: 'qydzcgb@bjdx.gov.cn' },
  { name: '安定镇', address: '大兴区安定镇人民政府328室', phones: ['80233935'], email: 'adzdjb@bjdx.gov.cn' },
  { name: '长子营镇', address: '大兴区长子营镇政务服务中心', phones: ['80267208'], email: 'zzyzwfwzx@bjdx.gov.cn' },
  { name: '采育镇', address: '大兴区采育镇政务服务中心', phones: ['80271350'], email: 'cyzsbk@bjdx.gov.cn' },
  { name: '西红门镇', address: '大兴区西红门镇便民服务中心', phones: ['60298223'], email: 'xhmsbk@bjdx.gov.cn' },
  { name: '兴丰街道', address: '大兴区清源路2号兴丰街道便民服务中心', phones: ['69249746'], email: 'xfjdzwfwzx@bjdx.gov.cn' },
  { name: '清源街道', address: '大兴区清源街道滨河西里17号清源街道政务服务中心', phones: ['81292780'], email: 'qyjdzwfw@bjdx.gov.cn' },
  { name: '林校路街道', address: '大兴区黄村西大街30号2号综合窗口', phones: ['81295164'], email: 'lxlsbs@bjdx.gov.cn' },
  { name: '观音寺街道', address: '大兴区清源路与京开路交叉口东南角观音寺街道办事处一楼大厅', phones: ['60282274'], email: 'gyszwfwzx@bjdx.gov.cn' },
  { name: '天宫院街道', address: '大兴区庆祥南路29号院3号楼', phones: ['60218618'], email: 'tgydqb@bjdx.gov.cn' },
  { name: '高米店街道', address: '大兴区高米店街道办事处便民服务中心', phones: ['60200762'], email: 'gmdzhfwzx@bjdx.gov.cn' },
];

/** The system-operation hotline of §三 (working days 9:00–18:00). */
export const SYSTEM_HOTLINE = { phone: '83423508', hours: '工作日 9:00–18:00', url: 'https://www.bjrcgz.gov.cn' } as const;

const SUFFIXES = /(管委会|街道办事处|街道|镇人民政府|镇|办)$/;
const compact = (s: string): string => s.replace(/\s+/g, '').replace(/^(北京市)?大兴区?/, '');
const core = (s: string): string => compact(s).replace(SUFFIXES, '');

/** Input of {@link findLocality} and {@link searchLocalities}. */
export const LocalityQuery = z.object({ query: z.string().trim().min(1) });

/**
 * Offices whose name matches `query`: exact name first, then names sharing the core without suffix
 * ('黄村' → 黄村镇, '经开区' → 大兴经开区, '临空区' → 临空区管委会, '北臧村' → 北臧村镇), then names containing it.
 */
export function searchLocalities(query: string): Locality[] {
  const { query: q } = parseInput(LocalityQuery, { query });
  const c = compact(q);
  const exact = LOCALITIES.filter((l) => l.name === c || compact(l.name) === c);
  if (exact.length) return exact;
  const qc = core(c);
  if (!qc) return [];
  const byCore = LOCALITIES.filter((l) => core(l.name) === qc);
  if (byCore.length) return byCore;
  return LOCALITIES.filter((l) => l.name.includes(qc) || (qc.length >= 2 && qc.includes(core(l.name))));
}

/** The one office matching `query`, or undefined when none or several match. */
export function findLocality(query: string): Locality | undefined {
  const found = searchLocalities(query);
  return found.length === 1 ? found[0] : undefined;
}
