// The scenarios run-lab.mjs plays in JupyterLab 4 and Notebook 7. Each one records what it saw in
// rec.results; tests/test_browser_lab.py turns those records into verdicts.
import { exact } from './jupyter-ui.mjs';

const slug = (name) => name.replace(/\.ipynb$/, '').replace(/[^\w.-]+/g, '_');

/** WCAG AA for normal text; text in error outputs and tables must reach it. */
export const MIN_CONTRAST = 4.5;

const ERROR_OUTPUTS = '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]';
const OUTPUTS = '.jp-OutputArea-output';

/** Opens `name`, Run All from the menu, and reports the notebook as a person would look at it:
 *  what is drawn, and the contrast of all text in its outputs. With `save`, File > Save Notebook. */
export async function runNotebook(ui, rec, name, { save = false, showcase = false } = {}) {
  const { page } = ui;
  const t0 = Date.now();
  await ui.open(name);
  const openSeconds = (Date.now() - t0) / 1000;
  const runAllSeconds = await ui.runAll();
  const report = await notebookReport(ui, name);
  Object.assign(report, { open_seconds: openSeconds, run_all_seconds: runAllSeconds, contrast: await contrastOf(ui, OUTPUTS) });
  rec.results.notebooks[name] = report;
  rec.step(`ran ${name}`, {
    seconds: runAllSeconds, cells: report.code_cells, images: report.images.length, tables: report.tables.length,
    svgs: report.svgs.length, mathjax: report.mathjax, answers: report.answers.length, errors: report.errors.length,
    min_contrast: report.contrast.min_ratio,
  });
  await page.evaluate((p) => window.javadlProbe.panel(p).content.scrollToItem?.(0), name);
  await rec.shot(page, `${rec.results.ui}-${slug(name)}-top.png`);
  if (showcase) await showcaseShot(ui, rec, name);
  if (save) {
    await ui.menu('File', 'Save Notebook');
    await page.waitForFunction((p) => !window.javadlProbe.panel(p).context.model.dirty, name);
  }
  await ui.shutdownKernel();
  return report;
}

/** The page with the notebook's first SVG drawing (else its first plot) in the middle of the view:
 *  the picture of JupyterLab that README.md shows (docs/images/jupyterlab-screenshot.png). */
async function showcaseShot(ui, rec, name) {
  const kinds = await ui.page.evaluate((p) => window.javadlProbe.markOutputs(p, 'out'), name);
  const i = kinds.includes('drawing') ? kinds.indexOf('drawing') : kinds.indexOf('plot');
  if (i < 0) return;
  await ui.page.evaluate((m) => document.querySelector(`[data-javadl="${m}"]`).scrollIntoView({ block: 'center' }), `out-${i}`);
  await ui.page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  rec.results.showcase = await rec.shot(ui.page, `${rec.results.ui}-showcase-${slug(name)}.png`);
}

/** The notebook's report once every output is drawn and MathJax is done (its end is "no TeX left raw";
 *  bounded, then reported). */
async function notebookReport(ui, name) {
  await ui.page.waitForFunction((p) => window.javadlProbe.outputsRendered(p), name, { timeout: 60000, polling: 100 });
  const typeset = await ui.page.waitForFunction((p) => window.javadlProbe.mathTypeset(p), name, { timeout: 30000, polling: 250 })
    .then(() => true, () => false);
  const report = await ui.page.evaluate((p) => window.javadlProbe.notebookReport(p), name);
  return Object.assign(report, { typeset_in_time: typeset, kernel_name: await ui.kernelName() });
}

/** Screenshots per notebook: of every plot and SVG drawing, of the first tables and the first answer
 *  card (the contrast of every table and card is measured anyway; a shot takes up to a second). */
const SHOTS_PER_KIND = { plot: Infinity, drawing: Infinity, table: 3, answer: 1 };

async function shootOutputs(ui, rec, name, label) {
  const kinds = await ui.page.evaluate((p) => window.javadlProbe.markOutputs(p, 'out'), name);
  const shots = [];
  const taken = {};
  for (const [i, kind] of kinds.entries()) {
    taken[kind] = (taken[kind] ?? 0) + 1;
    if (taken[kind] > SHOTS_PER_KIND[kind]) continue;
    const output = ui.page.locator(`[data-javadl="out-${i}"]`);
    await output.scrollIntoViewIfNeeded();
    const file = `${rec.results.ui}-${label}-${slug(name)}-${String(i).padStart(2, '0')}-${kind}.png`;
    shots.push(await rec.shot(ui.page, file, output));
  }
  return shots;
}

