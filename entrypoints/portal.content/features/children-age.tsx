/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 随往子女: "in principle not over 16" (§六(二) 6) above the children's list, each row's age marked,
 * and the birth date in the add/edit form checked as it is entered.
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { cellOf, cellText, pageDate, readValue } from '../dom';
import { brandOf, cellAnchor, guidance, ruleText, verdict } from '../kit';
import { FindingList, Note, levelOf, type Placement } from '../ui';

const NAME = labelsOf('childName');
const BIRTH = labelsOf('childBirthDate');

addFeature({
  id: 'children-age',
  include: [isModule('person-basic-info')],
  init(env) {
    const g = guidance(env, ['child-age-16']);
    env.onRefresh(() => {
      const rule = ruleText(env, g.get(), 'child-age-16');
      if (!rule) return;
      const placements: Placement[] = [];
      const table = env.scan().table([NAME, BIRTH], 2);
      if (table) {
        placements.push({
          key: 'rule',
          anchor: table.root,
          where: 'before',
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.children.title')} section={rule.section}>
              {rule.text}
            </Note>
          ),
        });
        table.rows.forEach((row, i) => {
          const cell = cellOf(table, row, BIRTH);
          const birth = pageDate(cellText(cell));
          const result = birth.length === 10 ? verdict(env, { kind: 'childAge', birthDate: birth }) : undefined;
          if (!cell || !result || result.invalid || result.age === undefined) return;
          placements.push({
            key: `row#${i}`,
            anchor: cellAnchor(cell),
            where: 'append',
            host: 'mark',
            version: JSON.stringify([birth, result.ok, result.age, env.lang]),
            render: () => (
              <span class={`tag ${result.ok ? 'ok' : 'error'}`}>
                {env.t(result.ok ? 'portal.children.ageOk' : 'portal.children.ageOver', { age: result.age! })}
              </span>
            ),
          });
        });
      }
      env.scan().fields('childBirthDate').forEach((hit, i) => {
        const birth = pageDate(readValue(hit));
        const result = birth.length === 10 ? verdict(env, { kind: 'childAge', birthDate: birth }) : undefined;
        if (!result || result.invalid) return;
        placements.push({
          key: `field#${i}`,
          anchor: hit.box,
          where: 'append',
          version: JSON.stringify([birth, result, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} level={levelOf(result.findings)}>
              <FindingList findings={result.findings} lang={env.lang} />
            </Note>
          ),
        });
      });
      env.anchors.sync(placements);
    });
  },
});

// Tested on: person-platform #/person-platform/basic-info (SPA 随往子女 table + 随往子女信息 dialog) and
// gzjzz/person/grxx.html (classic 随往子女 list + 新增 edit form).
