/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 待办理证件聘用单位变更员工: the new employer must be the one paying the holder's social insurance,
 * and confirms the link only once that record exists (§六(四) 注意事项 3) — above the list.
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { labelsOf } from '../fields';
import { brandOf, fieldRule, guidance } from '../kit';
import { Note } from '../ui';

addFeature({
  id: 'employer-change-payer',
  include: [isModule('unit-employer-change')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'employer-is-social-insurance-payer');
      const table = env.scan().table([labelsOf('employeeName'), labelsOf('permitNo'), labelsOf('oldEmployer'), labelsOf('permitValidTo')], 2);
      if (!rule || !table) return env.anchors.sync([]);
      env.anchors.sync([
        {
          key: 'payer',
          anchor: table.root,
          where: 'before',
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.employerChange.title')} section={rule.section}>
              {rule.text}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: unit-platform #/unit-platform/permit?tab=employer-change (孙丽, 挂起, valid until 2027-06-30).