async function contrastOf(ui, selector) {
  return ui.page.evaluate(([p, s, min]) => window.javadlProbe.regionContrast(p, s, min), [ui.path, selector, MIN_CONTRAST]);
}

// ------------------------------------------------------------------ the scratch notebook's checks

/** Tab completion in a new cell: `sigm` and `Math.`; the popup's items are recorded. */
async function completion(ui, rec, prefix) {
  const { page } = ui;
  const items = page.locator('.jp-Completer .jp-Completer-item');
  const result = {};
  for (const [key, typed] of [['sigm', 'sigm'], ['math', 'Math.']]) {
    await ui.newCell();
    await page.keyboard.type(typed);
    // Lab drops a provider's answer that takes longer than 1 s (providerTimeout); a kernel still
    // warming up right after start can miss that, and a person presses Tab again: so do we, and count.
    let presses = 0;
    while (true) {
      presses++;
      await page.keyboard.press('Tab');
      const shown = await items.first().waitFor({ state: 'visible', timeout: 4000 }).then(() => true, () => false);
      if (shown) break;
      if (presses === 3) throw new Error(`no completion popup for "${typed}" after ${presses} Tab presses`);
    }
    result[`${key}_tab_presses`] = presses;
    result[key] = await page.locator('.jp-Completer .jp-Completer-item .jp-Completer-match').allTextContents();
    await rec.shot(page, `${prefix}-completion-${key}.png`);
    await page.keyboard.press('Escape');
    await page.locator('.jp-Completer').waitFor({ state: 'hidden' });
    await clearActiveCell(ui);
  }
  rec.step('completion', { sigm: result.sigm.length, math: result.math.length });
  return result;
}

async function clearActiveCell(ui) {
  await ui.page.keyboard.press('Control+a');
  await ui.page.keyboard.press('Backspace');
}

/** Help > Show Contextual Help follows the cursor; Shift+Tab shows the same in a tooltip. */
async function contextualHelp(ui, rec) {
  const { page } = ui;
  const result = {};
  await ui.newCell();
  await ui.menu('Help', 'Show Contextual Help');
  const inspector = page.locator('.jp-Inspector');
  await inspector.waitFor({ state: 'visible' });
  // back into the cell (opening the panel may take the focus), then type the call
  await page.evaluate((p) => window.javadlProbe.panel(p).content.activeCell.editor.focus(), ui.path);
  await page.keyboard.type('sigmoid(');
  await page.waitForFunction(() => /sigmoid/.test(document.querySelector('.jp-Inspector-content')?.textContent ?? ''), null, { timeout: 20000 })
    .catch(() => null);
  result.inspector = (await page.locator('.jp-Inspector-content').first().textContent() ?? '').slice(0, 2000);
  await rec.shot(page, 'lab-contextual-help.png');
  await ui.menu('Help', 'Show Contextual Help'); // toggles the panel closed again
  await page.evaluate((p) => window.javadlProbe.panel(p).content.activeCell.editor.focus(), ui.path);
  await page.keyboard.press('Shift+Tab');
  const tooltip = page.locator('.jp-Tooltip');
  await tooltip.waitFor({ state: 'visible', timeout: 20000 });
  result.tooltip = (await tooltip.textContent() ?? '').slice(0, 2000);
  await rec.shot(page, 'lab-tooltip.png');
  await page.keyboard.press('Escape');
  await clearActiveCell(ui);
  rec.step('contextual help', { inspector: result.inspector.length, tooltip: result.tooltip.length });
  return result;
}

/** `while (true) {}` stopped with the toolbar's interrupt button; an earlier variable is still there. */
async function interrupt(ui, rec, prefix) {
  const { page } = ui;
  await ui.run('int keep = 41;');
  const busy = await ui.newCell('while (true) {}');
  await ui.runActive();
  await page.waitForFunction(([p, i]) => {
    const probe = window.javadlProbe;
    const panel = probe.panel(p);
    return probe.codeCells(panel)[i].model.executionState === 'running' && probe.kernelStatus(panel) === 'busy';
  }, [ui.path, busy]);
  // let it spin for a second, so the interrupt meets a loop that is really running
  await page.waitForTimeout(1000);
  const stillRunning = await page.evaluate(([p, i]) =>
    window.javadlProbe.codeCells(window.javadlProbe.panel(p))[i].model.executionCount == null, [ui.path, busy]);
  await rec.shot(page, `${prefix}-busy.png`);
  await page.evaluate(([p, i]) => window.javadlProbe.armStopTimer(p, i, '[data-jp-item-name="interrupt"]'), [ui.path, busy]);
  const t0 = Date.now();
  await ui.toolbar('interrupt');
  await ui.waitCell(busy, 60000);
  const outside = (Date.now() - t0) / 1000;
  const inPage = await page.evaluate(() => window.javadlStopTimer());
  const busyOutput = await ui.cellOutputs(busy);
  const next = await ui.run('keep + 1');
  await rec.shot(page, `${prefix}-after-interrupt.png`);
  const result = {
    busy_cell_was_running: stillRunning, seconds_to_stop: inPage ?? outside, seconds_to_stop_seen_by_script: outside,
    busy_cell_output: busyOutput.text.slice(0, 500), next_cell_output: next.text.trim(), kernel_name_after: await ui.kernelName(),
  };
  rec.step('interrupt', { seconds: result.seconds_to_stop, next: result.next_cell_output });
  return result;
}

