import { describe, expect, it } from 'vitest';
import { recognise, normaliseLabel, type PageEvidence } from '../../../entrypoints/portal.content/pages';

const evidence = (e: Partial<PageEvidence>): PageEvidence => ({ url: 'https://fw.bjrcgz.gov.cn/', title: '北京市政务服务', headings: [], tableHeaders: [], labels: [], texts: [], ...e });

describe('page recognition from evidence', () => {
  it('labels are compared without asterisks, colons and spaces', () => {
    expect(normaliseLabel('* 身份证号：')).toBe('身份证号');
    expect(normaliseLabel('证件 号码:')).toBe('证件号码');
  });

  it('an SPA education page (heading + its table headers) is 教育信息', () => {
    const r = recognise(evidence({ url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/education', headings: ['教育信息'], tableHeaders: ['学历', '学校名称', '入学时间', '毕业时间'] }));
    expect(r.module).toBe('person-education');
  });

  it('a classic education page with 起止时间 and 毕业院校 is 教育信息', () => {
    const r = recognise(evidence({ url: 'https://fw.bjrcgz.gov.cn/gzjzz/person/jyxx.html', headings: ['教育信息'], tableHeaders: ['学历层次', '毕业院校', '起止时间'] }));
    expect(r.module).toBe('person-education');
  });

  it('the 工作居住证 module\'s 待办理新办证件员工 tab (姓名/身份证号/申请状态, no rows) is still 工作居住证', () => {
    // Its tab labels are navigation, not evidence; a fresh load of this tab once went unrecognised.
    const r = recognise(
      evidence({ url: 'https://fw.bjrcgz.gov.cn/unit-platform/#/unit-platform/permit?tab=new', headings: ['工作居住证'], tableHeaders: ['序号', '姓名', '身份证号', '申请状态', '操作'], texts: ['暂无数据'] }),
    );
    expect(r.module).toBe('unit-permit');
  });

  it('可办业务列表 whose only field is a placeholder 「请输入单位关联码」 (no label, no table) is the applicant\'s list', () => {
    const r = recognise(evidence({ url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/business', headings: ['可办业务列表'], texts: ['工作居住证', '请输入单位关联码'] }));
    expect(r.module).toBe('person-business');
  });

  it('个人首页 with only the permit card (我的证件: 证件编号, 证件状态) is the personal home page', () => {
    const r = recognise(evidence({ url: 'https://fw.bjrcgz.gov.cn/gzjzz/person/grsy.html', headings: ['个人首页', '我的证件'], labels: ['姓名', '证件编号', '证件状态', '有效期'] }));
    expect(r.module).toBe('person-overview');
  });

  it('a heading without any of its fields is not enough (a page that changed shape stays unrecognised)', () => {
    const r = recognise(evidence({ headings: ['教育信息'], tableHeaders: ['School', 'From', 'To'] }));
    expect(r.module).toBeNull();
    expect(r.reasons.join(' ')).toContain('person-education');
  });

  it('附件管理 with employer materials on an unknown path is the employer side', () => {
    const r = recognise(evidence({ url: 'https://x.bjrcgz.gov.cn/a/b.html', headings: ['附件管理'], tableHeaders: ['附件名称', '当前状态'], labels: ['营业执照', '产值贡献材料'] }));
    expect(r.module).toBe('unit-attachments');
  });

  it('附件管理 on the personal system is the applicant side', () => {
    const r = recognise(evidence({ url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments', headings: ['附件管理'], tableHeaders: ['附件名称', '当前状态'] }));
    expect(r.module).toBe('person-attachments');
  });

  it('a notice page with no module heading is not recognised', () => {
    expect(recognise(evidence({ headings: ['通知公告', '关于开展2026年第四季度工作居住证需求申报的通知'] })).module).toBeNull();
  });
});
