/**
 * 导出页面结构 (issue #17 1): which words of a portal page may leave it, and the same-shape placeholder of
 * every other text. Pure string functions (unit-tested in tests/unit/portal/shape-mask.test.ts); the DOM
 * walk that uses them is page-shape.ts.
 *
 * The safe vocabulary is a whitelist: the labels of the adapter's one mapping table (fields.ts FIELDS),
 * the module headings and body words of pages.ts, and the fixed UI, state and 附件 words below. A text is
 * kept only where every run of letters in it is made of those words; any other run becomes a
 * placeholder of the same shape (digit → 0, Han → 某, Latin → x / X, any other letter → x). Digits are
 * never kept, not even inside kept words (「共 25 条」 → 「共 00 条」).
 */
import { FIELDS } from './fields';
import { normaliseLabel, pageWords } from './pages';

/** Buttons, menus, pagers, dialogs and hints every portal page shows; none of them names a person. */
const UI_WORDS = [
  '操作', '上传', '查看', '删除', '保存', '提交', '下一步', '上一步', '上一页', '下一页', '首页', '末页', '尾页', '确定', '取消',
  '关闭', '返回', '编辑', '修改', '新增', '添加', '新建', '搜索', '查询', '重置', '导出', '下载', '预览', '详情', '进入', '申请',
  '拒绝', '确认', '确认关联', '完善信息', '更新合同', '复制关联码', '重新生成', '重新上传', '选择文件', '点击上传', '将文件拖到此处',
  '只能上传', '文件', '不超过', '以内', '大小', '格式', '请输入', '请选择', '请填写', '选择日期', '开始日期', '结束日期', '日期',
  '序号', '共', '条', '页', '条/页', '第', '前往', '跳至', '暂无数据', '加载中', '提示', '温馨提示', '注意', '说明', '必填', '备注',
  '退出', '退出登录', '登录', '个人中心', '消息', '通知', '通知公告', '帮助', '当前位置', '您的位置', '所在位置', '欢迎',
  '北京市政务服务', '北京市工作居住证信息申报系统', '北京国际人才网', '人才业务办理平台', '个人入口', '单位入口', '业务办理登录',
  '工作居住证', '申请工作居住证', '申请证件续签', '证件聘用单位变更', '新办', '续签', '变更', '注销', '个人提交新办申请',
  '单位审核', '主管部门审核', '持证人员', '待办理新办证件员工', '待办理证件续签员工', '待办理证件聘用单位变更员工', '员工列表',
  '申请状态', '业务类型', '办理状态', '审核状态', '审核意见', '发证日期', '有效期', '证件状态', '单位信息', '个人信息',
  '您的工作居住证即将过期', '请立即办理证件续签业务', '当前单位没有开通该业务的办理权限', '请将单位关联码告知本单位员工',
  '关联码有效期', '告知本单位员工', '单位关联码', '全部', '请上传', '彩色扫描件', '扫描件', '原件', '复印件', '功能菜单', '菜单',
  '当前用户', '用户', '经办人', '业务经办人', '请输入内容', '请完善必填信息', '上传成功', '保存成功', '提交成功', '操作成功', '人才',
  // Section titles and common labels of the portal's forms that the mapping table does not (yet) need.
  '配偶信息', '随往子女', '子女信息', '基本信息', '民族', '国籍', '政治面貌', '婚姻状况', '学位', '职称', '证件类型', '单位性质',
  '所属行业', '注册地址', '办公地址', '联系电话', '联系人', '邮政编码', '工资', '月薪', '社保缴纳', '个人所得税',
];

/** The states the portal shows for applications, permits and attachments (issue #17; 挂起: the guide). */
const STATE_WORDS = [
  '已上传', '未上传', '待单位审核', '待主管部门审核', '待市局审核', '退回个人修改', '退回单位修改', '审核不通过', '办理成功',
  '有效', '冻结', '过期', '已过期', '离职注销', '挂起', '待审核', '审核中', '审核通过', '已提交', '未提交', '待确认', '已确认',
  '已关联', '已拒绝', '正常', '无效', '已办结', '办理中',
];

