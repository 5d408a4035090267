#!/usr/bin/env node
// Opens an `inspect --format html` report in headless Chromium and checks it as a reader would:
//   node test/browser/inspect-report.browser.mjs REPORT.html [SCREENSHOT_DIR]
// Serves the one file on 127.0.0.1 only and fails on any other request (the report must be
// self-contained), checks the charts and the tables beside them, runs axe for serious
// accessibility problems, and saves a screen screenshot and a print (PDF) rendering to
// SCREENSHOT_DIR (default: the report's folder). Prints "browser (inspect): N passed, M failed".
import { createServer } from 'node:http';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

const report = resolve(process.argv[2] ?? 'inspect-report.html');
const outDir = resolve(process.argv[3] ?? dirname(report));
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const html = await readFile(report);

const server = createServer((req, res) => {
  if (req.url === '/' || req.url === '/report.html') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  res.writeHead(404).end();
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/report.html`;

const browser = await chromium.launch({
  executablePath,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const pageErrors = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('console', (m) => m.type() === 'error' && pageErrors.push(m.text()));
const requests = [];
page.on('request', (r) => requests.push(r.url()));

const results = [];
async function test(name, fn) {
  try {
    await fn();
    results.push(true);
    console.log(`  ok   ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`  FAIL ${name}\n       ${String(error?.message ?? error).split('\n')[0]}`);
  }
}
const expect = (ok, what) => {
  if (!ok) throw new Error(what);
};

try {
  await page.goto(url);
  await page.waitForSelector('main');

  await test('the report loads with no script errors and asks for nothing but itself', async () => {
    expect(pageErrors.length === 0, `page errors: ${pageErrors.join('; ')}`);
    const others = requests.filter((r) => r !== url);
    expect(others.length === 0, `requests beyond the report: ${others.join(', ')}`);
  });

  await test('the first table has a row per group, the caseload and the 2006 inspection', async () => {
    const rows = await page.locator('table').first().locator('tbody tr th[scope=row]').allInnerTexts();
    expect(rows.length >= 3, `only ${rows.length} rows`);
    expect(rows.at(-2) === 'All' && rows.at(-1) === 'Inspection 2006', `last rows: ${rows.slice(-2).join(', ')}`);
  });

  await test('every chart is drawn, named and described for screen readers, with a table beside it', async () => {
    const figures = page.locator('figure');
    const n = await figures.count();
    expect(n >= 3, `only ${n} charts`);
    for (let i = 0; i < n; i++) {
      const f = figures.nth(i);
      const svg = f.locator('svg[role=img]');
      expect((await svg.count()) === 1, `chart ${i}: no svg with role img`);
      const box = await svg.boundingBox();
      expect(box && box.width > 100 && box.height > 50, `chart ${i}: drawn ${JSON.stringify(box)}`);
      expect(((await svg.locator('title').textContent()) ?? '').length > 5, `chart ${i}: no title`);
      expect(((await svg.locator('desc').textContent()) ?? '').length > 10, `chart ${i}: no description`);
      expect((await f.locator('xpath=following-sibling::table').count()) === 1, `chart ${i}: no table beside it`);
      expect((await f.locator('svg .mark-rect path, svg .mark-rect rect, svg .mark-line path, svg path').count()) > 0, `chart ${i}: no marks`);
    }
  });

  await test('the intensity table marks the cells the rules found disproportionate, as the chart does', async () => {
    const marked = await page.locator('td.marked').count();
    const text = await page.locator('td.marked').allInnerTexts();
    expect(text.every((t) => /disproportionate/.test(t)), `marked cells: ${text.join(' | ')}`);
    expect(marked === (await page.locator('td', { hasText: 'disproportionate' }).count()), 'every disproportionate cell is marked');
  });

  await test('no serious or critical accessibility problems (axe)', async () => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.length === 0, bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`).join('; '));
  });

  await test('on screen the report fits the window width; printed, it lays out on A4', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow <= 0, `scrolls sideways by ${overflow}px`);
    await mkdir(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'inspect-report.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ path: join(outDir, 'inspect-report.pdf'), format: 'A4', printBackground: true });
    expect(pdf.length > 10_000, `print rendering of ${pdf.length} bytes`);
    console.log(`       screenshot: ${join(outDir, 'inspect-report.png')}; print: ${join(outDir, 'inspect-report.pdf')}`);
  });
} finally {
  await browser.close();
  server.close();
}

const failed = results.filter((r) => !r).length;
console.log(`browser (inspect): ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