/** Kernel > Restart Kernel… from the menu: the old variables are gone, counting starts again. */
async function restart(ui, rec) {
  const { page } = ui;
  await ui.run('int beforeRestart = 7;');
  const before = await page.evaluate((p) => window.javadlProbe.panel(p).sessionContext.session.kernel.id, ui.path);
  await ui.menu('Kernel', 'Restart Kernel…');
  await ui.acceptDialog('Restart');
  // the kernel goes restarting -> starting -> idle; a cell run meanwhile would queue behind it
  await page.waitForFunction((p) => window.javadlProbe.panel(p).sessionContext.session?.kernel?.status === 'idle'
      && window.javadlProbe.panel(p).sessionContext.session.kernel.connectionStatus === 'connected', ui.path);
  await ui.waitIdle();
  const gone = await ui.run('beforeRestart');
  const fresh = await ui.run('int afterRestart = 1; afterRestart + 1');
  const result = {
    same_kernel_id: before === await page.evaluate((p) => window.javadlProbe.panel(p).sessionContext.session.kernel.id, ui.path),
    old_variable: gone, first_count_after: gone.count, new_cell: fresh,
  };
  await rec.shot(page, 'lab-after-restart.png');
  rec.step('restart', { first_count_after: gone.count, old: gone.outputs.join(','), fresh: fresh.text.trim() });
  return result;
}

/** One cell's outputs watched while it runs: updates in place must not pile up outputs. */
async function inPlace(ui, rec, name, code) {
  const { page } = ui;
  const index = await ui.newCell(code);
  await page.evaluate(([p, i]) => window.javadlProbe.watchOutputs(p, i), [ui.path, index]);
  await ui.runActive();
  await ui.waitCell(index, 120000);
  const seen = await page.evaluate((i) => window.javadlWatches[i].stop(), index);
  const out = await ui.cellOutputs(index);
  await rec.shot(page, `lab-in-place-${name}.png`);
  rec.step(`in place: ${name}`, { max_outputs: seen.max_children, changes: seen.changes, outputs: out.outputs });
  return { ...seen, outputs: out.outputs, text: out.text.slice(0, 300) };
}

const IN_PLACE = {
  progress: 'for (int i : progress("epochs", 30)) { Thread.sleep(40); }',
  liveCurve: 'var curve = liveCurve("loss");\nfor (int s = 0; s < 40; s++) { curve.add(s, Math.exp(-s / 10.0)); Thread.sleep(30); }\ncurve.finish();',
  updateDisplay: 'String did = display(html("<b>step 0</b>"));\nfor (int i = 1; i <= 10; i++) { Thread.sleep(60); updateDisplay(did, html("<b>step " + i + "</b>")); }',
};

/** `System.in` in a cell: Lab's input box appears, the typed line reaches the cell. */
async function stdin(ui, rec) {
  const { page } = ui;
  const typed = 'hello from the input box';
  const index = await ui.newCell('String line = new Scanner(System.in).nextLine();\nSystem.out.println("got: " + line);');
  await ui.runActive();
  const box = page.locator('.jp-Stdin-input');
  await box.waitFor({ state: 'visible', timeout: 30000 });
  const prompt = await page.locator('.jp-Stdin-prompt').first().textContent().catch(() => null);
  await rec.shot(page, 'lab-stdin-box.png');
  await box.fill(typed);
  await box.press('Enter');
  await ui.waitCell(index);
  const out = await ui.cellOutputs(index);
  rec.step('stdin', { output: out.text.trim() });
  return { box_shown: true, prompt, typed, output: out.text };
}

/** Compile and runtime errors, then the contrast of every piece of text in every error output. */
const ERROR_CELLS = {
  compile: 'int n = "three";',
  runtime: 'int[] a = new int[2];\na[5] = 1;',
  cause: 'throw new IllegalStateException("outer", new ArithmeticException("inner"));',
  unresolved: 'double y = undefinedThing * 2;',
};