/** Words of 附件管理 row names (the how-to's list and the replicas' wording), so that a row name made of them stays. */
const ATTACHMENT_WORDS = [
  '户口本', '户口簿', '首页', '本人页', '个人页', '申请人', '诚信声明', '单位诚信声明', '住所证明', '在京合法稳定住所证明',
  '在京合法稳定', '房屋租赁合同', '房主身份证', '房屋所有权证', '应税收入材料', '入职本单位至今的应税收入材料', '入职本单位至今',
  '学历证书', '学位证书', '学历认证报告', '学位认证报告', '子女', '出生医学证明', '身份证', '其他材料', '营业执照', '副本',
  '单位资质证书', '产值贡献材料', '涉税信息告知书', '完税证明', '经办人身份证', '业务经办人身份证', '验资报告', '劳动合同',
  '离职证明', '职称证书', '获奖证书', '纳税记录', '结婚证', '不动产权证书', '借住声明',
];

/** One-letter words allowed inside a longer run (joining words only: a name made of these alone is not plausible). */
const ONE_CHAR_WORDS = ['及', '和', '与', '或', '等', '的', '至', '共', '条', '页', '第', '个'];
/** Latin words of upload hints (compared in lower case; two letters at least, so that no code is made of them). */
const LATIN_WORDS = ['pdf', 'jpg', 'jpeg', 'png', 'gif', 'bmp', 'doc', 'docx', 'zip', 'rar', 'mb', 'kb'];

const RUN = /[\p{L}\p{N}]+/gu;

function buildVocabulary() {
  const whole = new Set<string>();
  const words = new Set<string>(ONE_CHAR_WORDS);
  const add = (w: string) => {
    const n = normaliseLabel(w);
    if (!n) return;
    whole.add(n);
    // A word's own runs are words too (学校(机构)名称 → 学校, 机构, 名称), one-letter runs excepted.
    for (const run of n.match(RUN) ?? []) if (run.length >= 2 && !/\p{N}/u.test(run)) words.add(run);
  };
  for (const f of FIELDS) f.labels.forEach(add);
  [...pageWords(), ...UI_WORDS, ...STATE_WORDS, ...ATTACHMENT_WORDS].forEach(add);
  const longest = Math.max(...[...words].map((w) => w.length));
  return { whole, words, longest };
}

let vocabulary: ReturnType<typeof buildVocabulary> | null = null;
const vocab = () => (vocabulary ??= buildVocabulary());

/** The placeholder of one character: digit → 0, Han → 某, Latin → x / X, any other letter → x; the rest stays. */
function maskChar(c: string): string {
  if (/\p{N}/u.test(c)) return '0';
  if (/\p{Script=Han}/u.test(c)) return '某';
  if (/\p{L}/u.test(c)) return /\p{Lu}/u.test(c) ? 'X' : 'x';
  return c;
}

/** `text` with every letter and digit replaced by its same-shape placeholder (punctuation and spaces stay). */
export function maskAll(text: string): string {
  return text.replace(/[\p{L}\p{N}]/gu, maskChar);
}

/**
 * Whether `run` (letters and digits, no separators) is made entirely of vocabulary words and digits;
 * returns the run with its digits masked, or null. Dynamic programming over the run's positions.
 */
function composed(run: string): string | null {
  const { words, longest } = vocab();
  const n = run.length;
  const ok: boolean[] = new Array(n + 1).fill(false);
  ok[0] = true;
  for (let i = 0; i < n; i++) {
    if (!ok[i]) continue;
    // A run of digits counts as a word (it is masked below).
    const digits = /^\p{Nd}+/u.exec(run.slice(i));
    if (digits) ok[i + digits[0].length] = true;
    for (let len = 1; len <= longest && i + len <= n; len++) {
      const piece = run.slice(i, i + len);
      if (words.has(piece) || LATIN_WORDS.includes(piece.toLowerCase())) ok[i + len] = true;
    }
  }
  if (!ok[n]) return null;
  // A run of digits alone is data (a count, an id): masked like any other.
  return run.replace(/\p{N}/gu, '0');
}

