// @vitest-environment happy-dom
/**
 * The content script's page index (evidence.ts PageIndex) kept up to date from mutation records (issue #16):
 * after any batch it says what a fresh scan of the same DOM would say; what features see follows the
 * fields added and removed; a heading's text changes recognition; a page that changes shape is no module;
 * and a batch tells only the features whose reads it touched.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PageIndex, scanPage, type IndexChange } from '../../../entrypoints/portal.content/evidence';
import { PageScan, ScanCache, ScanDeps } from '../../../entrypoints/portal.content/dom';
import { mayChangeRecognition, recognise } from '../../../entrypoints/portal.content/pages';
import { FIELDS } from '../../../entrypoints/portal.content/fields';

const URL = 'https://fw.bjrcgz.gov.cn/person-platform/#/person-platform/basic-info';

/** An Element-style 个人基础信息 form: breadcrumb, heading, labelled fields, a 随往子女 table and a 社保 table. */
function spaPage(): string {
  const item = (label: string, control = '<input type="text">') =>
    `<div class="el-form-item"><label class="el-form-item__label">${label}</label><div class="el-form-item__content">${control}</div></div>`;
  return `
    <section id="app"><header><ul role="menubar"><li role="menuitem">个人基础信息</li><li role="menuitem">教育信息</li></ul></header>
    <main>
      <div class="crumb">当前位置：个人信息 &gt; 个人基础信息</div>
      <h3 class="page-title">个人基础信息</h3>
      <form id="form">
        <div class="row" id="row1">${item('姓名')}${item('身份证号')}</div>
        <div class="row" id="row2">${item('户籍地址')}${item('出生日期', '<input type="date">')}</div>
      </form>
      <table id="kids"><thead><tr><th>子女姓名</th><th>出生日期</th></tr></thead><tbody id="kids-body"><tr><td><div class="cell">小明</div></td><td><div class="cell">2015-06-01</div></td></tr></tbody></table>
      <table id="pay"><thead><tr><th>缴费月份</th><th>状态</th></tr></thead><tbody id="pay-body"></tbody></table>
      <button type="button">刷新列表</button>
    </main></section>`;
}

function payRows(n: number): string {
  return Array.from({ length: n }, (_, i) => `<tr><td><div class="cell">2024-${String((i % 12) + 1).padStart(2, '0')}</div></td><td><div class="cell">已缴纳</div></td></tr>`).join('');
}

let index: PageIndex;
let observer: MutationObserver;

/** Applies what the observer has seen since the last call, as the content script's callback does. */
function flush(): IndexChange {
  return index.apply(observer.takeRecords());
}

/** Every short text the page could be indexed under (a superset of the index's keys). */
function candidateKeys(): string[] {
  const keys = new Set<string>(FIELDS.flatMap((f) => f.labels));
  for (const el of document.body.querySelectorAll('*')) keys.add((el.textContent ?? '').replace(/[\s\u3000*＊:：]/g, ''));
  return [...keys].filter(Boolean);
}

/** The kept index and a fresh scan of the same DOM say the same. */
function expectSameAsFreshScan(): void {
  const fresh = scanPage(document, URL);
  const kept = index.evidence(URL);
  const sorted = (xs: string[]) => [...xs].sort();
  expect(sorted(kept.headings)).toEqual(sorted(fresh.evidence.headings));
  expect(sorted(kept.labels)).toEqual(sorted(fresh.evidence.labels));
  expect(sorted(kept.tableHeaders)).toEqual(sorted(fresh.evidence.tableHeaders));
  expect(sorted(kept.texts)).toEqual(sorted(fresh.evidence.texts));
  for (const key of candidateKeys()) expect([key, index.get(key) ?? []]).toEqual([key, fresh.texts.get(key) ?? []]);
}

beforeEach(() => {
  document.body.innerHTML = spaPage();
  index = new PageIndex(document);
  index.build();
  observer = new MutationObserver(() => {});
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style', 'class', 'hidden', 'open', 'aria-hidden'] });
});

afterEach(() => observer.disconnect());

