/**
 * Makes the captured pages of tests/fixtures/portal/captured/ from the replicas, with the product's own
 * 导出页面结构 (the side panel's button, the saved file): each file and a sidecar naming the page's URL, the
 * module and the fields the adapter found on the live replica. `hints` are the texts the replay must show;
 * they are written here because a masked page shows fewer of them than the live one (no names, no dates).
 * A file already in the folder is overwritten; a hand-edited variant (see the README there) is not touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '../e2e/harness';
import { exportShape } from '../e2e/shape-export';
import { FIXTURE_DIR } from '../e2e/replica-routing.mjs';
import { translate } from '../../components/i18n';
import type { PortalModule } from '../../rules/model';

const OUT = path.join(FIXTURE_DIR, 'captured');

const CAPTURES: { name: string; url: string; module: PortalModule; style: 'element' | 'classic'; hints: string[] }[] = [
  {
    name: 'element-person-basic-info',
    url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info',
    module: 'person-basic-info',
    style: 'element',
    hints: ['§六(一) 2 ①', '随往子女', '从草稿填写'],
  },
  {
    name: 'element-person-attachments',
    url: 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/attachments',
    module: 'person-attachments',
    style: 'element',
    hints: ['附件核对清单 · 新办证件', '申请人户口本首页及本人页', '本案必需 · 已上传'],
  },
  {
    name: 'element-unit-company',
    url: 'https://fw.bjrcgz.gov.cn/unit-platform/#/unit-platform/company',
    module: 'unit-company-info',
    style: 'element',
    hints: ['从草稿填写', '采集到草稿'],
  },
  {
    name: 'classic-person-education',
    url: 'https://fw.bjrcgz.gov.cn/gzjzz/person/jyxx.html',
    module: 'person-education',
    style: 'classic',
    hints: ['教育信息应自高中时期（或中专）开始填写至取得最高学历学位时期的信息'],
  },
  {
    name: 'classic-unit-pending-links',
    url: 'https://fw.bjrcgz.gov.cn/gzjzz/unit/dqrgl.html',
    module: 'unit-pending-links',
    style: 'classic',
    hints: ['劳动合同由单位在员工关联界面（待确认单位关联列表 → 完善信息）上传'],
  },
];

for (const c of CAPTURES) {
  test(`capture ${c.name}`, async ({ context, sidePanel }) => {
    const page = await context.newPage();
    await page.goto(c.url);
    await page.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean } }).__replica?.ready === true);
    const moduleText = translate('zh-CN', 'panel.tab.module', { module: translate('zh-CN', `module.${c.module}`) });
    const { file } = await exportShape(page, sidePanel, moduleText);
    const report = await sidePanel.evaluate(async () => {
      const { chrome } = globalThis as unknown as { chrome: { storage: { session: { get(key: string): Promise<Record<string, unknown>> } } } };
      return ((await chrome.storage.session.get('activePortalContext')).activePortalContext as { report: { module: string; fieldsFound: string[] } }).report;
    });
    expect(report.module).toBe(c.module);
    fs.writeFileSync(path.join(OUT, `${c.name}.html`), file);
    const sidecar = {
      url: c.url,
      module: c.module,
      fields: report.fieldsFound,
      hints: c.hints,
      style: c.style,
      source: `exported with 导出页面结构 from the replica at ${c.url} (tests/tools/capture-shapes.ts)`,
    };
    fs.writeFileSync(path.join(OUT, `${c.name}.json`), `${JSON.stringify(sidecar, null, 2)}\n`);
  });
}
