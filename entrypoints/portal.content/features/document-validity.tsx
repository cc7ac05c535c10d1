/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * Date fields of documents with a validity period (ID card, 居住证, labour contract, lease): the §五
 * rule with the exact date — provided today, valid until at least today + 3 months (contracts and
 * leases + 6), that day included — and the verdict on the date entered.
 */
import { addFeature } from '../runtime';
import { isRecognised } from '../pages';
import { FIELDS } from '../fields';
import { pageDate, readValue } from '../dom';
import { brandOf, verdict } from '../kit';
import { FindingList, Note, levelOf, type Placement } from '../ui';

const DATED = FIELDS.filter((f) => f.validity);
const LONG_TERM = /长期/;

addFeature({
  id: 'document-validity',
  include: [isRecognised],
  init(env) {
    env.onRefresh(() => {
      const placements: Placement[] = [];
      for (const def of DATED) {
        env.scan().fields(def.key).forEach((hit, i) => {
          const raw = readValue(hit);
          const date = LONG_TERM.test(raw) ? '长期' : pageDate(raw);
          // Asked with today's date when empty: the answer still carries the day the rule needs.
          const result = verdict(env, { kind: 'validity', document: def.validity!, validUntil: date || env.today });
          if (!result?.mustBeValidUntil) return;
          const entered = !!date && !result.invalid;
          const level = entered ? levelOf(result.findings) : 'info';
          placements.push({
            key: `${def.key}#${i}`,
            anchor: hit.box,
            where: 'append',
            version: JSON.stringify([date, result, env.lang]),
            render: () => (
              <Note brand={brandOf(env)} level={level} section={result.findings[0]?.section ?? '§五'}>
                {/* With a date entered the verdict names the day itself; without one, the rule with the exact day. */}
                {entered ? (
                  <FindingList findings={result.findings} lang={env.lang} />
                ) : (
                  env.t('portal.validity.rule', { months: result.monthsRequired ?? 3, today: env.today, date: result.mustBeValidUntil! })
                )}
              </Note>
            ),
          });
        });
      }
      env.anchors.sync(placements);
    });
  },
});

// Tested on: person-platform #/person-platform/basic-info (身份证有效期至, 居住证有效期至),
// gzjzz/person/grxx.html (证件有效期至, 北京市居住证有效期至), unit-platform #/unit-platform/pending-links
// and /employees dialogs (劳动合同结束日期), gzjzz/unit/dqrgl.html (劳动合同终止日期).
