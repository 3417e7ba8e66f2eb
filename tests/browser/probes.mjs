// Code that runs inside the JupyterLab / Notebook 7 page (installed with context.addInitScript) and
// reports what a person would see: per notebook, the cells' prompts and outputs from Lab's own
// model next to what is drawn (decoded images, tables, SVG drawings, MathJax, answer cards), and for
// any region the WCAG contrast of every visible piece of text against what is painted behind it.
//
// Everything here must be self-contained: Playwright sends the function's source to the page.
export function installProbes() {
  if (window.javadlProbe) return;

  // ------------------------------------------------------------------ colours
  const canvas = document.createElement('canvas');
  const ctx2d = canvas.getContext('2d', { willReadFrequently: true });

  /** Any CSS colour (rgb(), hex, named, color(srgb ...)) as [r, g, b, a], through the canvas parser. */
  function rgba(css) {
    if (!css || css === 'none' || css === 'transparent') return [0, 0, 0, 0];
    ctx2d.fillStyle = '#000';
    ctx2d.fillStyle = css;
    const v = ctx2d.fillStyle; // '#rrggbb', 'rgba(r, g, b, a)', or 'color(srgb r g b / a)' (color-mix results)
    if (v.startsWith('#')) return [1, 3, 5].map((i) => parseInt(v.slice(i, i + 2), 16)).concat(1);
    const p = v.slice(v.indexOf('(') + 1, -1).split(/[\s,/]+/).filter(Boolean);
    if (v.startsWith('color(')) {
      const [r, g, b, a] = p.slice(1).map(Number); // channels 0..1 after the colour space's name
      return [r * 255, g * 255, b * 255, a === undefined ? 1 : a];
    }
    const n = p.map(Number);
    return [n[0], n[1], n[2], n.length > 3 ? n[3] : 1];
  }
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1);
  };
  const hex = (c) => '#' + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, '0')).join('');
  const luminance = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };

  /** Product of `opacity` from el up to the root. */
  function opacityOf(el) {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  }

  /** The opaque colour painted behind el: its own and its ancestors' background colours, composited. */
  function backgroundOf(el) {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const bg = rgba(getComputedStyle(e).backgroundColor);
      if (bg[3] > 0) {
        layers.push(bg);
        if (bg[3] >= 1) break;
      }
    }
    let c = [255, 255, 255, 1]; // the browser's canvas, should nothing be opaque
    for (let i = layers.length - 1; i >= 0; i--) c = over(layers[i], c);
    return c;
  }

  /** Behind an SVG text: the topmost filled shape under its centre, else the page behind the <svg>. */
  function svgBackgroundOf(textEl, rect) {
    const svg = textEl.closest('svg');
    let base = backgroundOf(svg.parentElement || svg);
    const x = rect.left + rect.width / 2;
    const y = rect.top + rect.height / 2;
    const stack = document.elementsFromPoint(x, y).filter((e) => e !== textEl && svg.contains(e)
      && /^(rect|circle|ellipse|path|polygon)$/i.test(e.tagName));
    const fills = [];
    for (const e of stack) {
      const cs = getComputedStyle(e);
      const f = rgba(cs.fill);
      f[3] *= Number(cs.fillOpacity) * opacityOf(e);
      if (f[3] > 0) {
        fills.push(f);
        if (f[3] >= 1) break;
      }
    }
    for (let i = fills.length - 1; i >= 0; i--) base = over(fills[i], base);
    return base;
  }

  /**
   * Every visible piece of text under `root`: its colour, the colour behind it, their WCAG contrast
   * ratio, and why it would not be seen (zero opacity, hidden, no size, same colour as behind it).
   */
  function textContrast(root) {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.textContent;
      if (!/\S/.test(text)) continue;
      const el = n.parentElement;
      if (!el || el.closest('style,script,mjx-assistive-mml')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const cs = getComputedStyle(el);
      const entry = { text: text.trim().slice(0, 60), tag: el.tagName.toLowerCase(), cls: String(el.className?.baseVal ?? el.className ?? '').slice(0, 60) };
      if (rects.length === 0 || cs.visibility !== 'visible' || !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) {
        // Not painted at all: fine for collapsed or scrolled-away parts, but then it is not "visible text".
        if (el.checkVisibility() && rects.length === 0 && text.trim().length > 0 && el.getClientRects().length > 0) {
          entry.invisible = 'no size';
          out.push(entry);
        }
        continue;
      }
      const inSvg = el instanceof SVGElement;
      const opacity = opacityOf(el);
      const fg = rgba(inSvg ? cs.fill : cs.color);
      fg[3] *= opacity * (inSvg ? Number(cs.fillOpacity) : 1);
      const bg = inSvg ? svgBackgroundOf(el, rects[0]) : backgroundOf(el);
      const seen = over(fg, bg);
      entry.fg = hex(seen);
      entry.bg = hex(bg);
      entry.ratio = Math.round(contrast(seen, bg) * 100) / 100;
      entry.px = parseFloat(cs.fontSize);
      entry.bold = Number(cs.fontWeight) >= 700;
      if (opacity < 0.05 || fg[3] < 0.05) entry.invisible = 'transparent';
      else if (entry.px < 6) entry.invisible = `font-size ${entry.px}px`;
      else if (entry.ratio < 1.2) entry.invisible = 'same colour as behind it';
      out.push(entry);
    }
    return out;
  }

  function contrastSummary(spans, threshold) {
    const measured = spans.filter((s) => s.ratio !== undefined);
    const low = measured.filter((s) => s.ratio < threshold);
    return {
      spans: measured.length,
      min_ratio: measured.length ? Math.min(...measured.map((s) => s.ratio)) : null,
      below: low.slice(0, 20),
      below_count: low.length,
      invisible: spans.filter((s) => s.invisible).slice(0, 20),
    };
  }

  // ------------------------------------------------------------------ JupyterLab's objects
  const app = () => window.jupyterapp;

  /** The open notebook panel for `path` (Lab: any tab; Notebook 7: the page's one notebook). */
  function panel(path) {
    const a = app();
    if (!a) return null;
    const widgets = [...(a.shell.widgets ? a.shell.widgets('main') : [])];
    return widgets.find((w) => w.context?.path === path) ?? (a.shell.currentWidget?.context?.path === path ? a.shell.currentWidget : null);
  }

  const kernelStatus = (p) => p?.sessionContext?.session?.kernel?.status ?? null;
  const codeCells = (p) => p.content.widgets.filter((c) => c.model.type === 'code');

  /** Run All finished: nothing running or queued ('*'), the kernel idle, and either every code cell
   *  has a number or a cell failed (Lab stops a Run All at the first error). */
  function runAllDone(path) {
    const p = panel(path);
    if (!p || kernelStatus(p) !== 'idle') return false;
    const cells = codeCells(p);
    if (cells.some((c) => c.model.executionState === 'running' || /\*/.test(c.promptNode?.textContent ?? ''))) return false;
    const failed = cells.some((c) => [...c.model.outputs.toJSON()].some((o) => o.output_type === 'error'));
    return failed || cells.every((c) => c.model.executionCount != null);
  }

  // The cell's own outputs: not those of an Output widget drawn inside one of them (an interact's).
  const outputNodes = (cell) => [...cell.node.querySelectorAll('.jp-OutputArea-child > .jp-OutputArea-output')]
    .filter((n) => !n.parentElement.parentElement.closest('.jp-OutputArea-output'));

  /** What the notebook at `path` shows, cell by cell, compared with what Lab's model holds. */
  function notebookReport(path) {
    const p = panel(path);
    const cells = codeCells(p);
    const root = p.content.node;
    const inOutputs = (sel) => [...root.querySelectorAll(`.jp-OutputArea-output ${sel}`)];
    const size = (el) => { const r = el.getBoundingClientRect(); return { w: Math.round(r.width), h: Math.round(r.height) }; };
    const errors = [];
    const stderr = [];
    let modelImages = 0;
    let modelTables = 0;
    let modelSvgs = 0;
    let modelAnswers = 0;
    cells.forEach((c, i) => {
      const outs = c.model.outputs.toJSON();
      const nodes = outputNodes(c);
      outs.forEach((o, j) => {
        const text = (nodes[j]?.textContent ?? '').slice(0, 1500);
        if (o.output_type === 'error') errors.push({ cell: i, ename: o.ename, text });
        if (o.output_type === 'stream' && o.name === 'stderr') stderr.push({ cell: i, text });
        const d = o.data ?? {};
        const html = [].concat(d['text/html'] ?? []).join('');
        // A widget view (an interact) draws its picture only while its kernel-side model lives: not
        // counted here (a reopened notebook's widgets need their kernel, as in every ipywidgets kernel).
        const widget = !!d['application/vnd.jupyter.widget-view+json'];
        if (!widget && (d['image/png'] || d['image/jpeg'])) modelImages++;
        if (/<table/i.test(html)) modelTables++;
        // Inline <svg> in HTML is drawn as an svg element; a bundle that is only image/svg+xml is
        // drawn by Lab (and Notebook 7) as an <img> of it, so it counts as an image.
        if (/<svg/i.test(html)) modelSvgs++;
        else if (!widget && d['image/svg+xml'] && !html && !d['image/png'] && !d['image/jpeg']) modelImages++;
        if (/javadl-answer/.test(html)) modelAnswers++;
      });
    });
    // Pictures inside a live widget (an interact's Output) are left out: see the model count above.
    const inWidget = (el) => !!el.closest('.jupyter-widgets, .widget-output, .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]');
    const images = inOutputs('img').filter((img) => !inWidget(img)).map((img) => {
      let opaqueCorners = null;
      try {
        const c = document.createElement('canvas');
        c.width = img.naturalWidth; c.height = img.naturalHeight;
        const g = c.getContext('2d');
        g.drawImage(img, 0, 0);
        const corner = (x, y) => g.getImageData(x, y, 1, 1).data[3];
        opaqueCorners = [corner(0, 0), corner(c.width - 1, 0), corner(0, c.height - 1), corner(c.width - 1, c.height - 1)].every((a) => a === 255);
      } catch (e) { opaqueCorners = null; }
      return { natural: [img.naturalWidth, img.naturalHeight], complete: img.complete, opaque_corners: opaqueCorners, ...size(img) };
    });
    const tables = inOutputs('table').filter((t) => !t.parentElement.closest('table')).map((t) => ({
      rows: t.querySelectorAll('tr').length, cells: t.querySelectorAll('td,th').length, ...size(t),
    }));
    const svgs = inOutputs('svg').filter((s) => !s.parentElement.closest('svg')).map((s) => {
      let bbox = null;
      try { const b = s.getBBox(); bbox = [Math.round(b.width), Math.round(b.height)]; } catch (e) { bbox = null; }
      return { children: s.childElementCount, descendants: s.querySelectorAll('*').length, texts: s.querySelectorAll('text').length, bbox, ...size(s) };
    });
    const answers = inOutputs('.javadl-answer').map((a) => ({ text: a.textContent.replace(/\s+/g, ' ').trim().slice(0, 120), ...size(a) }));
    // MathJax: typeset containers, MathJax's own error marks, and TeX left raw in rendered markdown.
    const markdown = [...root.querySelectorAll('.jp-MarkdownCell .jp-RenderedMarkdown')];
    const rawTex = [];
    for (const m of markdown) {
      const clone = m.cloneNode(true);
      clone.querySelectorAll('mjx-container, code, pre, script, style').forEach((e) => e.remove());
      const left = clone.textContent.match(/[^\n]{0,30}(\$|\\begin\b|\\(frac|sum|mathrm|sigma|left|right)\b)[^\n]{0,30}/);
      if (left) rawTex.push(left[0]);
    }
    const latexOutputs = inOutputs('').filter((o) => o.matches('.jp-RenderedLatex'));
    return {
      path,
      kernel: p.sessionContext.session?.kernel?.name ?? null,
      kernel_status: kernelStatus(p),
      ui_status: document.querySelector('.jp-Notebook-ExecutionIndicator')?.getAttribute('data-status') ?? null,
      code_cells: cells.length,
      prompts: cells.map((c) => c.model.executionCount),
      untrusted_cells: cells.filter((c) => !c.model.trusted).length,
      errors,
      stderr,
      images,
      tables,
      svgs,
      answers,
      markdown_cells: markdown.length,
      mathjax: root.querySelectorAll('.jp-MarkdownCell mjx-container').length,
      mathjax_errors: root.querySelectorAll('mjx-merror').length,
      raw_tex: rawTex.slice(0, 10),
      latex_outputs: latexOutputs.length,
      latex_outputs_typeset: latexOutputs.filter((o) => o.querySelector('mjx-container')).length,
      model: { images: modelImages, tables: modelTables, svgs: modelSvgs, answers: modelAnswers },
    };
  }

  /** True when every code cell of `path` shows as many outputs as Lab's model holds for it (a
   *  notebook just opened attaches its cells and renders their outputs over a few frames). */
  function outputsRendered(path) {
    const p = panel(path);
    return !!p && codeCells(p).every((c) => c.node.isConnected
      && outputNodes(c).length === c.model.outputs.length);
  }

  /** True when every markdown cell of `path` has its TeX typeset (nothing raw left). */
  function mathTypeset(path) {
    const r = notebookReport(path);
    return r.raw_tex.length === 0 && r.latex_outputs === r.latex_outputs_typeset;
  }

  /** Marks every output of `path` that holds a table, a plot, an SVG drawing or an answer card with
   *  data-javadl=`prefix-i`; returns the kind of each, in order. */
  function markOutputs(path, prefix) {
    document.querySelectorAll(`[data-javadl^="${prefix}-"]`).forEach((e) => e.removeAttribute('data-javadl'));
    const kinds = [];
    for (const child of panel(path).content.node.querySelectorAll('.jp-OutputArea-child')) {
      const out = child.querySelector(':scope > .jp-OutputArea-output');
      if (!out) continue;
      const kind = out.querySelector('.javadl-answer') ? 'answer' : out.querySelector('img') ? 'plot'
        : out.querySelector('svg') ? 'drawing' : out.querySelector('table') ? 'table' : null;
      if (!kind) continue;
      child.setAttribute('data-javadl', `${prefix}-${kinds.length}`);
      kinds.push(kind);
    }
    return kinds;
  }

  /** Contrast of all text in the elements matching `selector` in notebook `path` (each scrolled into view). */
  async function regionContrast(path, selector, threshold) {
    const p = panel(path);
    const regions = [...p.content.node.querySelectorAll(selector)];
    const spans = [];
    for (const r of regions) {
      // content-visibility: auto skips painting cells out of view; scrolled in, they are painted next frame
      r.scrollIntoView({ block: 'center' });
      await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      spans.push(...textContrast(r));
    }
    return { regions: regions.length, ...contrastSummary(spans, threshold) };
  }

  // ------------------------------------------------------------------ watching one cell's outputs
  /** Records, for the code cell `index` of `path`, how many outputs it ever showed at once and how
   *  many times their content changed (an in-place update changes content, not the count). */
  function watchOutputs(path, index) {
    const cell = codeCells(panel(path))[index];
    const area = cell.node.querySelector('.jp-OutputArea');
    const w = { max_children: 0, changes: 0, texts: [] };
    const look = () => {
      const kids = area.querySelectorAll(':scope > .jp-OutputArea-child:not(:has(.jp-Stdin))').length;
      w.max_children = Math.max(w.max_children, kids);
      // what is shown: the text, and for pictures (a live curve) the end of each image's data
      const t = area.textContent.replace(/\s+/g, ' ').slice(0, 200)
        + [...area.querySelectorAll('img')].map((img) => ` [img …${(img.getAttribute('src') || '').slice(-24)}]`).join('');
      if (t && t !== w.texts[w.texts.length - 1]) { w.texts.push(t); w.changes++; }
    };
    const obs = new MutationObserver(look);
    obs.observe(area, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['src', 'value'] });
    window.javadlWatches = window.javadlWatches || {};
    window.javadlWatches[index] = { w, stop: () => { look(); obs.disconnect(); return { ...w, texts: w.texts.slice(-5), final_children: area.querySelectorAll(':scope > .jp-OutputArea-child').length }; } };
    return true;
  }

  // ------------------------------------------------------------------ timing an interrupt in the page
  /** From the next click on `selector` to the moment code cell `index` of `path` has its number and
   *  the kernel is idle again, timed in the page itself (no round trips to the test script). */
  function armStopTimer(path, index, selector) {
    const p = panel(path);
    const cell = codeCells(p)[index];
    const t = { clicked: null, stopped: null };
    const onClick = (e) => { if (t.clicked === null && e.target.closest(selector)) t.clicked = performance.now(); };
    document.addEventListener('pointerdown', onClick, true);
    const check = () => {
      if (t.clicked !== null && t.stopped === null && cell.model.executionCount != null
          && kernelStatus(p) === 'idle') t.stopped = performance.now();
    };
    p.sessionContext.statusChanged.connect(check);
    cell.model.stateChanged.connect(check);
    window.javadlStopTimer = () => {
      check();
      document.removeEventListener('pointerdown', onClick, true);
      p.sessionContext.statusChanged.disconnect(check);
      cell.model.stateChanged.disconnect(check);
      return t.clicked !== null && t.stopped !== null ? (t.stopped - t.clicked) / 1000 : null;
    };
    return true;
  }

  window.javadlProbe = {
    rgba, panel, kernelStatus, codeCells, runAllDone, notebookReport, outputsRendered, mathTypeset,
    markOutputs, regionContrast, watchOutputs, armStopTimer,
  };
}