describe('the page index kept from mutation records', () => {
  it('says after every kind of change what a fresh scan of the same page says', () => {
    expectSameAsFreshScan();
    // A table re-rendered (the bench's 刷新列表), twice.
    document.getElementById('pay-body')!.innerHTML = payRows(12);
    flush();
    expectSameAsFreshScan();
    document.getElementById('pay-body')!.replaceChildren(...new DOMParser().parseFromString(`<table><tbody>${payRows(5)}</tbody></table>`, 'text/html').querySelectorAll('tr'));
    flush();
    expectSameAsFreshScan();
    // A field added, a label's text changed, a text node edited in place, a field moved to another row.
    const row2 = document.getElementById('row2')!;
    row2.insertAdjacentHTML('beforeend', '<div class="el-form-item"><label>手机号码</label><div><input></div></div>');
    document.querySelector('#row1 label')!.textContent = '申请人姓名';
    (document.querySelector('#kids-body .cell')!.firstChild as Text).data = '小红';
    document.getElementById('row1')!.append(row2.firstElementChild!);
    flush();
    expectSameAsFreshScan();
    // Menu hidden from assistive technology (its texts count as navigation), a cell's text grown past the index's limit.
    document.querySelector('main')!.setAttribute('aria-hidden', 'true');
    flush();
    expectSameAsFreshScan();
    document.querySelector('main')!.removeAttribute('aria-hidden');
    (document.querySelector('#kids-body .cell')!.firstChild as Text).data = '一个很长很长的名字'.repeat(6);
    flush();
    expectSameAsFreshScan();
    // A node added and removed within one batch, and the whole view replaced.
    const ghost = document.createElement('div');
    ghost.textContent = '临时节点';
    document.body.append(ghost);
    ghost.remove();
    flush();
    expectSameAsFreshScan();
    document.querySelector('main')!.innerHTML = '<h3>教育信息</h3><table><tr><th>学历</th><th>学校名称</th></tr><tr><td>本科</td><td>北京大学</td></tr></table>';
    flush();
    expectSameAsFreshScan();
    // <head> changes say nothing; a new <body> is read whole.
    document.title = '个人基础信息';
    document.head.append(Object.assign(document.createElement('style'), { textContent: 'h3{color:red}' }));
    flush();
    expectSameAsFreshScan();
    const next = document.createElement('body');
    next.innerHTML = spaPage();
    document.documentElement.replaceChild(next, document.body);
    flush();
    expectSameAsFreshScan();
  });

  it('a labelled field added or removed is what the features find, and only its readers are told', () => {
    const readMobile = new ScanDeps();
    const readChildren = new ScanDeps();
    expect(new PageScan(document, index, new ScanCache(), readMobile).fields('mobile')).toEqual([]);
    expect(new PageScan(document, index, new ScanCache(), readChildren).table([['子女姓名'], ['出生日期']], 2)?.rows).toHaveLength(1);

    document.getElementById('row2')!.insertAdjacentHTML('beforeend', '<div class="el-form-item"><label>手机号码</label><div class="c"><input id="m"></div></div>');
    const added = flush();
    expect(readMobile.touchedBy(added)).toBe(true);
    expect(readChildren.touchedBy(added)).toBe(false);
    const readAfterAdd = new ScanDeps();
    const hits = new PageScan(document, index, new ScanCache(), readAfterAdd).fields('mobile');
    expect(hits.map((h) => h.controls[0].id)).toEqual(['m']);

    // The 社保 table re-rendered: nobody reads it.
    document.getElementById('pay-body')!.innerHTML = payRows(50);
    const rerender = flush();
    expect(readMobile.touchedBy(rerender)).toBe(false);
    expect(readChildren.touchedBy(rerender)).toBe(false);

    // A child's row changed: the children table's reader is told.
    (document.querySelector('#kids-body .cell')!.firstChild as Text).data = '小红';
    expect(readChildren.touchedBy(flush())).toBe(true);

    document.getElementById('m')!.closest('.el-form-item')!.remove();
    const removed = flush();
    expect(readAfterAdd.touchedBy(removed)).toBe(true);
    expect(readChildren.touchedBy(removed)).toBe(false);
    expect(new PageScan(document, index).fields('mobile')).toEqual([]);
  });

  it('a reader of file inputs is told when one comes; a reader of fields when their value or focus changes', () => {
    const files = new ScanDeps();
    expect(new PageScan(document, index, new ScanCache(), files).all('input[type=file]')).toEqual([]);
    document.getElementById('pay-body')!.innerHTML = payRows(3);
    expect(files.touchedBy(flush())).toBe(false);
    document.getElementById('row2')!.insertAdjacentHTML('beforeend', '<div><label>证件照片</label><div><input type="file"></div></div>');
    expect(files.touchedBy(flush())).toBe(true);

    const ids = new ScanDeps();
    const [hit] = new PageScan(document, index, new ScanCache(), ids).fields('residentId');
    expect(ids.valuesChanged()).toBe(false);
    (hit.controls[0] as HTMLInputElement).value = '11010519491231002X';
    expect(ids.valuesChanged()).toBe(true);
  });

  it('a heading whose text changes changes the recognition', () => {
    expect(recognise(index.evidence(URL)).module).toBe('person-basic-info');
    const heading = document.querySelector('h3')!;
    (heading.firstChild as Text).data = '教育信息';
    document.querySelector('.crumb')!.remove();
    document.getElementById('row1')!.insertAdjacentHTML('beforeend', '<div class="el-form-item"><label>学历</label><div><input></div></div>');
    const change = flush();
    expect(change.evidence).toBe(true);
    expect(mayChangeRecognition(change)).toBe(true);
    expect(recognise(index.evidence(URL)).module).toBe('person-education');
  });

  it('a page that changes shape is no module, with the reason (the overlay goes, the diagnostic is reported)', () => {
    expect(recognise(index.evidence(URL)).module).toBe('person-basic-info');
    // The portal renamed its fields: heading still there, none of the module's labels.
    for (const label of document.querySelectorAll('label')) label.textContent = 'Field';
    document.querySelector('.crumb')!.remove();
    document.querySelector('header')!.remove();
    const change = flush();
    expect(mayChangeRecognition(change)).toBe(true);
    const r = recognise(index.evidence(URL));
    expect(r.module).toBeNull();
    expect(r.reasons.join(' ')).toContain('heading of person-basic-info found but none of its fields');
  });

  it('a re-rendered table with the same texts leaves the evidence as it was (no re-recognition)', () => {
    document.getElementById('pay-body')!.innerHTML = payRows(50);
    flush();
    document.getElementById('pay-body')!.innerHTML = payRows(50);
    const change = flush();
    expect(change.evidenceTexts.size).toBe(0);
    expect(mayChangeRecognition(change)).toBe(false);
    expect(change.texts.has('已缴纳')).toBe(true);
    // A loading mask's text comes and goes: nothing recognition reads.
    document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div class="el-loading-mask"><p>加载中</p></div>');
    const loading = flush();
    expect(loading.evidenceTexts.has('加载中')).toBe(true);
    expect(mayChangeRecognition(loading)).toBe(false);
  });
});

