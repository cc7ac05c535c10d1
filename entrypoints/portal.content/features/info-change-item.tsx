/** @jsxImportSource @/entrypoints/portal.content/jsx */
/** 个人信息变更: "state the specific item changed" (§六(五)), checked live under the note field. */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { readValue } from '../dom';
import { brandOf, fieldRule, guidance, verdict } from '../kit';
import { FindingList, Note, levelOf } from '../ui';

addFeature({
  id: 'info-change-item',
  include: [isModule('person-info-change')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'info-change-state-item');
      const hit = env.scan().fields('changeNote')[0];
      if (!rule || !hit) return env.anchors.sync([]);
      const note = readValue(hit);
      const result = note ? verdict(env, { kind: 'infoChange', note }) : undefined;
      env.anchors.sync([
        {
          key: 'note',
          anchor: hit.box,
          where: 'append',
          version: JSON.stringify([note, result, env.lang]),
          render: () => (
            <Note brand={brandOf(env)} level={result ? levelOf(result.findings) : 'info'} section={rule.section}>
              {rule.text}
              {result ? <FindingList findings={result.findings} lang={env.lang} /> : null}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/info-change (变更事项说明 textarea; typing 「居住地变更」 passes).
