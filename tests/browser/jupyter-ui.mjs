// Driving JupyterLab 4 and Notebook 7 as a person does: menus, the notebook toolbar, the keyboard.
// Both front ends are built from JupyterLab's components, so one driver serves them; `flavour` says
// which URLs to open. The state it waits for comes from Lab's own model (window.jupyterapp, exposed
// by the server's expose_app_in_browser option) and from the kernel status Lab shows, never from
// fixed sleeps.

export const LAB = 'lab';
export const NOTEBOOK7 = 'notebook7';

/** A regular expression matching `text` exactly (spaces around it allowed). */
export const exact = (text) => new RegExp(`^\\s*${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);

export class JupyterUi {
  constructor(page, { base, token, flavour, timeout }) {
    this.page = page;
    this.base = base;
    this.token = token;
    this.flavour = flavour;
    this.timeout = timeout;
    this.path = null;
    this.workspaces = 0;
  }

  // ---------------------------------------------------------------- opening and closing
  /** Opens notebook `path` in a page of its own (Lab: in a fresh workspace, so no other tab is restored). */
  async open(path) {
    const enc = path.split('/').map(encodeURIComponent).join('/');
    const url = this.flavour === LAB
      ? `${this.base}/lab/workspaces/javadl-${process.pid}-${++this.workspaces}/tree/${enc}?reset&token=${this.token}`
      : `${this.base}/notebooks/${enc}?token=${this.token}`;
    await this.page.goto(url, { waitUntil: 'load' });
    await this.waitForNotebook(path);
  }

  /** Waits until `path` is open with its kernel started and idle, and makes it the current notebook. */
  async waitForNotebook(path) {
    this.path = path;
    await this.page.waitForFunction((p) => window.javadlProbe?.kernelStatus(window.javadlProbe.panel(p)) === 'idle',
      path, { timeout: 120000, polling: 200 });
    await this.page.evaluate((p) => {
      const panel = window.javadlProbe.panel(p);
      window.jupyterapp.shell.activateById(panel.id);
    }, path);
    await this.waitIdle();
  }

  /** The kernel is idle in Lab's session and in the status the toolbar shows (when it shows one). */
  async waitIdle(timeout = this.timeout) {
    await this.page.waitForFunction((p) => {
      const probe = window.javadlProbe;
      const panel = probe.panel(p);
      const shown = panel?.node.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status');
      return probe.kernelStatus(panel) === 'idle' && (shown == null || shown === 'idle');
    }, this.path, { timeout, polling: 100 });
  }

  async kernelName() {
    return this.page.evaluate((p) => window.javadlProbe.panel(p)?.sessionContext.session?.kernel?.name ?? null, this.path);
  }

  // ---------------------------------------------------------------- menus and toolbar
  /** Clicks through the main menu: menu('Run', 'Run All Cells'), menu('Settings', 'Theme', 'JupyterLab Dark'). */
  async menu(top, ...items) {
    await this.page.locator('.lm-MenuBar-item').filter({ hasText: exact(top) }).first().click();
    for (const [i, label] of items.entries()) {
      const item = this.page.locator('.lm-Menu:visible .lm-Menu-item')
        .filter({ has: this.page.locator('.lm-Menu-itemLabel', { hasText: exact(label) }) }).last();
      if (i < items.length - 1) await item.hover();
      else await item.click();
    }
  }

  /** Clicks the notebook toolbar button named `item` (data-jp-item-name: 'interrupt', 'save', ...). */
  async toolbar(item) {
    await this.page.locator(`.jp-NotebookPanel-toolbar [data-jp-item-name="${item}"] :is(button, jp-button)`).first().click();
  }

  /** Accepts the open dialog with the button labelled `label` (e.g. 'Restart'). */
  async acceptDialog(label) {
    const dialog = this.page.locator('.jp-Dialog');
    await dialog.locator('.jp-Dialog-button', { hasText: exact(label) }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  // ---------------------------------------------------------------- running cells
  /** Run > Run All Cells, then waits until every cell ran (or one failed) and the kernel is idle. */
  async runAll() {
    const t0 = Date.now();
    await this.menu('Run', 'Run All Cells');
    // the first cell leaves its empty prompt at once; then wait for the end of the whole queue
    await this.page.waitForFunction((p) => window.javadlProbe.runAllDone(p), this.path, { timeout: this.timeout, polling: 250 });
    await this.waitIdle();
    return (Date.now() - t0) / 1000;
  }

  /** An empty code cell at the end in edit mode, with `code` typed in: the empty cell Shift+Enter left
   *  at the bottom, or a new one inserted below the last cell (B in command mode). */
  async newCell(code = '') {
    const reuse = await this.page.evaluate((p) => {
      const nb = window.javadlProbe.panel(p).content;
      nb.activeCellIndex = nb.widgets.length - 1;
      nb.mode = 'command';
      nb.node.focus();
      const last = nb.activeCell;
      return last.model.type === 'code' && last.model.sharedModel.getSource() === '' && last.model.outputs.length === 0
        && last.model.executionCount == null;
    }, this.path);
    if (!reuse) await this.page.keyboard.press('b');
    await this.page.waitForFunction((p) => {
      const nb = window.javadlProbe.panel(p).content;
      return nb.activeCell?.model.type === 'code' && nb.activeCell.model.sharedModel.getSource() === '';
    }, this.path);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction((p) => window.javadlProbe.panel(p).content.mode === 'edit', this.path);
    // insertText is one paste-like input: CodeMirror does not auto-close brackets or re-indent it
    if (code) await this.page.keyboard.insertText(code);
    return this.activeCodeIndex();
  }

  /** Index of the active cell among the notebook's code cells. */
  async activeCodeIndex() {
    return this.page.evaluate((p) => {
      const probe = window.javadlProbe;
      const panel = probe.panel(p);
      return probe.codeCells(panel).indexOf(panel.content.activeCell);
    }, this.path);
  }

  /** Shift+Enter on the active cell. */
  async runActive() {
    await this.page.keyboard.press('Shift+Enter');
  }

  /** Waits until code cell `index` has run (a number in its prompt) and the kernel is idle. */
  async waitCell(index, timeout = this.timeout) {
    await this.page.waitForFunction(([p, i]) => {
      const c = window.javadlProbe.codeCells(window.javadlProbe.panel(p))[i];
      return c && c.model.executionCount != null && c.model.executionState !== 'running';
    }, [this.path, index], { timeout, polling: 50 });
    await this.waitIdle(timeout);
  }

  /** A new cell with `code`, run, waited for; returns { index, text, outputs } of what it shows. */
  async run(code, timeout = this.timeout) {
    const index = await this.newCell(code);
    await this.runActive();
    await this.waitCell(index, timeout);
    return { index, ...(await this.cellOutputs(index)) };
  }

  /** What code cell `index` shows: its output texts and output types. */
  async cellOutputs(index) {
    return this.page.evaluate(([p, i]) => {
      const c = window.javadlProbe.codeCells(window.javadlProbe.panel(p))[i];
      const nodes = [...c.node.querySelectorAll('.jp-OutputArea-child > .jp-OutputArea-output')];
      return {
        count: c.model.executionCount,
        text: nodes.map((n) => n.textContent).join('\n'),
        outputs: c.model.outputs.toJSON().map((o) => o.output_type + (o.name ? `:${o.name}` : '')),
      };
    }, [this.path, index]);
  }

  // ---------------------------------------------------------------- the rest of the page
  /** Settings > Theme > `name`, then waits until Lab says that theme is applied. */
  async theme(name) {
    await this.menu('Settings', 'Theme', name);
    await this.page.waitForFunction((n) => document.body.dataset.jpThemeName === n, name, { timeout: 30000 });
    // the theme's CSS arrives after the attribute: wait until its layout colour is the one in force
    await this.page.waitForFunction((light) => {
      const [r, g, b] = window.javadlProbe.rgba(getComputedStyle(document.body).getPropertyValue('--jp-layout-color0').trim());
      return light ? r + g + b > 600 : r + g + b < 200;
    }, name !== 'JupyterLab Dark', { timeout: 30000 });
  }

  /** The session the notebook's kernel belongs to, through the server's REST API (for shutting it down). */
  async shutdownKernel() {
    const sessions = await this.api('GET', '/api/sessions');
    for (const s of sessions.filter((x) => x.path === this.path || x.notebook?.path === this.path)) {
      await this.api('DELETE', `/api/sessions/${s.id}`);
    }
  }

  async api(method, path, body) {
    const r = await fetch(`${this.base}${path}`, {
      method,
      headers: { Authorization: `token ${this.token}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path}: HTTP ${r.status}`);
    return r.status === 204 ? null : r.json();
  }
}
