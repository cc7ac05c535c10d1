import { describe, expect, it } from 'vitest';
import data from '../../fixtures/portal/data.json';
import { checklist, type ChecklistFacts } from '../../../rules';
import { coreName, itemsOnPage, matchAttachmentRows, uploadedOffers } from '../../../rules/attachment-rows';
import type { AttachmentRow } from '../../../utils/messaging';

const STATUS = { 已上传: 'uploaded', 未上传: 'missing' } as const;
const rowsOf = (key: keyof typeof data.facts.attachments): AttachmentRow[] =>
  data.facts.attachments[key].rows.map(([name, status]) => ({ name, status: STATUS[status as keyof typeof STATUS] ?? 'unknown' }));
const items = (f: ChecklistFacts) => checklist(f).items;
const byRow = (m: ReturnType<typeof matchAttachmentRows>) => Object.fromEntries(m.map((x) => [x.row.name, x.itemIds]));

const newPermitA: ChecklistFacts = { business: 'new-permit', category: 'A', children: 1, housing: 'rented' };

describe('matching the personal 附件管理 rows to a new-permit case (category A, one child, rented home)', () => {
  it('maps every row of the Element replica to the items it stands for', () => {
    const m = byRow(matchAttachmentRows(rowsOf('personElement'), items(newPermitA), 'person-attachments'));
    expect(m).toEqual({
      户口本首页及本人页: ['hukou-pages'],
      诚信声明: ['applicant-integrity-statement'],
      '住所证明（房屋租赁合同、房主身份证及房屋所有权证）': ['housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract'],
      应税收入材料: ['income-records-recent'],
      学历证书: ['diploma-certificate'],
      学位证书: ['degree-certificate'],
      子女出生医学证明: ['child-birth-certificate'],
      子女身份证: ['child-id-card'],
      子女户口簿首页和个人页: ['child-hukou-pages'],
    });
  });

  it('reads the classic replica\'s longer names the same way', () => {
    const m = byRow(matchAttachmentRows(rowsOf('personClassic'), items(newPermitA), 'person-attachments'));
    expect(m['申请人户口本首页及本人页']).toEqual(['hukou-pages']);
    expect(m['在京合法稳定住所证明（房屋租赁合同、房主身份证等）']).toEqual(['housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract']);
    expect(m['子女户口簿首页和个人页']).toEqual(['child-hukou-pages']);
  });

  it('never matches the applicant\'s hukou row to the child\'s, nor 学历证书 to the verification report', () => {
    const facts: ChecklistFacts = { ...newPermitA, diplomaMarkedInvalid: true, degreeMarkedInvalid: true };
    const m = byRow(matchAttachmentRows(rowsOf('personElement'), items(facts), 'person-attachments'));
    expect(m['户口本首页及本人页']).toEqual(['hukou-pages']);
    expect(m['学历证书']).toEqual(['diploma-certificate']);
    expect(m['学位证书']).toEqual(['degree-certificate']);
  });

  it('offers only the rows shown 已上传, and only items not ticked uploaded or n.a. yet', () => {
    const matches = matchAttachmentRows(rowsOf('personElement'), items(newPermitA), 'person-attachments');
    const offers = uploadedOffers(matches, { 'degree-certificate': { state: 'uploaded' }, 'housing-landlord-deed': { state: 'na' }, 'hukou-pages': { state: 'ready' } });
    expect(offers.map((o) => o.itemId)).toEqual(['hukou-pages', 'housing-landlord-id-card', 'housing-lease-contract', 'diploma-certificate']);
    expect(offers.find((o) => o.itemId === 'housing-lease-contract')?.rows).toEqual(['住所证明（房屋租赁合同、房主身份证及房屋所有权证）']);
  });

  it('matches nothing of a renewal that the page does not list, and nothing of the employer\'s items', () => {
    const m = byRow(matchAttachmentRows(rowsOf('personElement'), items({ business: 'renewal' }), 'person-attachments'));
    expect(m).toEqual({
      户口本首页及本人页: ['hukou-pages'],
      诚信声明: ['applicant-integrity-statement'],
      应税收入材料: ['income-records-permit-period'],
    });
  });
});

