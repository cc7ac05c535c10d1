/**
 * The taught mappings in the content script (issue #17 part 3): a taught page is recognised before the
 * built-in table, a taught label comes first for its field on its module (and stops naming another field
 * there), every labelsOf list follows in place, a page rendered again (new generated ids and classes, same
 * texts) is found again, and a malformed answer from the background teaches nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FIELDS, field, fieldDiagnostics, keysForLabel, labelsOf } from '../../../entrypoints/portal.content/fields';
import { recognise, type PageEvidence } from '../../../entrypoints/portal.content/pages';
import { applyTaughtFields, recogniseTaught, setTaught, taughtSeen } from '../../../entrypoints/portal.content/taught';
import { structuralPath } from '../../../entrypoints/portal.content/picker';
import { PORTAL_FIELD_KEYS } from '../../../rules/portal-fields';

const ev = (over: Partial<PageEvidence>): PageEvidence => ({ url: 'https://fw.bjrcgz.gov.cn/person-platform/v2/education.html', title: '北京市政务服务', headings: [], tableHeaders: [], labels: [], texts: [], ...over });
/** changed.html as the adapter reads it. */
const CHANGED = ev({ headings: ['EducationRecords'], tableHeaders: ['#', '培养层次', '就读机构', '起始', '截止', '所修方向', '所获称号'], texts: ['Newrecord', '北方科技大学'] });
const TAUGHT = {
  pages: [{ module: 'person-education', heading: 'EducationRecords', labels: ['培养层次', '就读机构', '起始', '截止'] }],
  fields: [
    { module: 'person-education', key: 'educationLevel', label: '培养层次' },
    { module: 'person-education', key: 'school', label: '就读机构' },
    { module: 'person-basic-info', key: 'residentId', label: '证件号' },
  ],
};

afterEach(() => {
  setTaught({ fields: [], pages: [] });
  applyTaughtFields(null);
});

describe('a taught page', () => {
  it('the renamed page is no module by the built-in table, and the taught module once taught', () => {
    expect(recognise(CHANGED).module).toBeNull();
    expect(recogniseTaught(CHANGED)).toBeNull();
    setTaught(TAUGHT);
    expect(recogniseTaught(CHANGED)).toMatchObject({ module: 'person-education', side: 'person', heading: 'EducationRecords' });
  });

  it('comes before the built-in table: a page the agent says is 学习经历 is 学习经历 even with 教育信息 words', () => {
    const education = ev({ headings: ['教育信息'], tableHeaders: ['学历', '学校名称', '入学时间', '毕业时间'] });
    expect(recognise(education).module).toBe('person-education');
    setTaught({ fields: [], pages: [{ module: 'person-study', heading: '教育信息', labels: ['学历', '学校名称'] }] });
    expect(recogniseTaught(education)?.module).toBe('person-study');
  });

  it('needs its heading and at least half of its labels: another page with the same menu word is not taken', () => {
    setTaught(TAUGHT);
    expect(recogniseTaught(ev({ headings: ['EducationRecords'], tableHeaders: ['培养层次'] }))).toBeNull();
    expect(recogniseTaught(ev({ headings: ['EducationRecords'], tableHeaders: ['培养层次', '截止'] }))?.module).toBe('person-education');
    expect(recogniseTaught(ev({ headings: ['学业档案'], tableHeaders: ['培养层次', '就读机构', '起始', '截止'] }))).toBeNull();
  });

  it('is found again after the page rendered from scratch (generated ids and classes changed, texts the same)', () => {
    setTaught(TAUGHT);
    const again = { ...CHANGED, tableHeaders: [...CHANGED.tableHeaders].reverse(), texts: ['Newrecord', '京南理工大学'] };
    expect(recogniseTaught(again)?.module).toBe('person-education');
    const th = (cls: string, parent: unknown) => ({ tagName: 'TH', classList: [cls, 'is-leaf'], parentElement: parent });
    const tr = { tagName: 'TR', classList: [], parentElement: { tagName: 'THEAD', classList: [], parentElement: { tagName: 'TABLE', classList: ['el-table__header'], parentElement: { tagName: 'BODY', parentElement: null } } } };
    expect(structuralPath(th('el-table_1_column_2', tr))).toBe(structuralPath(th('el-table_7_column_9', tr)));
    expect(structuralPath(th('el-table_1_column_2', tr))).toBe('table.el-table__header > thead > tr > th.is-leaf');
  });
});

describe('a taught field label', () => {
  it('comes first for its field on its module, and the diagnostics find the field by it', () => {
    setTaught(TAUGHT);
    const seen = new Set(CHANGED.tableHeaders);
    expect(fieldDiagnostics('person-education', seen)).toEqual({ found: [], missing: ['educationLevel', 'school'] });
    const taught = applyTaughtFields('person-education');
    expect(field('educationLevel').labels[0]).toBe('培养层次');
    expect(fieldDiagnostics('person-education', seen)).toEqual({ found: ['educationLevel', 'school'], missing: [] });
    expect(taughtSeen(taught, seen)).toEqual([
      { key: 'educationLevel', label: '培养层次' },
      { key: 'school', label: '就读机构' },
    ]);
  });

  it('reaches the lists features keep in constants (labelsOf is live) and goes away on another module', () => {
    const LEVEL = labelsOf('educationLevel');
    expect(LEVEL).not.toContain('培养层次');
    setTaught(TAUGHT);
    applyTaughtFields('person-education');
    expect(LEVEL[0]).toBe('培养层次');
    applyTaughtFields('person-work');
    expect(LEVEL).not.toContain('培养层次');
    expect(LEVEL).toEqual(['学历', '学历层次']);
  });

  it('takes a built-in label away from the field that had it, on that module only', () => {
    expect(keysForLabel('证件号码', new Set())).toEqual(expect.arrayContaining(['residentId', 'employeeId']));
    setTaught({ pages: [], fields: [{ module: 'unit-employees', key: 'employeeId', label: '证件号码' }] });
    applyTaughtFields('unit-employees');
    expect(keysForLabel('证件号码', new Set())).toEqual(['employeeId']);
    applyTaughtFields('person-basic-info');
    expect(keysForLabel('证件号码', new Set())).toEqual(expect.arrayContaining(['residentId', 'employeeId']));
  });
});

describe('what the content script accepts from the background', () => {
  it('drops malformed entries, unknown field keys and over-long texts', () => {
    setTaught({
      pages: [{ module: 'person-education', heading: 42 }, 'x', null, { module: 'person-education', heading: '某'.repeat(40), labels: [] }],
      fields: [{ module: 'person-education', key: 'bankAccount', label: '账号' }, { module: 'person-education', key: 'school', label: ['就读机构'] }, { module: 'person-education', key: 'major', label: '所修 方向：' }],
    });
    expect(recogniseTaught(CHANGED)).toBeNull();
    applyTaughtFields('person-education');
    expect(field('school').labels).not.toContain('就读机构');
    expect(field('major').labels[0]).toBe('所修方向');
    setTaught(undefined);
    expect(recogniseTaught(CHANGED)).toBeNull();
  });

  it('says whether anything changed, so that an unchanged answer does not restart the page features', () => {
    expect(setTaught({ fields: [], pages: [] })).toBe(false);
    expect(setTaught(TAUGHT)).toBe(true);
    expect(setTaught(structuredClone(TAUGHT))).toBe(false);
    expect(setTaught({ ...TAUGHT, fields: [] })).toBe(true);
  });

  it('the side panel knows every field key of the label table by name', () => {
    expect([...PORTAL_FIELD_KEYS].sort()).toEqual(FIELDS.map((f) => f.key).sort());
  });
});