/**
 * A page text as the exported file holds it: kept where it is vocabulary, else each run of letters and
 * digits that is not made of vocabulary becomes its placeholder. White space is collapsed.
 */
export function maskText(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ');
  const n = normaliseLabel(collapsed);
  if (!n) return collapsed;
  // Whole labels with spaces or brackets inside (「确 定」, 「学校(机构)名称」).
  if (vocab().whole.has(n) && !/\p{N}/u.test(n)) return collapsed;
  return collapsed.replace(RUN, (run) => composed(run) ?? maskAll(run));
}

/** Whether a text passes unchanged (the preview counts kept and masked texts). */
export function isKeptText(text: string): boolean {
  return maskText(text) === text.replace(/\s+/g, ' ');
}

/**
 * A code-like value (class names, `name`, `accept`, URL path segments): Latin letters and punctuation
 * stay (framework and route words: el-form-item__label, person-platform), digits → 0, Han → 某, any
 * other letter → x.
 */
export function maskCode(value: string): string {
  return value.replace(/[^\x20-\x7e]|\d/gu, (c) => (/\s/.test(c) ? ' ' : maskChar(c)));
}

/** Extensions of pages (kept with their names: gzjzz/person/grxx.html is a route, not a person's file). */
const PAGE_TYPES = /^(html?|shtml|jsp|jspx|do|action|aspx?|php)$/i;

/** A path ('/a/b/123') with each segment decoded and masked as code; files other than pages masked whole. */
function maskPath(path: string): string {
  return path
    .split('/')
    .map((seg) => {
      let s = seg;
      try {
        s = decodeURIComponent(seg);
      } catch {
        /* left as written */
      }
      // A file's name (张伟_xueli.pdf, zhangwei.jpg) may carry a person's name in Latin: all of it but the type is masked.
      const file = /^(.+)\.([A-Za-z0-9]{1,5})$/.exec(s);
      if (file && !PAGE_TYPES.test(file[2])) s = `${maskAll(file[1])}.${file[2]}`;
      return encodeURIComponent(maskCode(s)).replace(/%2[cC]/g, ',');
    })
    .join('/');
}

/** `?a=1&b=x` with names kept as code and every value masked ('' when `keep` is false). */
function maskQuery(search: string, keep: boolean): string {
  if (!keep || search.length <= 1) return '';
  const params = new URLSearchParams(search);
  const parts: string[] = [];
  params.forEach((v, k) => parts.push(`${encodeURIComponent(maskCode(k))}=${encodeURIComponent(maskAll(v))}`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/**
 * A URL as the file holds it. The page's own address (`query: 'masked'`) keeps its query and hash-route
 * parameter names with masked values; a link (`query: 'dropped'`) loses its query strings entirely.
 * Paths keep their route words and mask digits and Han. Anything but http(s) gives ''. A link on the
 * page's own origin is written from its path.
 */
export function maskUrl(href: string, base: string, query: 'masked' | 'dropped'): string {
  let u: URL;
  try {
    u = new URL(href, base);
  } catch {
    return '';
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return '';
  const keep = query === 'masked';
  let hash = '';
  if (u.hash.length > 1) {
    const h = u.hash.slice(1);
    const q = h.indexOf('?');
    hash = `#${maskPath(q < 0 ? h : h.slice(0, q))}${q < 0 ? '' : maskQuery(h.slice(q), keep)}`;
  }
  let sameOrigin = false;
  try {
    sameOrigin = new URL(base).origin === u.origin;
  } catch {
    /* no base: absolute */
  }
  const origin = sameOrigin && !keep ? '' : u.origin;
  return `${origin}${maskPath(u.pathname)}${maskQuery(u.search, keep)}${hash}`;
}
