/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 身份证号 / 统一社会信用代码 (and mobile numbers): checked as the agent types, by rules/identity.ts
 * (GB 11643 check digit, birth date, region; GB 32100 check character). The portal compares them with
 * the police and business registries (§提示), so a typo costs a round trip.
 */
import { addFeature } from '../runtime';
import { isRecognised } from '../pages';
import { FIELDS } from '../fields';
import { readValue } from '../dom';
import { brandOf, verdict } from '../kit';
import { FindingList, Note, levelOf, type Placement } from '../ui';

const CHECKED = FIELDS.filter((f) => f.check);

addFeature({
  id: 'identity-checksum',
  include: [isRecognised],
  init(env) {
    env.onRefresh(() => {
      const placements: Placement[] = [];
      for (const def of CHECKED) {
        env.scan().fields(def.key).forEach((hit, i) => {
          const value = readValue(hit);
          if (!value) return;
          const result = verdict(env, { kind: def.check!, value });
          if (!result) return;
          const level = levelOf(result.findings);
          // A valid mobile number needs no comment; IDs and codes get their ✓ (the check digit was verified).
          if (def.check === 'mobile' && level === 'ok') return;
          const typing = level === 'error' && hit.controls.includes(document.activeElement as HTMLElement) && value.length < 18;
          placements.push({
            key: `${def.key}#${i}`,
            anchor: hit.box,
            where: 'append',
            version: JSON.stringify([value, result, typing, env.lang]),
            render: () => (
              <Note brand={brandOf(env)} level={typing ? 'info' : level}>
                <FindingList findings={result.findings} lang={env.lang} />
              </Note>
            ),
          });
        });
      }
      env.anchors.sync(placements);
    });
  },
});

// Tested on: gzjzz/person/grxx.html (classic 证件号码 with a wrong check digit, 经办人证件号码 on dwxx.html),
// person-platform #/person-platform/basic-info (SPA 身份证号, 随往子女 dialog) and unit-platform
// #/unit-platform/company (统一社会信用代码; classic 社会统一信用代码).
