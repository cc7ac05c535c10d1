/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 教育信息: the rule "from high school (or 中专) up to the highest degree" (§六(一) 2 ②) above the
 * list, and the rows checked live by rules/ (missing 高中, order, gaps, overlaps).
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { cellOf, cellText, rowPeriod } from '../dom';
import { brandOf, fieldRule, guidance, verdict } from '../kit';
import { FindingList, Note, levelOf } from '../ui';

const LEVEL = labelsOf('educationLevel');
const SCHOOL = labelsOf('school');
const START = labelsOf('educationStart', 'start');
const END = labelsOf('educationEnd', 'end');
const PERIOD = labelsOf('period');

addFeature({
  id: 'education-history',
  include: [isModule('person-education')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const table = env.scan().table([LEVEL, SCHOOL, START, END, PERIOD]);
      const rule = fieldRule(env, g.get(), 'education-starts-high-school');
      if (!table || !rule) return env.anchors.sync([]);
      const entries = table.rows
        .map((row) => {
          const [start, end] = rowPeriod(table, row, { start: START, end: END, period: PERIOD }, env.today);
          return { level: cellText(cellOf(table, row, LEVEL)), school: cellText(cellOf(table, row, SCHOOL)), start, end };
        })
        .filter((e) => e.level && e.start && e.end);
      // No rows yet (or still loading): the rule alone.
      const result = entries.length ? verdict(env, { kind: 'education', entries }) : undefined;
      const level = result ? (result.invalid ? 'warning' : levelOf(result.findings)) : 'info';
      env.anchors.sync([
        {
          key: 'rule',
          anchor: table.root,
          where: 'before',
          version: JSON.stringify([rule, result, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} level={level} title={env.t('portal.education.title')} section={rule.section}>
              <div>{rule.text}</div>
              {result?.invalid ? <div>{env.t('portal.cannotCheck', { reason: env.pick(result.invalid) })}</div> : null}
              {result && !result.invalid ? <FindingList findings={result.findings} lang={env.lang} /> : null}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/education (SPA: starts at 本科 → missing 高中 flagged),
// gzjzz/person/jyxx.html (classic: 起止时间 "2007-09 至 2010-07", 高中 → 本科 → 硕士研究生 passes).
