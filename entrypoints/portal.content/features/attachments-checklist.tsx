/** @jsxImportSource @/entrypoints/portal.content/jsx */
/**
 * 附件管理 (both sides): the checklist of the case in focus (or the business's default list) over the
 * 附件列表 — which materials this case requires, which rows are 已上传 and which are missing, which
 * must be signed and stamped (§五) and which carry the income annotation (§六(二) 5: the guide's
 * template here; the filled-in text, with names and phone, only in the side panel) — and a mark on every
 * row of the table. No employee, company or agent name or phone is drawn: the page can read our UI
 * (issue #20).
 */
import { addFeature } from '../runtime';
import { isModule } from '../pages';
import { attachmentRowStatus, labelsOf, matchAttachmentRows, pageStateOf } from '../fields';
import { cellOf, cellText } from '../dom';
import { brandOf, cellAnchor } from '../kit';
import { Note, type Placement } from '../ui';
import type { PortalChecklist } from '../../../utils/messaging';
import type { ChecklistItem } from '../../../rules/checklist';

const NAME = labelsOf('attachmentName');
const STATUS = labelsOf('attachmentStatus');

type State = 'uploaded' | 'missing' | 'no-row';
const STATE_TEXT = { uploaded: 'portal.att.state.uploaded', missing: 'portal.att.state.missing', 'no-row': 'portal.att.state.no-row' } as const;

