/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 可办业务列表 (employer): the permission request must name 北京市工作居住证 and 大兴区人力社保局 and
 * state the intended business in the opinion (§六(一) 1 (1)). The rule above the list; in the request
 * dialog, the three fields checked live, and a suggested opinion to copy (the agent pastes it: nothing in the page writes).
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { readValue } from '../dom';
import { brandOf, fieldRule, guidance, headingSaying, verdict } from '../kit';
import { CopyButton, FindingList, Note, levelOf, type Placement } from '../ui';

addFeature({
  id: 'permission-request',
  include: [isModule('unit-business')],
  init(env) {
    const g = guidance(env);
    env.onRefresh(() => {
      const rule = fieldRule(env, g.get(), 'permission-request-fields');
      if (!rule) return;
      const scan = env.scan();
      const placements: Placement[] = [];
      const list = scan.table([['业务名称'], ['证件类型'], ['主管部门']], 2);
      const anchor = list?.root ?? headingSaying(env, ['可办业务列表', '可办业务']);
      if (anchor) {
        placements.push({
          key: 'rule',
          anchor,
          where: 'before',
          version: rule.text,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.permission.title')} section={rule.section}>
              {rule.text}
            </Note>
          ),
        });
      }
      const opinion = scan.fields('opinion')[0];
      if (opinion) {
        const valueOf = (key: string) => {
          const hit = scan.fields(key)[0];
          return hit ? readValue(hit) : '';
        };
        const text = readValue(opinion);
        const permitType = valueOf('permitType');
        const authority = valueOf('authority');
        const untouched = !text && !permitType && !authority;
        const check = verdict(env, { kind: 'permission', permitType, authority, opinion: text });
        const suggestion = verdict(env, { kind: 'permissionOpinion', intended: [] })?.text;
        if (check && suggestion) {
          placements.push({
            key: 'dialog',
            anchor: opinion.box,
            where: 'append',
            version: JSON.stringify([check, suggestion, untouched, env.lang]),
            render: () => {
              // Copy only: a step that writes into the page happens from the side panel (issue #20); the agent pastes.
              return (
                <Note brand={brandOf(env)} level={untouched ? 'info' : levelOf(check.findings)} section={rule.section}>
                  {/* Before anything is chosen: the rule, not three errors. */}
                  {untouched ? rule.text : <FindingList findings={check.findings} lang={env.lang} />}
                  <div class="row">
                    <span>{env.t('portal.permission.suggested')}</span>
                    <span class="q">{suggestion}</span>
                    <CopyButton text={suggestion} label={env.t('common.copy')} done={env.t('common.copied')} failed={env.t('common.copyFailed')} />
                  </div>
                </Note>
              );
            },
          });
        }
      }
      env.anchors.sync(placements);
    });
  },
});

// Tested on: unit-platform #/unit-platform/business (申请 → 申请业务权限 dialog: 证件类型 and 主管部门
// dropdowns, 申请意见 textarea). The classic replicas have no employer business page.
