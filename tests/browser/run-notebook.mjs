// Opens a notebook in a running classic Jupyter Notebook server with headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core), runs all cells from the Cell menu, checks what a
// person would see, interrupts a busy cell from the toolbar, and writes results.json plus
// screenshots to --out. Exit code 0 = the script ran (the checks are in results.json, which
// tests/test_browser.py asserts on); 2 = the script itself failed (message on stderr).
//
//   node run-notebook.mjs --base http://127.0.0.1:PORT --token TOKEN --notebook 00-tour.ipynb \
//        --out DIR [--chromium /usr/bin/chromium] [--timeout 300]
import { launchChromium, parseArgs, Recorder } from './common.mjs';
import { join } from 'node:path';

const args = parseArgs(process.argv.slice(2), { chromium: '/usr/bin/chromium', timeout: '300' },
  ['base', 'token', 'notebook', 'out']);
const TIMEOUT = Number(args.timeout) * 1000;
const out = args.out;
const rec = new Recorder(out, { notebook: args.notebook });
const results = rec.results;
const step = (name, extra) => rec.step(name, extra);

let browser;
try {
  browser = await launchChromium(args.chromium);
  const { page } = browser;
  page.setDefaultTimeout(TIMEOUT);
  rec.watch(page);
  results.browser_version = browser.version;

  // ------------------------------------------------------------------ open the notebook
  const url = `${args.base}/notebooks/${encodeURIComponent(args.notebook)}?token=${args.token}`;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded, null, { timeout: 120000 });
  await page.waitForFunction(() => Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected(), null, { timeout: 120000 });
  await page.waitForSelector('#kernel_indicator_icon.kernel_idle_icon', { state: 'attached', timeout: 120000 });
  results.kernel_name = await page.evaluate(() => Jupyter.notebook.kernel.name);
  results.kernel_display_name = await page.evaluate(() => document.querySelector('.kernel_indicator_name')?.textContent);
  step('opened', { kernel: results.kernel_name });
  await page.screenshot({ path: join(out, '01-opened.png') });
  results.screenshots.push('01-opened.png');

  // ------------------------------------------------------------------ Cell -> Run All
  const t0 = Date.now();
  await page.click('#celllink');                 // the "Cell" menu
  await page.click('#run_all_cells > a');        // "Run All"
  step('clicked Cell > Run All');
  // Finished when no code cell shows In [*] (queued or running), every code cell got a number,
  // and the kernel indicator is idle.
  await page.waitForFunction(() => {
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const done = cells.every((c) => typeof c.input_prompt_number === 'number');
    return done && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null;
  }, null, { timeout: TIMEOUT, polling: 250 });
  results.run_all_seconds = (Date.now() - t0) / 1000;
  step('run all finished', { seconds: results.run_all_seconds });
  await page.waitForTimeout(1000); // images decode, SVG lays out

  // ------------------------------------------------------------------ what a person sees
  results.page = await page.evaluate(() => {
    const vis = (el) => { const r = el.getBoundingClientRect(); return { w: r.width, h: r.height }; };
    const cells = Jupyter.notebook.get_cells().filter((c) => c.cell_type === 'code');
    const imgs = [...document.querySelectorAll('#notebook .output_area img')].map((img) => ({
      natural: [img.naturalWidth, img.naturalHeight], complete: img.complete, ...vis(img),
      src: (img.getAttribute('src') || '').slice(0, 30),
    }));
    const tables = [...document.querySelectorAll('#notebook .output_area table')].map((t) => ({
      rows: t.querySelectorAll('tr').length, cells: t.querySelectorAll('td,th').length, ...vis(t),
    }));
    const svgs = [...document.querySelectorAll('#notebook .output_area svg')]
      .filter((s) => !s.parentElement.closest('svg'))
      .map((s) => {
        let bbox = null;
        try { const b = s.getBBox(); bbox = [b.width, b.height]; } catch (e) { bbox = null; }
        return { children: s.childElementCount, descendants: s.querySelectorAll('*').length, bbox, ...vis(s) };
      });
    const errors = [...document.querySelectorAll('#notebook .output_error')].map((e) => e.innerText.slice(0, 2000));
    const stderr = [...document.querySelectorAll('#notebook .output_stderr')].map((e) => e.innerText.slice(0, 2000));
    const prompts = cells.map((c) => c.input_prompt_number);
    return { code_cells: cells.length, prompts, imgs, tables, svgs, errors, stderr };
  });
  step('inspected', {
    imgs: results.page.imgs.length, tables: results.page.tables.length, svgs: results.page.svgs.length,
    errors: results.page.errors.length, stderr: results.page.stderr.length,
  });

  // ------------------------------------------------------------------ screenshots
  // The classic notebook scrolls inside #site, so take one viewport shot per interesting output.
  const shoot = async (name, selector, index = 0) => {
    const ok = await page.evaluate(({ selector, index }) => {
      const el = document.querySelectorAll(selector)[index];
      if (!el) return false;
      const cell = el.closest('.cell') || el;
      cell.scrollIntoView({ block: 'start' });
      document.querySelector('#site').scrollBy(0, -8);
      return true;
    }, { selector, index });
    if (!ok) return;
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(out, name) });
    results.screenshots.push(name);
  };
  await page.evaluate(() => { Jupyter.notebook.scroll_to_top(0); });
  await page.waitForTimeout(200);
  await page.screenshot({ path: join(out, '02-top-after-run-all.png') });
  results.screenshots.push('02-top-after-run-all.png');
  await shoot('03-table.png', '#notebook .output_area table');
  await shoot('04-plot.png', '#notebook .output_area img');
  await shoot('05-graph-svg.png', '#notebook .output_area svg');
  const nImgs = results.page.imgs.length;
  for (let i = 1; i < nImgs; i++) await shoot(`06-image-${i}.png`, '#notebook .output_area img', i);

  // ------------------------------------------------------------------ interrupt a busy cell
  const runCell = async (code) => {
    // a new cell at the bottom, typed into and run with Shift+Enter like a person would
    await page.evaluate(() => {
      const n = Jupyter.notebook.ncells();
      Jupyter.notebook.select(n - 1);
      Jupyter.notebook.command_mode();
    });
    await page.keyboard.press('Escape');
    await page.keyboard.press('b');             // insert cell below (command mode)
    await page.keyboard.press('Enter');         // edit mode
    await page.keyboard.type(code);
    await page.keyboard.press('Shift+Enter');
    return page.evaluate(() => Jupyter.notebook.get_selected_index() - 1);
  };
  const busyIndex = await runCell('while (true) {}');
  await page.waitForSelector('#kernel_indicator_icon.kernel_busy_icon', { state: 'attached', timeout: 30000 });
  await page.waitForTimeout(2000);
  const stillRunning = await page.evaluate((i) => Jupyter.notebook.get_cell(i).input_prompt_number === '*', busyIndex);
  step('busy cell running', { index: busyIndex, still_running_after_2s: stillRunning });
  await page.screenshot({ path: join(out, '07-busy.png') });
  results.screenshots.push('07-busy.png');
  const t1 = Date.now();
  await page.click('button[data-jupyter-action="jupyter-notebook:interrupt-kernel"]');
  step('clicked the interrupt button');
  await page.waitForFunction((i) => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number'
      && document.querySelector('#kernel_indicator_icon.kernel_idle_icon') !== null, busyIndex, { timeout: 60000 });
  results.interrupt = {
    busy_cell_was_running: stillRunning,
    seconds_to_stop: (Date.now() - t1) / 1000,
    busy_cell_output: await page.evaluate((i) => Jupyter.notebook.get_cell(i).element.find('.output_area').text().slice(0, 1000), busyIndex),
  };
  step('busy cell stopped', { seconds: results.interrupt.seconds_to_stop });
  const nextIndex = await runCell('6 * 7');
  await page.waitForFunction((i) => typeof Jupyter.notebook.get_cell(i).input_prompt_number === 'number', nextIndex, { timeout: 60000 });
  results.interrupt.next_cell_output = await page.evaluate((i) => Jupyter.notebook.get_cell(i).element.find('.output_subarea').text(), nextIndex);
  results.interrupt.kernel_name_after = await page.evaluate(() => Jupyter.notebook.kernel.name);
  step('next cell answered', { output: results.interrupt.next_cell_output });
  await page.screenshot({ path: join(out, '08-after-interrupt.png') });
  results.screenshots.push('08-after-interrupt.png');

  results.ok = true;
} catch (e) {
  rec.fail(e);
  try {
    if (browser) await rec.shot(browser.page, '99-failure.png');
  } catch (e2) { /* ignore */ }
} finally {
  rec.save();
  await browser?.close();
}
process.exit(results.ok ? 0 : 2);