addFeature({
  id: 'attachments-checklist',
  include: [isModule('person-attachments', 'unit-attachments')],
  init(env) {
    let list: PortalChecklist | null = null;
    const load = () =>
      void env.bridge.checklist(env.page.module).then((c) => {
        if (env.signal.aborted) return;
        list = c;
        env.refreshSoon();
      });
    load();
    // The agent edits the case in the side panel beside the page (a date, a tick, another case in focus):
    // asked again when they come back to the page, so the checklist here says what the side panel says.
    env.ctx.addEventListener(window, 'focus', load);
    env.ctx.addEventListener(document, 'visibilitychange', () => document.visibilityState === 'visible' && load());
    const side = env.page.module === 'unit-attachments' ? 'employer' : 'applicant';

    env.onRefresh(() => {
      const table = env.scan().table([NAME, STATUS], 2);
      const checklist = list as PortalChecklist | null;
      if (!table || !checklist) return env.anchors.sync([]);
      const rows = table.rows.map((row) => ({
        row,
        nameCell: cellOf(table, row, NAME),
        name: cellText(cellOf(table, row, NAME)),
        status: cellText(cellOf(table, row, STATUS)),
      }));
      const documents = checklist.items.filter((i) => i.kind === 'document');
      const here = documents.filter((i) => i.uploader === side && !(side === 'applicant' && i.module !== env.page.module));
      const elsewhere = documents.filter((i) => !here.includes(i));
      // Which items each row stands for: the side panel's matching (rules/attachment-rows.ts), so the marks here
      // and the panel's sync offers never disagree about a row.
      const pageRows = rows.map((r) => ({ name: r.name, status: attachmentRowStatus(r.status) }));
      const matches = matchAttachmentRows(pageRows, checklist.items, env.page.module);
      const itemsByRow = new Map(matches.map((m) => [m.row, m.itemIds]));
      const itemsOf = (i: number) => itemsByRow.get(pageRows[i]) ?? [];
      const stateOf = (item: ChecklistItem): State => pageStateOf(matches, item.id);
      const states = here.map((item) => ({ item, state: stateOf(item) }));
      // Items whose saved document already fails §五 (the side panel's verdict): 已上传 does not make them good.
      const shortOf = new Map(checklist.shortfalls.map((x) => [x.itemId, x.monthsRequired]));
      const uploaded = states.filter((s) => s.state === 'uploaded' && !shortOf.has(s.item.id)).length;
      const short = states.filter((s) => shortOf.has(s.item.id)).length;
      const annotate = here.some((i) => i.needsIncomeAnnotation);

      const Flags = (item: ChecklistItem) => [
        shortOf.has(item.id) ? <span class="tag error">{env.t('portal.att.short', { months: shortOf.get(item.id)! })}</span> : null,
        item.signatureAndSeal ? <span class="tag warning">{env.t('portal.att.sealSign')}</span> : item.sealRequired ? <span class="tag warning">{env.t('portal.att.seal')}</span> : null,
        item.needsIncomeAnnotation ? <span class="tag warning">{env.t('portal.att.annotation')}</span> : null,
        item.validity !== 'none' ? <span class="tag">{env.t(item.validity === '6-months' ? 'portal.att.valid6' : 'portal.att.valid3')}</span> : null,
      ];
      const stateTag = (item: ChecklistItem, state: State) => (
        <span class={`tag ${state === 'uploaded' && !shortOf.has(item.id) ? 'ok' : 'error'}`}>{env.t(STATE_TEXT[state])}</span>
      );

      const placements: Placement[] = [
        {
          key: 'checklist',
          anchor: table.root,
          where: 'before',
          version: JSON.stringify([checklist, states.map((s) => s.state), env.lang]),
          render: () => (
            <Note
              brand={brandOf(env)}
              level={short ? 'error' : uploaded === here.length ? 'ok' : 'warning'}
              title={env.t('portal.att.title', { business: env.pick(checklist.businessLabel), who: '' })}
              section={checklist.section}
            >
              <div>{checklist.source === 'case' ? env.t('portal.att.fromCase') : env.t('portal.att.default')}</div>
              <div>{env.t('portal.att.summary', { required: here.length, uploaded, missing: here.length - uploaded })}</div>
              {short ? (
                <ul>
                  <li class="error">{env.t('portal.att.shortSummary', { n: short })}</li>
                </ul>
              ) : null}
              <table>
                <tr>
                  <th>{env.t('portal.att.col.item')}</th>
                  <th>{env.t('portal.att.col.state')}</th>
                  <th>{env.t('portal.att.col.needs')}</th>
                </tr>
                {states.map(({ item, state }) => (
                  <tr>
                    <td>
                      {env.pick(item.title)}
                      {item.condition ? <div class="s">{env.pick(item.condition)}</div> : null}
                    </td>
                    <td>{stateTag(item, state)}</td>
                    <td>{Flags(item)}</td>
                  </tr>
                ))}
              </table>
              {annotate ? (
                <div class="row">
                  <span>{env.t('portal.att.annotationText')}</span>
                  <span class="q">{checklist.annotation.text}</span>
                  <span class="s wrap">{env.t(checklist.annotation.complete ? 'portal.att.annotationInPanel' : 'portal.att.annotationIncomplete')}</span>
                </div>
              ) : null}
              {elsewhere.length ? (
                <div>
                  {env.t('portal.att.elsewhere')}
                  <ul>
                    {elsewhere.map((i) => (
                      <li>
                        {env.pick(i.title)} — {env.pick(i.placeLabel)}
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {checklist.notes.length ? (
                <ul>
                  {checklist.notes.map((n) => (
                    <li class="warning">{env.pick(n)}</li>
                  ))}
                </ul>
              ) : null}
            </Note>
          ),
        },
      ];

      rows.forEach((r, i) => {
        if (!r.nameCell) return;
        const required = here.filter((item) => itemsOf(i).includes(item.id));
        const done = pageRows[i].status === 'uploaded';
        const shortMonths = required.map((x) => shortOf.get(x.id)).find((m) => m !== undefined);
        placements.push({
          key: `row#${i}`,
          anchor: cellAnchor(r.nameCell),
          where: 'append',
          host: 'mark',
          version: JSON.stringify([r.name, r.status, required.map((x) => x.id), shortMonths, env.lang]),
          render: () =>
            required.length ? (
              <span>
                <span class={`tag ${done && shortMonths === undefined ? 'ok' : 'error'}`}>{env.t(done ? 'portal.att.row.done' : 'portal.att.row.missing')}</span>
                {shortMonths !== undefined ? <span class="tag error">{env.t('portal.att.short', { months: shortMonths })}</span> : null}
                {required.some((x) => x.signatureAndSeal) ? <span class="tag warning">{env.t('portal.att.sealSign')}</span> : null}
                {required.some((x) => x.needsIncomeAnnotation) ? <span class="tag warning">{env.t('portal.att.annotation')}</span> : null}
              </span>
            ) : (
              <span class="tag muted">{env.t('portal.att.row.notRequired')}</span>
            ),
        });
      });
      env.anchors.sync(placements);
    });
  },
});

// Tested on: person-platform #/person-platform/attachments and gzjzz/person/fjgl.html (applicant:
// default 新办证件 list and a focused case with children), unit-platform #/unit-platform/attachments and
// gzjzz/unit/dwfjgl.html (employer: 权限注册 materials, 其他材料 for ⑥–⑦).
