// Draws slim/report.html from the report embedded above. Plain DOM, no library, no network; every text
// goes in through textContent, so a hostile file name stays text. Sections the report lacks are skipped.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('slim-report').textContent);
  var report = data.report || {};
  var main = document.getElementById('sections');
  var attribution = report.attribution || null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function list(value) { return Array.isArray(value) ? value : []; }

  // The same form as the C# ByteSize.Human: powers of 1000, up to two decimals.
  function human(bytes) {
    var abs = Math.abs(bytes), sign = bytes < 0 ? '-' : '';
    if (abs >= 1e9) return sign + trim(abs / 1e9, 2) + ' GB';
    if (abs >= 1e6) return sign + trim(abs / 1e6, 2) + ' MB';
    if (abs >= 1e3) return sign + trim(abs / 1e3, 1) + ' KB';
    return sign + abs + ' B';
  }
  function trim(n, digits) { return String(parseFloat(n.toFixed(digits))); }
  function exact(bytes) { return Number(bytes).toLocaleString('en-US') + ' B'; }

  function section(title, id) {
    var s = el('section');
    s.id = id;
    s.appendChild(el('h2', null, title));
    main.appendChild(s);
    return s;
  }

  // columns: [{title, value(row) -> text or Node, num: right-aligned}]
  function table(columns, rows) {
    var t = el('table'), head = el('tr');
    columns.forEach(function (c) { head.appendChild(el('th', c.num ? 'num' : null, c.title)); });
    t.appendChild(el('thead')).appendChild(head);
    var body = t.appendChild(el('tbody'));
    rows.forEach(function (row) {
      var tr = body.appendChild(el('tr'));
      columns.forEach(function (c) {
        var v = c.value(row), td = el('td', c.num ? 'num' : null);
        if (v instanceof Node) td.appendChild(v); else td.textContent = v === undefined || v === null ? '' : String(v);
        tr.appendChild(td);
      });
    });
    return t;
  }

  function bar(fraction, cls) {
    var outer = el('div', 'bar ' + (cls || '')), inner = el('div', 'fill');
    inner.style.width = (Math.max(0, Math.min(1, fraction)) * 100).toFixed(2) + '%';
    outer.appendChild(inner);
    return outer;
  }

  function badge(status) { return el('span', 'badge ' + String(status), String(status)); }

  // ---- treemap -------------------------------------------------------------------------------------

  function node(name, bytes, kind, children, detail) {
    return { name: name, bytes: Math.max(0, bytes || 0), kind: kind, children: children || [], detail: detail || '' };
  }

  function byBytes(a, b) { return b.bytes - a.bytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); }

  // Which package each published file came from, where the attribution knows it.
  function packageOfFile() {
    var map = {};
    list(attribution && attribution.publish).forEach(function (o) {
      if (o.kind === 'nuget-package' || o.kind === 'runtime-pack')
        list(o.files).forEach(function (f) { map[f] = o.name + (o.version ? ' ' + o.version : ''); });
    });
    return map;
  }

  function fileNode(f) {
    var split = attribution && attribution.executable;
    if (split && split.path === f.path && list(split.assemblies).length) {
      var parts = list(split.assemblies).map(function (a) {
        return node(a.assembly, a.bytes, kindOf(a.kind), [], a.name + (a.version ? ' ' + a.version : ''));
      });
      if (split.nativeBytes > 0) parts.push(node('native code and data', split.nativeBytes, 'native', [], split.nativeOrigin || ''));
      return node(f.path, f.size, kindOf(f.origin), parts.sort(byBytes), 'split by assembly with ILC\'s size map');
    }
    return node(f.path, f.size, kindOf(f.origin));
  }

  function kindOf(k) {
    switch (k) {
      case 'nuget-package': case 'package': return 'package';
      case 'runtime-pack': case 'runtime': return 'runtime';
      case 'base-package': case 'base': return 'base';
      case 'app': case 'content': case 'other': return k;
      default: return 'other';
    }
  }

  // Files grouped by origin; a package's files grouped by package when the attribution names it.
  function originNodes(files) {
    var groups = {}, packages = packageOfFile();
    files.forEach(function (f) {
      var origin = f.origin || 'other';
      (groups[origin] = groups[origin] || []).push(f);
    });
    return Object.keys(groups).sort().map(function (origin) {
      var files = groups[origin], children;
      if ((origin === 'package' || origin === 'runtime') && Object.keys(packages).length) {
        var byPackage = {};
        files.forEach(function (f) { var p = packages[f.path] || 'unknown package'; (byPackage[p] = byPackage[p] || []).push(f); });
        children = Object.keys(byPackage).sort().map(function (p) {
          var fs = byPackage[p];
          return node(p, sum(fs, 'size'), kindOf(origin), fs.map(fileNode).sort(byBytes));
        });
      } else {
        children = files.map(fileNode);
      }
      return node(origin, sum(files, 'size'), kindOf(origin), children.sort(byBytes), files.length + ' file(s)');
    });
  }

  function sum(items, field) { return items.reduce(function (s, i) { return s + (i[field] || 0); }, 0); }

  var layerOrigins = { runtime: ['runtime'], packages: ['package'], app: ['app', 'content', 'other'] };

  function layerNode(layer, files) {
    var holds = String(layer.holds || ''), children = [];
    if (holds.indexOf('base') === 0) {
      children = list(attribution && attribution.image).filter(function (o) { return o.kind === 'base-package' || o.kind === 'base'; })
        .map(function (o) { return node(o.name + (o.version ? ' ' + o.version : ''), o.bytes, 'base', [], list(o.files).length + ' file(s)'); });
      if (!children.length) children = baseFromNeeds(layer);
    } else {
      var origins = layerOrigins[holds] || [];
      children = originNodes(files.filter(function (f) { return origins.indexOf(f.origin || 'other') >= 0; }));
    }
    var known = sum(children, 'bytes');
    // Tar headers, directories and what no finer figure covers: shown, so the layer adds up.
    if (children.length && layer.unpackedBytes > known) children.push(node('tar headers and directories', layer.unpackedBytes - known, 'native'));
    return node('layer: ' + holds, layer.unpackedBytes, holds.indexOf('base') === 0 ? 'base' : 'layer', children.sort(byBytes),
      human(layer.wireBytes) + ' on the wire');
  }

  // Without an attribution, a base Slim assembled from this machine's files (kind auto) is split by what the
  // needs measured of those same files: the loader and libraries the app links, then each need it carries.
  function baseFromNeeds(layer) {
    var needs = report.needs, holds = String(layer.holds || '');
    if (!needs || !report.image || !report.image.base || report.image.base.kind !== 'auto') return [];
    var parts = list(needs.nativeLibraries).filter(function (l) { return !l.ships && l.bytes > 0; })
      .map(function (l) { return node(l.name, l.bytes, 'base', [], l.hostPath || ''); });
    list(needs.needs).forEach(function (n) {
      if (n.needed && n.hostBytes > 0 && holds.indexOf(n.kind) >= 0) parts.push(node(n.kind, n.hostBytes, 'base', [], n.reason || ''));
    });
    return sum(parts, 'bytes') <= layer.unpackedBytes ? parts : [];
  }

  function tree() {
    var files = list(report.files);
    if (report.image && list(report.image.layers).length)
      return node('image', report.image.unpackedBytes, 'image', list(report.image.layers).map(function (l) { return layerNode(l, files); }).sort(byBytes));
    return node('publish folder', sum(files, 'size'), 'image', originNodes(files));
  }

  // Squarified treemap (Bruls, Huizing, van Wijk): rows along the shorter side, each row kept while it
  // makes its rectangles closer to squares.
  function squarify(items, x, y, w, h) {
    var total = sum(items, 'bytes'), out = [];
    if (total <= 0 || w <= 0 || h <= 0) return out;
    var rest = items.filter(function (i) { return i.bytes > 0; }).map(function (i) { return { item: i, area: i.bytes * w * h / total }; });
    while (rest.length) {
      var side = Math.min(w, h), row = [], best = Infinity, n = 0;
      while (n < rest.length) {
        var candidate = row.concat([rest[n]]), ratio = worst(candidate, side);
        if (row.length && ratio > best) break;
        row = candidate; best = ratio; n++;
      }
      var rowArea = sum(row, 'area');
      if (w >= h) {
        var cw = rowArea / h, cy = y;
        row.forEach(function (c) { var ch = c.area / cw; out.push({ item: c.item, x: x, y: cy, w: cw, h: ch }); cy += ch; });
        x += cw; w -= cw;
      } else {
        var rh = rowArea / w, cx = x;
        row.forEach(function (c) { var rw = c.area / rh; out.push({ item: c.item, x: cx, y: y, w: rw, h: rh }); cx += rw; });
        y += rh; h -= rh;
      }
      rest = rest.slice(n);
    }
    return out;
  }

  function worst(row, side) {
    var s = sum(row, 'area'), max = 0, min = Infinity;
    row.forEach(function (r) { max = Math.max(max, r.area); min = Math.min(min, r.area); });
    return Math.max(side * side * max / (s * s), s * s / (side * side * min));
  }

  var LABEL = 18, PAD = 2;

  function drawNode(parent, n, x, y, w, h, depth, path) {
    var box = el('div', 'tm-node tm-' + n.kind + ' depth-' + Math.min(depth, 4));
    box.style.left = x.toFixed(1) + 'px'; box.style.top = y.toFixed(1) + 'px';
    box.style.width = Math.max(0, w - 1).toFixed(1) + 'px'; box.style.height = Math.max(0, h - 1).toFixed(1) + 'px';
    var trail = path.concat([n.name]);
    box.title = trail.join(' › ') + '\n' + human(n.bytes) + ' (' + exact(n.bytes) + ')' + (n.detail ? '\n' + n.detail : '');
    if (w > 40 && h > 14) box.appendChild(el('span', 'tm-label', n.name + ' ' + human(n.bytes)));
    parent.appendChild(box);
    if (n.children.length && w > 24 && h > LABEL + 10) {
      squarify(n.children, PAD, LABEL, w - 2 * PAD, h - LABEL - PAD).forEach(function (r) {
        drawNode(box, r.item, r.x, r.y, r.w, r.h, depth + 1, trail);
      });
    }
  }

  function treemap() {
    var root = tree();
    var s = section(report.image ? 'What the image holds: by layer, origin and file (unpacked)' : 'What the publish folder holds: by origin and file', 'treemap');
    var legend = s.appendChild(el('p', 'legend'));
    ['base', 'runtime', 'package', 'app', 'content', 'other', 'native'].forEach(function (k) {
      var item = legend.appendChild(el('span', 'key'));
      item.appendChild(el('i', 'swatch tm-' + k));
      item.appendChild(document.createTextNode(k === 'native' ? 'native code, headers' : k));
    });
    legend.appendChild(document.createTextNode('Hover a rectangle for its path and exact size.'));
    var area = s.appendChild(el('div', 'treemap'));
    var draw = function () {
      area.textContent = '';
      var w = area.clientWidth || 960, h = Math.round(Math.max(320, Math.min(620, w * 0.55)));
      area.style.height = h + 'px';
      drawNode(area, root, 0, 0, w, h, 0, []);
    };
    draw();
    var pending = null;
    window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(draw, 100); });
  }

  // ---- sections ------------------------------------------------------------------------------------

  function checks() {
    var items = list(report.checks);
    if (!items.length) return;
    var counts = { pass: 0, warn: 0, fail: 0 };
    items.forEach(function (c) { counts[c.status] = (counts[c.status] || 0) + 1; });
    var s = section('Production checklist', 'checks');
    s.appendChild(el('p', null, counts.pass + ' passed, ' + counts.warn + ' warned, ' + counts.fail + ' failed'));
    s.appendChild(table([
      { title: 'status', value: function (c) { return badge(c.status); } },
      { title: 'code', value: function (c) { return c.code; } },
      { title: 'check', value: function (c) { return c.name; } },
      { title: 'found', value: function (c) { return c.summary; } },
      { title: 'evidence', value: function (c) { return evidence(c.evidence); } },
    ], items));
  }

  function evidence(value) {
    var items = Array.isArray(value) ? value : value ? [value] : [];
    var ul = el('ul', 'evidence');
    items.slice(0, 6).forEach(function (e) { ul.appendChild(el('li', null, typeof e === 'string' ? e : JSON.stringify(e))); });
    if (items.length > 6) ul.appendChild(el('li', 'more', 'and ' + (items.length - 6) + ' more in report.json'));
    return ul;
  }

  function budgets() {
    var items = list(report.budgets), s = section('Budgets', 'budgets');
    if (!items.length) {
      s.appendChild(el('p', 'muted', 'No budgets set: SlimMaxImageSize, SlimMaxPublishSize, SlimMaxFileSize, SlimBudget items or SlimMaxGrowth make this publish a gate.'));
      return;
    }
    items.forEach(function (b) {
      var row = s.appendChild(el('div', 'budget ' + (b.passed ? 'ok' : 'over')));
      row.appendChild(el('div', 'budget-name', b.name + (b.subject ? ': ' + b.subject : '')));
      row.appendChild(bar(b.limitBytes > 0 ? b.actualBytes / b.limitBytes : 1, b.passed ? 'ok' : 'over'));
      row.appendChild(el('div', 'budget-figures', human(b.actualBytes) + ' of ' + b.limit + (b.passed ? '' : ': over by ' + human(b.actualBytes - b.limitBytes))));
    });
  }

  function baseline() {
    var b = data.baseline;
    if (!b) return;
    var s = section('Against the baseline', 'baseline');
    s.appendChild(el('p', 'muted', 'Baseline: ' + b.baselinePath));
    var cols = function (first) {
      return [
        { title: first, value: function (r) { return r.name; } },
        { title: 'before', num: true, value: function (r) { return r.before === null ? '—' : human(r.before); } },
        { title: 'after', num: true, value: function (r) { return r.after === null ? '—' : human(r.after); } },
        { title: 'delta', num: true, value: function (r) { return delta((r.after || 0) - (r.before || 0)); } },
      ];
    };
    s.appendChild(table(cols(''), list(b.totals)));
    if (list(b.origins).length) s.appendChild(table(cols('origin'), list(b.origins).slice(0, 30)));
  }

  function delta(d) { return el('span', d > 0 ? 'grew' : d < 0 ? 'shrank' : null, d === 0 ? '0' : (d > 0 ? '+' : '−') + human(Math.abs(d))); }

  function steps() {
    var t = report.totals || {}, items = list(report.steps), before = t.beforeStepsBytes || t.plainPublishBytes || 0;
    var s = section('What each step saved', 'steps');
    if (report.totals) s.appendChild(el('p', null, (t.plainPublishBytes != null ? 'Plain dotnet publish ' + human(t.plainPublishBytes) + '; b' : 'B') +
      'efore Slim\'s steps ' + human(before) + ' → ' + human(t.publishBytes) + ' in the publish folder (' + human(t.gzipBytes) + ' gzipped).'));
    s.appendChild(table([
      { title: 'step', value: function (st) { return st.name; } },
      { title: 'files', num: true, value: function (st) { return list(st.files).length; } },
      { title: 'saved', num: true, value: function (st) { return human(st.bytesSaved); } },
      { title: 'share of what the steps started from', value: function (st) { return bar(before > 0 ? st.bytesSaved / before : 0, 'saved'); } },
    ], items));
  }

  function attributionSection() {
    if (!attribution) return;
    var s = section('Where the bytes come from', 'attribution');
    var origins = function (items) {
      var total = sum(items, 'bytes');
      return table([
        { title: 'kind', value: function (o) { return o.kind; } },
        { title: 'name', value: function (o) { return o.name; } },
        { title: 'version', value: function (o) { return o.version || ''; } },
        { title: 'size', num: true, value: function (o) { return human(o.bytes); } },
        { title: 'share', value: function (o) { return bar(total > 0 ? o.bytes / total : 0, 'share'); } },
      ], items);
    };
    if (list(attribution.publish).length) { s.appendChild(el('h3', null, 'Publish folder')); s.appendChild(origins(list(attribution.publish))); }
    if (list(attribution.image).length) { s.appendChild(el('h3', null, 'Image')); s.appendChild(origins(list(attribution.image))); }
    var split = attribution.executable;
    if (split && list(split.assemblies).length) {
      s.appendChild(el('h3', null, split.path + ' by assembly (' + human(split.bytes) + '; native code and data ' + human(split.nativeBytes || 0) + ')'));
      s.appendChild(table([
        { title: 'assembly', value: function (a) { return a.assembly; } },
        { title: 'from', value: function (a) { return a.name + (a.version ? ' ' + a.version : ''); } },
        { title: 'size', num: true, value: function (a) { return human(a.bytes); } },
      ], list(split.assemblies).slice(0, 30)));
    }
    if (list(attribution.multipleVersions).length)
      s.appendChild(el('p', 'warn', 'In several versions: ' + list(attribution.multipleVersions).map(function (p) { return p.name + ' (' + list(p.versions).join(', ') + ')'; }).join('; ')));
    if (list(attribution.trimmedAway).length)
      s.appendChild(el('p', 'muted', 'Referenced but trimmed away entirely (candidates to remove): ' + list(attribution.trimmedAway).map(function (p) { return p.name + ' ' + p.version; }).join(', ')));
  }

  function needs() {
    var n = report.needs;
    if (!n) return;
    var s = section('Run-time needs', 'needs');
    if (n.globalization) s.appendChild(el('p', null, 'Globalization ' + (n.globalization.invariant ? 'invariant' : 'on') + ': ' + n.globalization.reason + '.'));
    s.appendChild(table([
      { title: 'need', value: function (x) { return x.kind; } },
      { title: 'needed', value: function (x) { return badge(x.needed ? 'yes' : 'no'); } },
      { title: 'why', value: function (x) { return x.reason; } },
      { title: 'evidence', value: function (x) { return evidence(list(x.evidence).map(function (e) { return e.source + ': ' + e.detail; })); } },
    ], list(n.needs)));
    var libs = list(n.nativeLibraries);
    if (libs.length) s.appendChild(table([
      { title: 'native library', value: function (l) { return l.name; } },
      { title: 'ships', value: function (l) { return l.ships ? 'in the publish folder' : 'from the base'; } },
      { title: 'size', num: true, value: function (l) { return l.bytes ? human(l.bytes) : ''; } },
      { title: 'needed by', value: function (l) { return list(l.neededBy).slice(0, 3).join(', '); } },
    ], libs));
  }

  function image() {
    var i = report.image;
    if (!i) return;
    var s = section('Image', 'image');
    s.appendChild(el('p', null, (i.names || []).join(', ') + ' · ' + i.format + ' · base ' + (i.base ? i.base.kind + ' (' + i.base.name + ')' : '')));
    s.appendChild(el('p', 'mono', i.digest));
    s.appendChild(table([
      { title: 'layer', value: function (l) { return l.holds; } },
      { title: 'digest', value: function (l) { return el('span', 'mono', String(l.digest).slice(0, 19)); } },
      { title: 'on the wire', num: true, value: function (l) { return human(l.wireBytes); } },
      { title: 'unpacked', num: true, value: function (l) { return human(l.unpackedBytes); } },
    ], list(i.layers)));
    if (list(i.packages).length) s.appendChild(el('p', 'muted', 'Debian packages in the base: ' + list(i.packages).map(function (p) { return p.name + ' ' + p.version; }).join(', ')));
  }

  function files() {
    var items = list(report.files);
    if (!items.length) return;
    var s = section('Largest files (of ' + items.length + ')', 'files');
    s.appendChild(table([
      { title: 'file', value: function (f) { return f.path; } },
      { title: 'origin', value: function (f) { return f.origin; } },
      { title: 'size', num: true, value: function (f) { return human(f.size); } },
    ], items.slice(0, 20)));
  }

  function warnings() {
    var w = report.analysisWarnings;
    if (!w) return;
    var s = section('Trim and AOT analysis warnings: ' + (w.count || 0), 'warnings');
    if (!w.count) { s.appendChild(el('p', 'muted', 'None: nothing that may break after trimming (source: ' + w.source + ').')); return; }
    var ul = s.appendChild(el('ul'));
    list(w.items).slice(0, 30).forEach(function (x) {
      var about = x.package ? x.package + ' ' + x.packageVersion + ': ' : '';
      ul.appendChild(el('li', null, x.code + ' ' + about + x.message + (x.location ? ' (' + x.location + ')' : '') + (x.tool ? ' [' + x.tool + ']' : '')));
    });
  }

  function switches() {
    var items = list(report.switches);
    if (!items.length) return;
    var s = section('Switches Slim set', 'switches');
    s.appendChild(el('p', 'mono', items.map(function (x) { return x.name + '=' + x.value; }).join('  ')));
  }

  [treemap, checks, budgets, baseline, steps, attributionSection, needs, image, files, warnings, switches].forEach(function (draw) {
    try { draw(); } catch (e) {
      // One section the page cannot draw must not hide the others; the console keeps the error for tests.
      main.appendChild(el('p', 'error', 'This section could not be drawn: ' + e.message));
      console.error(e);
    }
  });
  document.body.setAttribute('data-rendered', 'true');
})();