describe('a list re-rendered with the same markup (issue #16: read when somebody asks, not at once)', () => {
  /** The 社保 table's body: 30 rows of 2 cells (150 elements), built apart and put in at once (records on the body only, as a browser's innerHTML gives). */
  const rerender = (rows = payRows(30)) => {
    const built = new DOMParser().parseFromString(`<table><tbody>${rows}</tbody></table>`, 'text/html').querySelectorAll('tr');
    document.getElementById('pay-body')!.replaceChildren(...built);
    const records = observer.takeRecords();
    expect(records.filter((r) => r.type === 'childList').every((r) => r.target === document.getElementById('pay-body'))).toBe(true);
    return index.apply(records);
  };
  const cellsSaying = (text: string) => [...document.querySelectorAll('#pay-body .cell')].filter((c) => c.textContent === text);

  it('the rows\' texts are reported as changed, the evidence is not, and a lookup finds the rows now in the page', () => {
    rerender();
    const before = index.evidence(URL);
    const change = rerender();
    // Not read yet: the old rows' entries stand for the new ones (which are what the page now holds).
    expect(change.texts.has('已缴纳')).toBe(true);
    expect(change.texts.has('2024-01')).toBe(true);
    expect(change.evidenceTexts.size).toBe(0);
    expect(change.evidence).toBe(false);
    expect(change.added).toHaveLength(30);
    expect(change.removed).toHaveLength(30);
    const paid = index.get('已缴纳')!;
    expect(paid).toHaveLength(30);
    expect(paid.every((el) => el.isConnected)).toBe(true);
    expect(paid).toEqual(cellsSaying('已缴纳'));
    expect(index.evidence(URL)).toEqual(before);
    expectSameAsFreshScan();
  });

  it('a reader of other fields is not told; a reader of a cell text is, and finds the new cells', () => {
    rerender();
    const readMobile = new ScanDeps();
    new PageScan(document, index, new ScanCache(), readMobile).fields('residentId');
    const readPaid = new ScanDeps();
    new PageScan(document, index, new ScanCache(), readPaid).elementsSaying(['已缴纳']);
    const change = rerender();
    expect(readMobile.touchedBy(change)).toBe(false);
    expect(readPaid.touchedBy(change)).toBe(true);
    expect(new PageScan(document, index).elementsSaying(['已缴纳'])).toEqual(cellsSaying('已缴纳'));
  });

  it('stays exact through every change that can follow: re-rendered again, edited, restyled, moved, emptied, replaced', () => {
    rerender();
    rerender();
    rerender();
    // A cell of the deferred rows edited in place; then the rows re-rendered once more.
    (document.querySelector('#pay-body .cell')!.firstChild as Text).data = '2030-12';
    const edit = flush();
    // The text the cell said lost an element: its readers are told too.
    expect(edit.texts.has('2024-01')).toBe(true);
    expect(edit.texts.has('2030-12')).toBe(true);
    expectSameAsFreshScan();
    rerender();
    rerender();
    // Hidden from assistive technology inside (its texts become navigation).
    document.querySelector('#pay-body tr')!.setAttribute('aria-hidden', 'true');
    flush();
    expectSameAsFreshScan();
    rerender();
    rerender();
    // A row taken out, one added, in one batch.
    document.querySelector('#pay-body tr')!.remove();
    document.getElementById('pay-body')!.insertAdjacentHTML('beforeend', '<tr><td><div class="cell">2031-01</div></td><td><div class="cell">欠缴</div></td></tr>');
    flush();
    expectSameAsFreshScan();
    rerender();
    rerender();
    // The same rows but one text moved between two cells (the same text in all, other markup): its readers are told.
    const moved = rerender(payRows(30).replace('<div class="cell">2024-01</div></td><td><div class="cell">已缴纳', '<div class="cell">2024-01已</div></td><td><div class="cell">缴纳'));
    expect(moved.texts.has('2024-01已')).toBe(true);
    expectSameAsFreshScan();
    rerender();
    rerender();
    // The table's body moved into another table, then the whole table removed.
    document.getElementById('kids')!.append(document.getElementById('pay-body')!);
    flush();
    expectSameAsFreshScan();
    rerender();
    rerender();
    document.getElementById('kids')!.remove();
    flush();
    expectSameAsFreshScan();
  });

  it('old rows changed in the batch that replaced them are not taken for the new ones', () => {
    rerender();
    const oldCell = document.querySelector('#pay-body .cell')!;
    // Edited, then replaced by rows with the edited markup (not what was indexed): the new text's readers are told.
    (oldCell.firstChild as Text).data = '1999-01';
    const edited = rerender(payRows(30).replace('2024-01', '1999-01'));
    expect(edited.texts.has('1999-01')).toBe(true);
    expectSameAsFreshScan();
    // Deferred rows whose replaced (detached) rows the page edits afterwards: the index never reads them again.
    rerender();
    const detached = [...document.querySelectorAll('#pay-body .cell')];
    rerender();
    for (const cell of detached) (cell.firstChild as Text).data = '改动';
    flush();
    rerender();
    expectSameAsFreshScan();
  });
});
