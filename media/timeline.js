// Draws the releases the extension posts on a time axis: one mark per release, stacked per day, coloured by kind
// or source; a click on a mark asks the extension to open the release. No remote content, no inline code.
// @ts-check
(function () {
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const PALETTE = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  const DAY_MS = 86400000;
  const MAX_GAP_DAYS = 14;
  const MAX_PLOT_HEIGHT = 360;
  const chart = document.getElementById('chart');
  const legend = document.getElementById('legend');
  const summary = document.getElementById('summary');
  const colour = /** @type {HTMLSelectElement} */ (document.getElementById('colour'));
  const words = /** @type {HTMLInputElement} */ (document.getElementById('words'));
  /** @type {{ releases: any[], label: string, partial: boolean, undated: number } | undefined} */
  let data;

  function element(name, attributes, parent) {
    const node = document.createElementNS(SVG, name);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
    parent.appendChild(node);
    return node;
  }

  function draw() {
    chart.textContent = '';
    legend.textContent = '';
    if (!data) return;
    const releases = [...data.releases].sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title));
    const partial = data.partial ? ' so far (still indexing)' : '';
    summary.textContent = `${releases.length} dated releases${partial} · ${data.label}${data.undated ? ` · ${data.undated} without a date` : ''}`;
    if (releases.length === 0) return;
    const by = colour.value;
    const groups = [...new Set(releases.map((r) => r[by]))].sort();
    const colourOf = (release) => PALETTE[groups.indexOf(release[by]) % PALETTE.length];
    const perDay = new Map();
    for (const release of releases) perDay.set(release.date, (perDay.get(release.date) ?? 0) + 1);
    const dates = [...perDay.keys()];
    const tallest = Math.max(...perDay.values());
    const width = Math.max(600, chart.clientWidth - 20);
    const margin = { left: 30, right: 30, top: 16, bottom: 40 };
    const plotWidth = width - margin.left - margin.right;
    // One slot per day; a quiet stretch longer than MAX_GAP_DAYS is drawn as a break (two slashes), so a stray
    // old release does not squeeze the weeks the corpus covers into one pixel.
    const offsets = [0];
    const breaks = [];
    for (let i = 1; i < dates.length; i++) {
      const gap = Math.round((Date.parse(dates[i]) - Date.parse(dates[i - 1])) / DAY_MS);
      if (gap > MAX_GAP_DAYS) breaks.push(i);
      offsets.push(offsets[i - 1] + Math.min(gap, MAX_GAP_DAYS));
    }
    const span = offsets[offsets.length - 1] + 2;
    const dayWidth = plotWidth / span;
    const xOf = new Map(dates.map((date, i) => [date, margin.left + (offsets[i] + 1) * dayWidth]));
    const markHeight = Math.min(12, MAX_PLOT_HEIGHT / tallest);
    const plotHeight = Math.max(120, Math.min(MAX_PLOT_HEIGHT, tallest * markHeight));
    const markWidth = Math.max(3, Math.min(14, dayWidth - 2));
    const svg = element('svg', { width, height: plotHeight + margin.top + margin.bottom, role: 'img', 'aria-label': summary.textContent }, chart);
    const base = margin.top + plotHeight;
    element('line', { x1: margin.left, x2: width - margin.right, y1: base, y2: base, class: 'axis' }, svg);
    for (const i of breaks) {
      const x = (xOf.get(dates[i - 1]) + xOf.get(dates[i])) / 2;
      element('text', { x: x - 6, y: base + 5, class: 'break' }, svg).textContent = '//';
    }
    // A label at the first day of each month shown, and at each break, when there is room for it.
    let lastLabelEnd = -Infinity;
    dates.forEach((date, i) => {
      const x = xOf.get(date);
      const newMonth = i === 0 || date.slice(0, 7) !== dates[i - 1].slice(0, 7) || breaks.includes(i);
      if (!newMonth || x < lastLabelEnd) return;
      element('line', { x1: x, x2: x, y1: base, y2: base + 6, class: 'axis' }, svg);
      element('text', { x: x + 2, y: base + 20, class: 'tick' }, svg).textContent = date;
      lastLabelEnd = x + 80;
    });
    const stacked = new Map();
    for (const release of releases) {
      const level = stacked.get(release.date) ?? 0;
      stacked.set(release.date, level + 1);
      const mark = element(
        'rect',
        {
          x: xOf.get(release.date) - markWidth / 2,
          y: base - (level + 1) * markHeight,
          width: markWidth,
          height: markHeight > 3 ? markHeight - 1 : markHeight,
          fill: colourOf(release),
          class: 'mark',
          tabindex: 0,
          role: 'button',
          'aria-label': `${release.date} ${release.title}`,
        },
        svg,
      );
      element('title', {}, mark).textContent = `${release.date} · ${release.kind} · ${release.source}\n${release.title}`;
      const open = () => vscode.postMessage({ type: 'open', uri: release.uri, range: release.range });
      mark.addEventListener('click', open);
      mark.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') open();
      });
    }
    for (const group of groups) {
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = `swatch swatch-${groups.indexOf(group) % PALETTE.length}`;
      item.append(swatch, `${group} (${releases.filter((r) => r[by] === group).length})`);
      legend.appendChild(item);
    }
  }

  window.addEventListener('message', (event) => {
    if (event.data?.type !== 'releases') return;
    data = event.data;
    draw();
  });
  colour.addEventListener('change', draw);
  window.addEventListener('resize', draw);
  document.getElementById('search').addEventListener('submit', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'search', words: words.value });
  });
  document.getElementById('clear').addEventListener('click', () => {
    words.value = '';
    vscode.postMessage({ type: 'clear' });
  });
  vscode.postMessage({ type: 'ready' });
})();
