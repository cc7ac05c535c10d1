/**
 * 导出页面结构（不含个人信息） (issue #17 1), end to end: a replica page in each style is filled with personal
 * data in every place we could think of (inputs, selects, textareas, cells, titles, attributes, hidden
 * elements, the page's title and URL), exported from the side panel's page diagnostics, and the saved file
 * holds none of it, but does hold the labels and headings the adapter knows. The preview is the file.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './harness';
import { exportShape, pageParts } from './shape-export';
import data from '../fixtures/portal/data.json' with { type: 'json' };

/** What we put on the page, beside the replica's own people and companies. */
const PLANTED = {
  name: '欧阳娜娜',
  id: '110105198807156623',
  phone: '13912345678',
  email: 'ouyang.nana@example.com',
  address: '北京市朝阳区望京街道阜通东大街6号院',
  company: '北京星河远景数据服务有限公司',
  note: '身体状况良好备注秘密',
  token: 'SECRETTOKEN',
};

/** Every personal string that must not be in the file: the planted ones and every person and company of the replicas. */
function personalStrings(): string[] {
  const people = Object.values(data.persons as Record<string, { name: string; birth: string; id: string }>).flatMap((p) => [p.name, p.birth, p.id]);
  const companies = Object.values(data.companies as Record<string, { name: string; uscc: string; legalRep: string }>).flatMap((c) => [c.name, c.uscc, c.legalRep]);
  return [...Object.values(PLANTED), ...people, ...companies, ...data.invalid.map((i) => i.value), ...Object.values(data.linkCode)];
}

