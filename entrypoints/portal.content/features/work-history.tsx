/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 工作经历: "every job before the labour contract the employer uploads" (§六(一) 2 ③) above the list,
 * with the rows checked against the contract's start date from the case in focus (or a value
 * captured from the link screen) — looked up and compared in the background, so the date is never drawn
 * in the page (issue #20); order and overlaps are checked even without it.
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { cellOf, cellText, rowPeriod } from '../dom';
import { brandOf, fieldRule, guidance, verdict } from '../kit';
import { FindingList, Note, levelOf } from '../ui';

const EMPLOYER = labelsOf('employer');
const POSITION = labelsOf('position');
const START = labelsOf('start');
const END = labelsOf('end');
const PERIOD = labelsOf('period');

addFeature({
  id: 'work-history',
  include: [isModule('person-work')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const table = env.scan().table([EMPLOYER, POSITION, START, END, PERIOD]);
      const rule = fieldRule(env, g.get(), 'work-before-contract');
      if (!table || !rule) return env.anchors.sync([]);
      const entries = table.rows
        .map((row) => {
          const [start, end] = rowPeriod(table, row, { start: START, end: END, period: PERIOD }, env.today);
          return { employer: cellText(cellOf(table, row, EMPLOYER)), position: cellText(cellOf(table, row, POSITION)), start, end };
        })
        .filter((e) => e.employer && e.start && e.end);
      const result = entries.length ? verdict(env, { kind: 'work', entries, contractFromFocus: true }) : undefined;
      const from = result?.contractFrom;
      const level = result ? (result.invalid ? 'warning' : levelOf(result.findings)) : 'info';
      env.anchors.sync([
        {
          key: 'rule',
          anchor: table.root,
          where: 'before',
          version: JSON.stringify([rule, result, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} level={level} title={env.t('portal.work.title')} section={rule.section}>
              <div>{rule.text}</div>
              <div>
                {from ? env.t(from === 'case' ? 'portal.work.contractFromCase' : 'portal.work.contractCaptured') : env.t('portal.work.contractUnknown')}
              </div>
              {result?.invalid ? <div>{env.t('portal.cannotCheck', { reason: env.pick(result.invalid) })}</div> : null}
              {result && !result.invalid ? <FindingList findings={result.findings} lang={env.lang} /> : null}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/work (SPA, separate 开始/结束时间 columns) and
// gzjzz/person/gzjl.html (classic, 起止时间 "2017-07 至 2020-12"), with and without a case in focus.
