/** @jsxImportSource @/entrypoints/portal.content/jsx */
/** 户籍地址 / 现居住地: "fill them as the materials to be uploaded say" (§六(一) 2 ①), under each field. */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { brandOf, fieldRule, guidance } from '../kit';
import { Note } from '../ui';

addFeature({
  id: 'address-materials',
  include: [isModule('person-basic-info')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'address-as-materials');
      if (!rule) return;
      const hits = [...env.scan().fields('hukouAddress'), ...env.scan().fields('residence')];
      env.anchors.sync(
        hits.map((hit, i) => ({
          key: `${hit.key}#${i}`,
          anchor: hit.box,
          where: 'append' as const,
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} section={rule.section}>
              {rule.text}
            </Note>
          ),
        })),
      );
    });
  },
});

// Tested on: person-platform #/person-platform/basic-info (SPA: 户籍地址, 现居住地) and
// gzjzz/person/grxx.html (classic: 户口所在地, 现居住地址).