describe('matching the employer 附件管理 rows to the registration checklist', () => {
  const reg = items({ business: 'employer-registration', paidInCapitalPublic: false });
  it('maps the Element and classic rows, registration attachments included', () => {
    expect(byRow(matchAttachmentRows(rowsOf('unitElement'), reg, 'unit-attachments'))).toEqual({
      营业执照: ['employer-licence'],
      单位资质证书: ['employer-qualification-certificate'],
      产值贡献材料: ['employer-output-contribution'],
      单位诚信声明: ['employer-integrity-statement'],
      经办人身份证: ['employer-agent-id-card'],
      其他材料: ['employer-capital-verification', 'employer-other-materials'],
    });
    const classic = byRow(matchAttachmentRows(rowsOf('unitClassic'), reg, 'unit-attachments'));
    expect(classic['营业执照（副本）']).toEqual(['employer-licence']);
    expect(classic['业务经办人身份证']).toEqual(['employer-agent-id-card']);
    expect(classic['其他材料（验资报告等）']).toEqual(['employer-capital-verification', 'employer-other-materials']);
  });

  it('keeps the personal 诚信声明 row away from the employer\'s statement', () => {
    const both = [...reg, ...items(newPermitA)];
    expect(byRow(matchAttachmentRows([{ name: '诚信声明', status: 'uploaded' }], both, 'person-attachments'))).toEqual({ 诚信声明: ['applicant-integrity-statement'] });
  });
});

describe('helpers', () => {
  it('coreName drops brackets, quotes and the applicant/employer prefix', () => {
    expect(coreName('申请人《诚信声明》（系统中下载）')).toBe('诚信声明');
    expect(coreName('营业执照（副本）')).toBe('营业执照');
    expect(coreName('单位资质证书')).toBe('资质证书');
  });
  it('itemsOnPage lists the page\'s items and none for an unknown module', () => {
    const list = items(newPermitA);
    expect(itemsOnPage(list, 'unit-pending-links').map((i) => i.id)).toEqual(['labour-contract']);
    expect(itemsOnPage(list, null)).toEqual([]);
  });
  it('ignores rows with names too short to mean anything', () => {
    expect(matchAttachmentRows([{ name: ' ', status: 'uploaded' }, { name: '证', status: 'uploaded' }], items(newPermitA), 'person-attachments')).toEqual([]);
  });
});

describe('the panel and the overlay read 附件管理 rows through one table (rules/attachment-rows.ts)', () => {
  const factSets: ChecklistFacts[] = [
    newPermitA,
    { business: 'new-permit', category: 'B', children: 0, housing: 'own' },
    { business: 'renewal', category: 'A', children: 2, housing: 'relatives' },
  ];
  it('never ticks an item for a replica row that the overlay would not mark for that row', async () => {
    const { slotItems } = await import('../../../rules/attachment-rows');
    const pages = [
      ['personElement', 'person-attachments'],
      ['personClassic', 'person-attachments'],
      ['unitElement', 'unit-attachments'],
      ['unitClassic', 'unit-attachments'],
    ] as const;
    let compared = 0;
    for (const facts of factSets) {
      for (const [key, module] of pages) {
        for (const m of matchAttachmentRows(rowsOf(key), items(facts), module)) {
          for (const id of m.itemIds) expect(slotItems(m.row.name), `${key}: ${m.row.name}`).toContain(id);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(20);
  });
  it('falls back to keywords for a row the portal renamed so that the table no longer knows it', async () => {
    const { slotItems } = await import('../../../rules/attachment-rows');
    const renamed: AttachmentRow = { name: '住房证明材料', status: 'uploaded' };
    expect(slotItems(renamed.name)).toEqual([]);
    const m = byRow(matchAttachmentRows([renamed], items(newPermitA), 'person-attachments'));
    expect(m['住房证明材料']).toEqual(['housing-landlord-deed', 'housing-landlord-id-card', 'housing-lease-contract']);
  });
});

describe('the page state of an item: one answer for the overlay and the side panel', () => {
  it('reads 当前状态 as the page words it, anything else kept as unknown', async () => {
    const { attachmentRowStatus } = await import('../../../rules/attachment-rows');
    expect(attachmentRowStatus('已上传')).toBe('uploaded');
    expect(attachmentRowStatus('未上传')).toBe('missing');
    expect(attachmentRowStatus('审核中')).toBe('unknown');
  });
  it('is uploaded when any row of the item is 已上传, missing when none is, no-row without rows', async () => {
    const { pageStateOf } = await import('../../../rules/attachment-rows');
    const m = (name: string, status: 'uploaded' | 'missing' | 'unknown', itemIds: string[]) => ({ row: { name, status }, itemIds });
    const matches = [m('住所证明', 'missing', ['housing-lease-contract', 'housing-landlord-deed']), m('租赁合同', 'uploaded', ['housing-lease-contract']), m('户口本', 'missing', ['hukou-pages'])];
    expect(pageStateOf(matches, 'housing-lease-contract')).toBe('uploaded');
    expect(pageStateOf(matches, 'housing-landlord-deed')).toBe('missing');
    expect(pageStateOf(matches, 'hukou-pages')).toBe('missing');
    expect(pageStateOf(matches, 'applicant-integrity-statement')).toBe('no-row');
  });
});
