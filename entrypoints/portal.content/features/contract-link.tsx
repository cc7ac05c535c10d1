/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 员工关联 (待确认单位关联列表) and 当前在职员工: the employer uploads the labour contract here
 * (§六(一) 1 (2)); a contract must still be valid for 6 months (inclusive) on the day it is provided
 * (§五). Above the list: the rule with today's exact date; on 当前在职员工 each row's contract end is
 * checked. The date fields of the 完善信息 / 更新合同 dialogs are checked by document-validity.
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { cellOf, cellText, pageDate, pagePeriod } from '../dom';
import { brandOf, cellAnchor, verdict } from '../kit';
import { Note, type Placement } from '../ui';

const NAME = labelsOf('employeeName');
const ID = labelsOf('employeeId');
const END = labelsOf('contractEnd');
const PERIOD = labelsOf('contractPeriod');

addFeature({
  id: 'contract-link',
  include: [isModule('unit-pending-links', 'unit-employees')],
  init(env) {
    env.onRefresh(() => {
      const table = env.scan().table([NAME, ID, END, PERIOD], 2);
      const rule = verdict(env, { kind: 'validity', document: 'labour-contract', validUntil: env.today });
      if (!table || !rule?.mustBeValidUntil) return env.anchors.sync([]);
      const placements: Placement[] = [
        {
          key: 'rule',
          anchor: table.root,
          where: 'before',
          version: JSON.stringify([rule.mustBeValidUntil, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.contract.title')} section="§六(一) 1 (2), §五">
              {env.t('portal.contract.rule', { today: env.today, date: rule.mustBeValidUntil! })}
            </Note>
          ),
        },
      ];
      table.rows.forEach((row, i) => {
        const endCell = cellOf(table, row, END);
        const periodCell = cellOf(table, row, PERIOD);
        const cell = endCell ?? periodCell;
        const end = endCell ? pageDate(cellText(endCell)) : periodCell ? pagePeriod(cellText(periodCell), env.today)[1] : '';
        if (!cell || end.length !== 10) return;
        const result = verdict(env, { kind: 'validity', document: 'labour-contract', validUntil: end });
        if (!result || result.invalid) return;
        placements.push({
          key: `row#${i}`,
          anchor: cellAnchor(cell),
          where: 'append',
          host: 'mark',
          version: JSON.stringify([end, result.ok, env.lang]),
          render: () => (
            <span class={`tag ${result.ok ? 'ok' : 'error'}`} title={env.pick(result.findings[0]?.message ?? { zh: '', en: '' })}>
              {env.t(result.ok ? 'portal.contract.rowOk' : 'portal.contract.rowShort', { date: result.mustBeValidUntil ?? '' })}
            </span>
          ),
        });
      });
      env.anchors.sync(placements);
    });
  },
});

// Tested on: unit-platform #/unit-platform/pending-links (fixed right column: rows read once) and
// /employees (陈静's contract ends 2027-02-28: under 6 months), gzjzz/unit/dqrgl.html and dqzzyg.html
// (合同起止日期 "2022-10-01 至 2028-09-30").