/** Fills the page with PLANTED in every place (the page's main world, as the portal's own scripts would). */
async function plant(page: Page): Promise<void> {
  await page.evaluate((P) => {
    const values = [P.name, P.id, P.phone, P.email, P.address, P.company];
    let i = 0;
    for (const el of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
      if (el instanceof HTMLInputElement && ['file', 'button', 'submit', 'reset', 'image'].includes(el.type)) continue;
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) {
        el.value = P.id;
        el.checked = true;
        continue;
      }
      el.value = values[i++ % values.length];
      el.setAttribute('value', P.token);
    }
    for (const sel of document.querySelectorAll('select')) sel.append(new Option(P.company, P.id, true, true));
    const box = document.createElement('div');
    box.title = `${P.name} ${P.phone}`;
    box.setAttribute('data-owner', P.id);
    box.setAttribute('aria-label', P.name);
    box.setAttribute('onclick', `alert('${P.token}')`);
    box.setAttribute('style', `background:url(https://fw.bjrcgz.gov.cn/p?id=${P.id})`);
    const img = document.createElement('img');
    img.alt = P.name;
    img.src = `https://fw.bjrcgz.gov.cn/photo?sfzh=${P.id}`;
    const link = document.createElement('a');
    link.href = `/person-platform/detail/${P.phone}?sfzh=${P.id}#x?name=${encodeURIComponent(P.name)}`;
    link.textContent = P.address;
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    hidden.textContent = `${P.note} ${P.id}`;
    const hiddenInput = document.createElement('input');
    hiddenInput.type = 'hidden';
    hiddenInput.value = P.id;
    const area = document.createElement('textarea');
    area.value = P.note;
    const script = document.createElement('script');
    script.type = 'application/json';
    script.textContent = JSON.stringify({ owner: P.name, id: P.id });
    const style = document.createElement('style');
    style.textContent = `.x::after { content: "${P.token}"; }`;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<p>${P.name}</p>`;
    frame.title = P.name;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const svgText = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    svgText.textContent = P.name;
    svg.append(svgText);
    box.append(img, link, hidden, hiddenInput, area, script, style, frame, svg, document.createComment(P.id));
    // A table row with personal cells (in the page's first list table, else a table of our own).
    const body = document.querySelector('tbody') ?? document.createElement('tbody');
    const tr = document.createElement('tr');
    for (const v of [P.name, P.id, P.phone, P.address]) {
      const td = document.createElement('td');
      td.textContent = v;
      td.title = v;
      tr.append(td);
    }
    body.append(tr);
    if (!body.isConnected) {
      const table = document.createElement('table');
      table.append(body);
      box.append(table);
    }
    document.body.append(box);
    document.title = `${document.title} - ${P.name}`;
  }, PLANTED);
}

function expectNothingPersonal(file: string): void {
  const leaks = personalStrings().filter((s) => file.includes(s));
  expect(leaks).toEqual([]);
  // No digit of the page survives: every one became 0.
  expect(pageParts(file).match(/[1-9]/g) ?? []).toEqual([]);
  expect(pageParts(file)).not.toMatch(/<script|<style|<svg|<link|\ssrc=|srcdoc|onclick|url\(|<!--|\?sfzh|checked|selected/i);
  expect(file).not.toContain('SECRETTOKEN');
  // Our own overlay (its hints sit inside the page) is not part of the page.
  expect(pageParts(file)).not.toContain('申报助手');
}

const beijingToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

test('the Element-style personal page exports its structure and none of the personal data planted in it', async ({ context, sidePanel }) => {
  const portal = await context.newPage();
  await portal.goto(`https://fw.bjrcgz.gov.cn/person-platform/?sfzh=${PLANTED.id}&xm=${encodeURIComponent(PLANTED.name)}#/person-platform/basic-info?phone=${PLANTED.phone}`);
  await portal.waitForFunction(() => (window as unknown as { __replica?: { ready?: boolean; route?: string } }).__replica?.ready === true);
  await plant(portal);
  const { preview, file, name, stats } = await exportShape(portal, sidePanel, '个人基础信息');

  expect(preview).toBe(file);
  expect(name).toBe(`页面结构-${beijingToday()}-person-basic-info.html`);
  expectNothingPersonal(file);
  // The page's own address: the route and the parameter names stay, the values are masked.
  expect(file).toContain('content="https://fw.bjrcgz.gov.cn/person-platform/?sfzh=000000000000000000&amp;xm=%E6%9F%90%E6%9F%90%E6%9F%90%E6%9F%90#/person-platform/basic-info?phone=00000000000"');
  // What the adapter knows stays: the heading, the labels, the buttons, the structure's classes.
  for (const word of ['个人基础信息', '姓名', '身份证号', '手机号码', '户籍地址', '现居住地', '保存', 'el-form-item__label', 'el-input__inner']) expect(file).toContain(word);
  // The planted values became placeholders of the same shape.
  expect(file).toContain('value="某某某某"');
  expect(file).toContain('value="000000000000000000"');
  expect(file).toContain('xxxxxx.xxxx@xxxxxxx.xxx');
  expect(stats).toMatch(/遮盖 [1-9]\d* 段文字和 [1-9]\d* 个输入值/);
});

test('a classic page exports its structure without personal data, and an unrecognised portal page can be exported too', async ({ context, sidePanel }) => {
  const portal = await context.newPage();
  await portal.goto(`https://fw.bjrcgz.gov.cn/gzjzz/person/grxx.html?id=${PLANTED.id}`);
  await plant(portal);
  const classic = await exportShape(portal, sidePanel, '个人基础信息');
  expect(classic.preview).toBe(classic.file);
  expectNothingPersonal(classic.file);
  for (const word of ['个人基础信息', '证件号码', '移动电话', '户口所在地', '配偶姓名', 'formTable', 'tdTitle']) expect(classic.file).toContain(word);

  // A portal page that is no module: the button is there all the same.
  await portal.goto('https://www.bjrcgz.gov.cn/notice/2026/1.html');
  await plant(portal);
  const notice = await exportShape(portal, sidePanel, '未能识别当前页面');
  expect(notice.name).toBe(`页面结构-${beijingToday()}-未识别.html`);
  expectNothingPersonal(notice.file);
});
