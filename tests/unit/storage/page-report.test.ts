/** PageReport.attachments: the 附件列表 rows a content script reports from a 附件管理 page. */
import { describe, expect, it } from 'vitest';
import { PageReport } from '../../../utils/messaging';

const base = { url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments', title: '北京市政务服务', module: 'person-attachments', fieldsFound: [], fieldsMissing: [], reasons: [], reportedAt: 1 };

describe('PageReport attachments', () => {
  it('is optional: reports without rows still parse', () => {
    expect(PageReport.safeParse(base).success).toBe(true);
  });
  it('keeps the rows with their status', () => {
    const r = PageReport.parse({ ...base, attachments: [{ name: '户口本首页及本人页', status: 'uploaded' }, { name: '诚信声明', status: 'missing' }, { name: '学历证书', status: 'unknown' }] });
    expect(r.attachments?.map((a) => a.status)).toEqual(['uploaded', 'missing', 'unknown']);
  });
  it('is bounded: at most 100 rows of at most 200 characters, statuses from the list only', () => {
    expect(PageReport.safeParse({ ...base, attachments: Array.from({ length: 101 }, (_, i) => ({ name: `附件${i}`, status: 'missing' })) }).success).toBe(false);
    expect(PageReport.safeParse({ ...base, attachments: [{ name: 'x'.repeat(201), status: 'missing' }] }).success).toBe(false);
    expect(PageReport.safeParse({ ...base, attachments: [{ name: '学历证书', status: '已上传' }] }).success).toBe(false);
  });
});
