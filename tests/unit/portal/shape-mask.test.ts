/**
 * 导出页面结构 (issue #17 1): the masking of page texts, code-like attributes and URLs. Vocabulary stays,
 * every other letter and digit becomes a placeholder of the same shape.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKeptText, maskAll, maskCode, maskText, maskUrl } from '../../../entrypoints/portal.content/shape-mask';
import { FIELDS } from '../../../entrypoints/portal.content/fields';
import { pageWords } from '../../../entrypoints/portal.content/pages';

describe('maskAll: same shape, nothing of the original letters or digits', () => {
  it.each([
    ['张伟', '某某'],
    ['110105199003071234', '000000000000000000'],
    ['11010519900307123X', '00000000000000000X'],
    ['138 1234 5678', '000 0000 0000'],
    ['2026-12-04', '0000-00-00'],
    ['zhang.wei@example.com', 'xxxxx.xxx@xxxxxxx.xxx'],
    ['北京市大兴区兴华大街1号', '某某某某某某某某某某0某'],
    ['Ｚｈａｎｇ１２', 'Xxxxx00'],
    ['김민수', 'xxx'],
  ])('%s → %s', (input, want) => {
    expect(maskAll(input)).toBe(want);
  });
  it('keeps only punctuation and spaces of any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const m = maskAll(s);
        expect([...m].length).toBe([...s].length);
        // Every letter or digit left is a placeholder; everything else is the original punctuation.
        expect(m).not.toMatch(/(?![某xX0])[\p{L}\p{N}]/u);
      }),
    );
  });
});

describe('maskText: the safe vocabulary stays, everything else is masked', () => {
  it.each([
    // Labels of fields.ts and headings of pages.ts, with the decorations the portal adds.
    ['身份证号', '身份证号'],
    ['* 单位名称', '* 单位名称'],
    ['姓名：', '姓名：'],
    ['学校(机构)名称', '学校(机构)名称'],
    ['个人基础信息', '个人基础信息'],
    ['待确认单位关联列表', '待确认单位关联列表'],
    // Buttons with Element UI's inner space, pagers with digits masked.
    ['确 定', '确 定'],
    ['取 消', '取 消'],
    ['共 25 条', '共 00 条'],
    ['10条/页', '00条/页'],
    ['第3页', '第0页'],
    // State words.
    ['已上传', '已上传'],
    ['待主管部门审核', '待主管部门审核'],
    ['退回个人修改', '退回个人修改'],
    ['离职注销', '离职注销'],
    ['挂起', '挂起'],
    // 附件 row names made of known words.
    ['户口本首页及本人页', '户口本首页及本人页'],
    ['住所证明（房屋租赁合同、房主身份证及房屋所有权证）', '住所证明（房屋租赁合同、房主身份证及房屋所有权证）'],
    ['入职本单位至今的应税收入材料', '入职本单位至今的应税收入材料'],
    // Placeholders made of known words.
    ['请输入单位关联码', '请输入单位关联码'],
    ['选择日期', '选择日期'],
  ])('keeps %s', (input, want) => {
    expect(maskText(input)).toBe(want);
  });

  it.each([
    ['张伟', '某某'],
    ['李娜', '某某'],
    ['130102199207082467', '000000000000000000'],
    ['13812345678', '00000000000'],
    ['2027-02-28', '0000-00-00'],
    ['北京兴创智能科技有限公司', '某某某某某某某某某某某某'],
    ['北京市大兴区黄村镇兴华大街 88 号院', '某某某某某某某某某某某某某 00 某某'],
    ['本科', '某某'],
    ['男', '某'],
    ['DX8K2M7Q', 'XX0X0X0X'],
    ['MK', 'XX'],
    // A name beside a known word: the known word stays, the name does not.
    ['张伟学历证书.pdf', '某某某某某某.pdf'],
    ['您好，张伟', '某某，某某'],
    // A label followed by its value in one text.
    ['证件编号：JZ2024001234', '证件编号：XX0000000000'],
    ['有效期至：2027-06-30', '有效期至：0000-00-00'],
    ['2010-09 至 2014-07', '0000-00 至 0000-00'],
  ])('masks %s', (input, want) => {
    expect(maskText(input)).toBe(want);
  });

  it('every label of the mapping table and every module word is kept', () => {
    const words = [...FIELDS.flatMap((f) => f.labels), ...pageWords()];
    expect(words.filter((w) => !isKeptText(w))).toEqual([]);
  });

  it('a single vocabulary letter is not enough to keep a name (joining words only)', () => {
    expect(maskText('至诚')).toBe('某某');
    expect(maskText('和平')).toBe('某某');
  });

  it('white space is collapsed', () => {
    expect(maskText('  姓名\n\n  ')).toBe(' 姓名 ');
  });
});

describe('maskCode: class names, name attributes and path segments', () => {
  it.each([
    ['el-form-item__label', 'el-form-item__label'],
    ['el-table_3_column_31', 'el-table_0_column_00'],
    ['row-110105199003071234', 'row-000000000000000000'],
    ['form.uscc', 'form.uscc'],
    ['张伟', '某某'],
  ])('%s → %s', (input, want) => {
    expect(maskCode(input)).toBe(want);
  });
});

describe('maskUrl: the page address and links', () => {
  const base = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';
  it('keeps the route of the page address, masks its query and hash parameter values', () => {
    expect(maskUrl('https://fw.bjrcgz.gov.cn/person-platform/detail?id=110105199003071234&name=%E5%BC%A0%E4%BC%9F#/person-platform/basic-info?tab=zw', base, 'masked')).toBe(
      'https://fw.bjrcgz.gov.cn/person-platform/detail?id=000000000000000000&name=%E6%9F%90%E6%9F%90#/person-platform/basic-info?tab=xx',
    );
  });
  it('drops the query strings of a link and writes a same-origin link from its path', () => {
    expect(maskUrl('/gzjzz/person/grxx.html?sfzh=110105199003071234#top?x=1', base, 'dropped')).toBe('/gzjzz/person/grxx.html#top');
    expect(maskUrl('https://www.bjrcgz.gov.cn/notice/2026/1.html?u=zhangwei', base, 'dropped')).toBe('https://www.bjrcgz.gov.cn/notice/0000/0.html');
  });
  it('masks a linked file\'s name but keeps page names', () => {
    expect(maskUrl('/upload/zhangwei_xueli.pdf', base, 'dropped')).toBe('/upload/xxxxxxxx_xxxxx.pdf');
    expect(maskUrl('/gzjzz/person/grxx.html', base, 'dropped')).toBe('/gzjzz/person/grxx.html');
    expect(maskUrl('/gzjzz/unit/dwxxSave.do', base, 'dropped')).toBe('/gzjzz/unit/dwxxSave.do');
  });
  it('masks digits and Han in path segments', () => {
    expect(maskUrl('/employee/110105199003071234/张伟', base, 'dropped')).toBe('/employee/000000000000000000/%E6%9F%90%E6%9F%90');
  });
  it.each(['javascript:alert(1)', 'data:text/html,<b>x</b>', 'mailto:someone@example.com', 'blob:https://fw.bjrcgz.gov.cn/1'])('gives nothing for %s', (href) => {
    expect(maskUrl(href, base, 'dropped')).toBe('');
  });
});
