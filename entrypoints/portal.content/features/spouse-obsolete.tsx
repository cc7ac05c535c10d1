/** @jsxImportSource @/entrypoints/portal.content/jsx */
/** 配偶信息: spouse data is no longer filed (§提示 特别注意 2, §六(二) 6) — said where old pages still ask for it. */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { brandOf, fieldRule, guidance, headingSaying } from '../kit';
import { Note } from '../ui';

const SPOUSE_KEYS = ['spouseName', 'spouseResidentId', 'spouseHukou', 'spouseAccompanies'];

addFeature({
  id: 'spouse-obsolete',
  include: [isModule('person-basic-info')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'spouse-not-filed');
      const first = SPOUSE_KEYS.flatMap((k) => env.scan().fields(k))[0];
      if (!rule || !first) return env.anchors.sync([]);
      // Above the block: after its 配偶信息 title when there is one, else before the fields' table/form.
      const title = headingSaying(env, ['配偶信息', '配偶情况']);
      const anchor = title ?? first.label.closest('table, form') ?? first.box;
      env.anchors.sync([
        {
          key: 'spouse',
          anchor,
          where: title ? 'after' : 'before',
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} level="warning" title={env.t('portal.spouse.title')} section={rule.section}>
              {rule.text}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: gzjzz/person/grxx.html (classic, the obsolete 配偶信息 block); the SPA pages show no spouse fields.
