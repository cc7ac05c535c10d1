/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * The employer's lists with people and states (当前在职员工, the 工作居住证 module's tabs 持证人员 /
 * 待办理新办证件员工 / 续签 / 聘用单位变更): every row of the visible page read as shown — a row with missing
 * cells keeps what it has — with the pager's texts, sent to the side panel, which offers 「同步到案卷簿」
 * (preview, one confirmation, all or nothing). Read-only on the portal; the rows travel to the background
 * only (issue #20), the note drawn here carries no personal data.
 */
import { addFeature, type FeatureEnv } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { cellOf, cellText } from '../dom';
import { brandOf } from '../kit';
import { Note } from '../ui';
import type { PortalListRow, PortalRecords } from '../../../rules/portal-records';

const COLUMNS = {
  name: labelsOf('employeeName'),
  residentId: [...labelsOf('employeeId'), '身份证号码', '公民身份号码'],
  permitNo: labelsOf('permitNo'),
  validUntil: [...labelsOf('permitValidTo'), '有效期'],
  permitState: ['证件状态'],
  state: ['申请状态', '办理状态', '审核状态', '办理进度', '当前状态', '业务状态', '状态'],
  business: ['业务名称', '业务类型', '申请业务'],
} as const satisfies Record<keyof PortalListRow, readonly string[]>;
const LIMIT: Record<keyof PortalListRow, number> = { name: 100, residentId: 40, permitNo: 60, validUntil: 60, permitState: 40, state: 40, business: 60 };
/** Names of the lists, for the view when no tab is selected (classic pages title the list instead). */
const VIEWS = ['待办理新办证件员工', '待办理证件续签员工', '待办理证件聘用单位变更员工', '持证人员', '当前在职员工', '在职员工', '员工列表'];
/** Pager texts (共 12 条, 10条/页, 第 1 页 / 共 2 页), as the text index normalises them. */
const PAGER = /^(共\d+条.*|\d+条\/页|每页\d+条|第\d+(\/\d+)?页.*|共\d+页)$/;

function viewOf(env: FeatureEnv): string {
  const scan = env.scan();
  const tab = [...document.querySelectorAll('[role=tab][aria-selected=true]')].find((t) => scan.shown(t));
  const tabText = tab ? cellText(tab) : '';
  if (tabText) return tabText.slice(0, 60);
  return VIEWS.find((v) => scan.elementsSaying([v]).some((el) => !el.closest('a, nav, li, [role=menu]'))) ?? '';
}

function read(env: FeatureEnv): Extract<PortalRecords, { kind: 'list' }> | null {
  const scan = env.scan();
  const table = scan.table([COLUMNS.name, COLUMNS.residentId, COLUMNS.validUntil, COLUMNS.permitState, COLUMNS.state, COLUMNS.permitNo], 2);
  if (!table) return null;
  const rows: PortalListRow[] = [];
  for (const row of table.rows.slice(0, 500)) {
    const r: PortalListRow = {};
    for (const key of Object.keys(COLUMNS) as (keyof PortalListRow)[]) {
      const v = cellText(cellOf(table, row, COLUMNS[key])).slice(0, LIMIT[key]);
      if (v) r[key] = v;
    }
    if (r.name || r.residentId) rows.push(r);
  }
  const texts = [...scan.texts.keys()].filter((t) => PAGER.test(t) && scan.elementsSaying([t]).length > 0).slice(0, 20);
  // The current page's number (aria-current) and the highest number among its siblings: the SPA's pager.
  const current = [...document.querySelectorAll('[aria-current=true], [aria-current=page]')].find((el) => scan.shown(el) && /^\d+$/.test(cellText(el)));
  const numbers = current?.parentElement ? [...current.parentElement.children].map((el) => Number(cellText(el))).filter((n) => Number.isInteger(n) && n > 0) : [];
  const last = numbers.length ? String(Math.max(...numbers)) : '';
  const paging =
    texts.length || current
      ? { texts, ...(current ? { current: cellText(current).slice(0, 10) } : {}), ...(last ? { last: last.slice(0, 10) } : {}) }
      : undefined;
  const module = env.page.module as Extract<PortalRecords, { kind: 'list' }>['module'];
  return { kind: 'list', module, view: viewOf(env), rows, ...(paging ? { paging } : {}) };
}

addFeature({
  id: 'list-records',
  include: [isModule('unit-employees', 'unit-permit', 'unit-employer-change')],
  init(env) {
    env.onRefresh(() => {
      const records = read(env);
      if (!records) return env.anchors.sync([]);
      env.bridge.reportRecords(records);
      const table = env.scan().table([COLUMNS.name, COLUMNS.residentId], 2);
      if (!table || records.rows.length === 0) return env.anchors.sync([]);
      env.anchors.sync([
        {
          key: 'records',
          anchor: table.root,
          where: 'before',
          version: env.lang,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.records.title')}>
              {env.t('portal.records.list')}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: unit-platform #/unit-platform/employees (12 employees, 10 a page; a row with missing cells; 正常 and
// 冻结) and #/unit-platform/permit?tab=new (申请状态, 5 a page), gzjzz/unit/dqzzyg.html and gzjzz/unit/xbzj.html.
