/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 个人首页 (overview): the permit card (持证人, 身份证号, 证件编号, 发证日期, 有效期 / 有效期至, 证件状态) and the
 * businesses in progress with their states, read as shown and sent to the side panel, which offers
 * 「保存到案卷」 for the case in focus (preview, one confirmation). Read-only: nothing on the portal changes.
 * What is read travels to the background only (issue #20: the page can read what we draw); the note drawn
 * here says where to go and carries no personal data.
 */
import { addFeature, type FeatureEnv } from '../runtime';
import { isModule } from '../pages';
import { cellOf, cellText, isOurs } from '../dom';
import { brandOf } from '../kit';
import { Note } from '../ui';
import type { PortalRecords } from '../../../rules/portal-records';

// Label variants of the permit card (2020 mock of the platform; classic pages say 证件号码 for the ID).
const CARD = {
  name: ['持证人', '姓名'],
  residentId: ['身份证号', '身份证号码', '证件号码', '公民身份号码'],
  permitNo: ['证件编号', '工作居住证编号'],
  issuedOn: ['发证日期', '签发日期', '发证时间'],
  validUntil: ['有效期至', '证件有效期至', '有效期', '有效期限', '证件有效期'],
  permitState: ['证件状态'],
} as const;
const BUSINESS = ['业务名称', '业务类型', '申请业务'];
const STATE = ['办理进度', '办理状态', '审核状态', '当前状态', '业务状态', '状态'];

/** The text shown after a label (SPA: the label's sibling; classic: the next cell); '' when none. */
function valueAfter(env: FeatureEnv, variants: readonly string[]): string {
  for (const label of env.scan().elementsSaying(variants)) {
    if (label.closest('th, [role=columnheader], button, a, nav, [role=menu]')) continue;
    for (let el: Element | null = label, depth = 0; el && depth < 2; el = el.parentElement, depth++) {
      let next = el.nextElementSibling;
      while (next && isOurs(next)) next = next.nextElementSibling;
      const text = next ? cellText(next) : '';
      if (text) return text.slice(0, 60);
    }
  }
  return '';
}

function read(env: FeatureEnv): Extract<PortalRecords, { kind: 'person' }> {
  const person: Record<string, string> = {};
  for (const [key, variants] of Object.entries(CARD)) {
    const v = valueAfter(env, variants);
    if (v) person[key] = key === 'name' ? v.slice(0, 100) : v.slice(0, key === 'residentId' || key === 'permitState' ? 40 : 60);
  }
  const table = env.scan().table([BUSINESS, STATE], 2);
  const businesses = (table?.rows ?? [])
    .map((row) => ({ business: cellText(cellOf(table!, row, BUSINESS)).slice(0, 60), state: cellText(cellOf(table!, row, STATE)).slice(0, 40) }))
    .filter((b) => b.business)
    .map((b) => (b.state ? b : { business: b.business }))
    .slice(0, 50);
  return { kind: 'person', module: 'person-overview', person, businesses };
}

addFeature({
  id: 'overview-records',
  include: [isModule('person-overview')],
  init(env) {
    env.onRefresh(() => {
      const records = read(env);
      const found = Object.keys(records.person).length > 0 || records.businesses.length > 0;
      if (!found) return env.anchors.sync([]);
      env.bridge.reportRecords(records);
      const anchor = env.scan().elementsSaying(CARD.permitNo)[0] ?? env.scan().elementsSaying(BUSINESS)[0];
      const box = anchor?.closest('table, dl, [role=table]') ?? anchor?.parentElement?.parentElement ?? null;
      if (!box) return env.anchors.sync([]);
      env.anchors.sync([
        {
          key: 'records',
          anchor: box,
          where: 'before',
          version: env.lang,
          render: () => (
            <Note brand={brandOf(env)} title={env.t('portal.records.title')}>
              {env.t('portal.records.person')}
            </Note>
          ),
        },
      ]);
    });
  },
});

// Tested on: person-platform #/person-platform/overview (我的证件 card with a masked ID, 我的业务 table) and
// gzjzz/person/grsy.html (classic: label cells, the full 证件号码, 办理状态 with a word outside the vocabulary).