async function errorCells(ui, rec) {
  const result = {};
  for (const [kind, code] of Object.entries(ERROR_CELLS)) {
    const r = await ui.run(code);
    result[kind] = { outputs: r.outputs, text: r.text.slice(0, 800) };
  }
  rec.step('error cells', Object.fromEntries(Object.entries(result).map(([k, v]) => [k, v.outputs.join(',')])));
  return result;
}

async function errorContrast(ui, rec, theme) {
  const c = await contrastOf(ui, ERROR_OUTPUTS);
  const first = ui.page.locator(`.jp-Cell:has(${ERROR_OUTPUTS})`);
  const n = await first.count();
  c.screenshots = [];
  for (let i = Math.max(0, n - Object.keys(ERROR_CELLS).length); i < n; i++) {
    await first.nth(i).scrollIntoViewIfNeeded();
    c.screenshots.push(await rec.shot(ui.page, `lab-errors-${theme}-${i}.png`, first.nth(i)));
  }
  rec.step(`error contrast (${theme})`, { regions: c.regions, spans: c.spans, min: c.min_ratio, below: c.below_count });
  return c;
}

/** Reopens the saved notebook `name` from the file browser: what it shows now (nothing stripped by
 *  Lab's sanitizer: the notebook must be trusted), the contrast of its outputs, screenshots. */
async function reopen(ui, rec, name, label) {
  const { page } = ui;
  const item = page.locator('.jp-DirListing-item').filter({ has: page.locator('.jp-DirListing-itemText', { hasText: exact(name) }) });
  await item.dblclick();
  await ui.waitForNotebook(name);
  const report = await notebookReport(ui, name);
  report.contrast = await contrastOf(ui, OUTPUTS);
  report.screenshots = await shootOutputs(ui, rec, name, label);
  rec.step(`reopened ${name}`, { images: report.images.length, tables: report.tables.length, svgs: report.svgs.length,
    answers: report.answers.length, untrusted: report.untrusted_cells, min_contrast: report.contrast.min_ratio,
    screenshots: report.screenshots.length });
  await ui.shutdownKernel();
  await ui.menu('File', 'Close Tab');
  await page.waitForFunction((p) => window.javadlProbe.panel(p) === null, name);
  return report;
}

// ------------------------------------------------------------------ the two front ends

export async function labChecks({ ui, rec, notebooks, scratch }) {
  const r = rec.results;
  // 1. every bundled notebook in the light theme: Run All, what it shows, saved, kernel shut down
  for (const name of notebooks) await runNotebook(ui, rec, name, { save: true, showcase: name === notebooks[0] });
  // 2. the scratch notebook: editing help, interrupt, in-place updates, input, errors
  await ui.open(scratch);
  r.completion = await completion(ui, rec, 'lab');
  r.contextual_help = await contextualHelp(ui, rec);
  r.interrupt = await interrupt(ui, rec, 'lab');
  r.in_place = {};
  for (const [name, code] of Object.entries(IN_PLACE)) r.in_place[name] = await inPlace(ui, rec, name, code);
  r.stdin = await stdin(ui, rec);
  r.error_cells = await errorCells(ui, rec);
  r.light = { error_contrast: await errorContrast(ui, rec, 'light') };
  // 3. JupyterLab Dark: the same errors; Kernel > Restart Kernel… gives a clean state
  await ui.theme('JupyterLab Dark');
  r.dark = { error_contrast: await errorContrast(ui, rec, 'dark') };
  r.restart = await restart(ui, rec);
  await ui.shutdownKernel();
  // 4. each saved notebook reopened from the file browser, in the dark theme
  r.reopened = {};
  for (const name of notebooks) r.reopened[name] = await reopen(ui, rec, name, 'dark');
  // the theme is a user setting of the server: leave it as it was found
  await ui.theme('JupyterLab Light');
}

export async function notebook7Checks({ ui, rec, notebooks, scratch, inspect }) {
  const r = rec.results;
  for (const name of notebooks) await runNotebook(ui, rec, name);
  await ui.open(scratch);
  r.completion = await completion(ui, rec, 'notebook7');
  r.interrupt = await interrupt(ui, rec, 'notebook7');
  await ui.shutdownKernel();
  // executed notebooks as saved elsewhere: what an untrusted one shows, and a trusted one
  r.inspected = {};
  for (const name of inspect) {
    await ui.open(name);
    const report = await notebookReport(ui, name);
    report.screenshots = await shootOutputs(ui, rec, name, 'as-saved');
    r.inspected[name] = report;
    rec.step(`looked at ${name}`, { images: report.images.length, tables: report.tables.length, svgs: report.svgs.length,
      answers: report.answers.length, untrusted: report.untrusted_cells });
    await ui.shutdownKernel();
  }
}
