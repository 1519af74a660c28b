// MGE web page: chat/start a run, then follow it live (SignalR JSON protocol over WebSocket) with catch-up from
// GET /api/projects/{id}/events. Every text from the server or the user is rendered with textContent.
'use strict';
(function () {
  const PHASES = ['discovery', 'masterplan', 'code generation', 'validation', 'atomization', 'wave planning',
    'wave execution', 'file writing', 'infrastructure', 'verification', 'delivery'];
  const RS = '\u001e';
  const params = new URLSearchParams(location.search);
  const functionKey = params.get('code');
  const uiAt = location.pathname.indexOf('/api/ui');
  const apiBase = (uiAt >= 0 ? location.pathname.slice(0, uiAt) : location.pathname.replace(/\/[^/]*$/, '')) + '/api';
  const $ = (id) => document.getElementById(id);

  let conversationId = null;
  let run = null; // { id, events: Map key->event, cursor: string, status, view, socket, retries, timers }

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function num(n) { return n === undefined || n === null ? '—' : Number(n).toLocaleString('en-US'); }
  function usd(n) { return n === undefined || n === null ? '—' : '$' + Number(n).toFixed(4); }
  function secs(s) { return s === undefined || s === null ? '' : (s < 10 ? s.toFixed(2) : s.toFixed(1)) + ' s'; }
  function phaseKey(name) { return String(name).toLowerCase().replace(/[_\s-]/g, ''); }

  async function api(method, path, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (functionKey) headers['x-functions-key'] = functionKey;
    const response = await fetch(apiBase + '/' + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    return { ok: response.ok, status: response.status, json, text };
  }

  function problemText(result) {
    const p = result.json;
    if (p && (p.detail || p.title)) {
      const fields = p.errors ? Object.values(p.errors).flat() : [];
      return (p.title ? p.title + ': ' : '') + (fields.length ? fields.join(' ') : p.detail || '');
    }
    return 'The server answered ' + result.status + '.';
  }

  // ---- the request form ----
  function say(text, you) {
    const p = el('p', you ? 'you' : '', (you ? 'You: ' : 'MGE: ') + text);
    $('conversation').appendChild(p);
  }

  async function submit(event) {
    event.preventDefault();
    const message = $('request').value;
    $('form-error').textContent = '';
    if (!message.trim()) {
      $('form-error').textContent = 'Write what MGE should build (or ask a question) first.';
      $('request').focus();
      return;
    }
    const body = { message };
    if (conversationId) body.conversationId = conversationId;
    if ($('project-type').value) body.projectType = $('project-type').value;
    const options = {};
    if ($('concurrency').value) options.concurrency = Number($('concurrency').value);
    if ($('budget').value) options.budgetUsd = Number($('budget').value);
    if (Object.keys(options).length) body.options = options;

    $('send').disabled = true;
    $('sending').hidden = false;
    try {
      const result = await api('POST', 'chat', body);
      if (!result.ok) {
        $('form-error').textContent = problemText(result);
        return;
      }
      conversationId = result.json.conversationId || conversationId;
      say(message.length > 400 ? message.slice(0, 400) + '…' : message, true);
      say(result.json.reply);
      $('request').value = '';
      if (result.json.runId) {
        const url = new URL(location.href);
        url.searchParams.set('run', result.json.runId);
        url.hash = '';
        history.replaceState(null, '', url);
        watch(result.json.runId, message);
      }
    } catch (error) {
      $('form-error').textContent = 'The server cannot be reached (' + error.message + ').';
    } finally {
      $('send').disabled = false;
      $('sending').hidden = true;
    }
  }

  // ---- following a run ----
  function watch(id, requestText) {
    if (run) stop();
    run = { id, events: new Map(), cursor: '0', status: 'running', view: null, socket: null, retries: 0, timers: [], stopped: false, pending: false };
    $('run').hidden = false;
    $('run-id').textContent = id;
    $('run-request').textContent = requestText || '';
    $('summary').hidden = true;
    render();
    catchUp().then(refreshStatus).then(connect);
    run.timers.push(setInterval(() => { if (run && !isTerminal()) { catchUp().then(refreshStatus); } }, 5000));
    run.timers.push(setInterval(() => { if (run && !isTerminal()) renderMetrics(); }, 1000));
  }

  function stop() {
    run.stopped = true;
    run.timers.forEach(clearInterval);
    if (run.socket) run.socket.close();
  }

  function isTerminal() { return run && ['completed', 'failed', 'budget_exceeded'].includes(run.status); }

  function addEvent(e) {
    const event = { key: e.key, type: e.type, timestamp: e.timestamp, data: e.data || {} };
    if (!event.key || run.events.has(event.key)) return false;
    run.events.set(event.key, event);
    return true;
  }

  async function catchUp() {
    if (!run) return;
    const current = run;
    for (let page = 0; page < 50; page++) {
      const result = await api('GET', 'projects/' + encodeURIComponent(current.id) + '/events?after=' + current.cursor);
      if (current !== run) return;
      if (!result.ok) {
        if (result.status === 404) { current.status = 'failed'; current.view = { error: problemText(result) }; render(); }
        return;
      }
      // Sequences exceed JavaScript's exact integers: the cursor is kept as the server wrote it.
      const next = /"next"\s*:\s*(\d+)/.exec(result.text);
      if (next) current.cursor = next[1];
      let added = false;
      result.json.events.forEach((e) => { added = addEvent(e) || added; });
      if (added) scheduleRender();
      if (!result.json.more) return;
    }
  }

  async function refreshStatus() {
    if (!run) return;
    const current = run;
    const result = await api('GET', 'projects/' + encodeURIComponent(current.id));
    if (current !== run || !result.ok) return;
    current.view = result.json;
    current.status = result.json.status;
    render();
    if (current.status === 'completed' && !current.filesShown) {
      current.filesShown = true;
      showSummary();
    }
    if (isTerminal() && current.socket) current.socket.close();
  }

  // ---- SignalR (JSON protocol) ----
  function setLive(text) { $('live').textContent = text; }

  async function connect() {
    if (!run || run.stopped || isTerminal()) { setLive(isTerminal() ? '' : 'offline'); return; }
    const current = run;
    try {
      const negotiated = await api('POST', 'negotiate', { runId: current.id });
      if (!negotiated.ok) { setLive('live updates off: polling'); return; }
      let hubUrl = new URL(negotiated.json.url, location.href);
      let token = negotiated.json.accessToken;
      let info = null;
      for (let hop = 0; hop < 3; hop++) {
        const negotiateUrl = new URL(hubUrl);
        negotiateUrl.pathname = negotiateUrl.pathname.replace(/\/$/, '') + '/negotiate';
        negotiateUrl.searchParams.set('negotiateVersion', '1');
        const response = await fetch(negotiateUrl, { method: 'POST', headers: { 'Authorization': 'Bearer ' + token } });
        if (!response.ok) throw new Error('hub negotiate answered ' + response.status);
        info = await response.json();
        if (!info.url) break;
        hubUrl = new URL(info.url); token = info.accessToken || token; // a redirect (Azure SignalR Service)
      }
      const ws = new URL(hubUrl);
      ws.protocol = ws.protocol === 'https:' ? 'wss:' : 'ws:';
      ws.searchParams.set('id', info.connectionToken || info.connectionId);
      ws.searchParams.set('access_token', token);
      if (current !== run) return;
      const socket = new WebSocket(ws);
      current.socket = socket;
      let pinger = null;
      socket.onopen = () => {
        socket.send(JSON.stringify({ protocol: 'json', version: 1 }) + RS);
        pinger = setInterval(() => { if (socket.readyState === 1) socket.send(JSON.stringify({ type: 6 }) + RS); }, 15000);
      };
      socket.onmessage = (message) => {
        String(message.data).split(RS).forEach((frame) => {
          if (!frame) return;
          const msg = JSON.parse(frame);
          if (msg.type === undefined) { // the handshake answer
            if (msg.error) { setLive('live updates refused: ' + msg.error); return; }
            current.retries = 0;
            setLive('live');
            catchUp().then(refreshStatus); // whatever happened between the catch-up and the connection
          } else if (msg.type === 1 && msg.target === 'progress') {
            (msg.arguments || []).forEach((e) => { if (addEvent(e)) scheduleRender(); onLiveEvent(e); });
          } else if (msg.type === 7) {
            socket.close();
          }
        });
      };
      socket.onclose = () => {
        clearInterval(pinger);
        if (current !== run || current.stopped || isTerminal()) { setLive(''); return; }
        reconnectLater(current);
      };
    } catch (error) {
      reconnectLater(current);
    }
  }

  function reconnectLater(current) {
    if (current !== run || current.stopped || isTerminal()) return;
    const delays = [500, 1000, 2000, 4000, 8000, 15000];
    const delay = delays[Math.min(current.retries, delays.length - 1)];
    current.retries++;
    setLive('reconnecting…');
    setTimeout(() => { if (current === run) catchUp().then(refreshStatus).then(connect); }, delay);
  }

  function onLiveEvent(e) {
    if (e.type === 'complete' || e.type === 'error') refreshStatus();
  }

  // ---- state from the events ----
  function derive() {
    const events = Array.from(run.events.values()).sort((a, b) => (a.timestamp < b.timestamp ? -1 : a.timestamp > b.timestamp ? 1 : a.key < b.key ? -1 : 1));
    const s = { phases: PHASES.map(() => ({ state: 'pending', start: null, end: null, detail: '' })), waves: [], log: [],
      tokensIn: null, tokensOut: null, tokensCached: null, cost: null, entities: null, tasksDone: 0, tasksTotal: null,
      atoms: null, atomsCreated: 0, totalWaves: null, precision: null, first: null, last: null, completed: false };
    let validationErrors = null;
    let files = null;
    for (const e of events) {
      const ordinal = parseInt(e.key.slice(0, 2), 10);
      const d = e.data;
      s.first = s.first || e.timestamp;
      s.last = e.timestamp;
      if (ordinal >= 1 && ordinal <= PHASES.length) {
        for (let i = 0; i < ordinal - 1; i++) {
          const p = s.phases[i];
          if (p.state === 'pending' || p.state === 'running') { p.state = 'done'; p.end = p.end || e.timestamp; }
        }
        const p = s.phases[ordinal - 1];
        if (p.state === 'pending') { p.state = 'running'; p.start = e.timestamp; }
      }
      switch (e.type) {
        case 'discovery_entity_discovered': if (d.entity_type === 'entity') s.entities = Math.max(s.entities || 0, d.count || 0); break;
        case 'discovery_generation_complete': s.entities = d.total_entities; s.phases[0].detail = `${d.total_bounded_contexts} contexts, ${d.total_aggregates} aggregates, ${d.total_entities} entities`; break;
        case 'masterplan_generation_complete': s.tasksTotal = d.total_tasks; s.phases[1].detail = `${d.total_phases} phases, ${d.total_milestones} milestones, ${d.total_tasks} tasks`; break;
        case 'code_generation_progress': {
          const [done, total] = String(d.progress || '').split('/').map(Number);
          if (!isNaN(done)) s.tasksDone = Math.max(s.tasksDone, done);
          if (!isNaN(total)) s.tasksTotal = total;
          s.phases[2].detail = `${s.tasksDone}/${s.tasksTotal} tasks`;
          if (d.success === false) s.log.push({ cls: 'err', text: `Task ${d.task_number} (${d.task_title}) failed to generate; it goes to repair.` });
          break;
        }
        case 'code_generation_complete': s.tasksDone = d.tasks_succeeded; s.tasksTotal = d.total_tasks; s.phases[2].detail = `${d.tasks_succeeded}/${d.total_tasks} tasks, ${d.tasks_failed} failed`; break;
        case 'code_validation_complete':
          validationErrors = d.validation_errors;
          s.phases[3].detail = `round ${d.round}: ${d.validation_errors} errors, ${d.warnings} warnings`;
          if (d.failing_tasks > 0) s.log.push({ cls: 'fix', text: `Validation round ${d.round}: ${d.failing_tasks} task(s) with ${d.validation_errors} error(s) sent to repair.` });
          break;
        case 'atomization_progress': s.atomsCreated += d.atoms_created || 0; s.phases[4].detail = `${s.atomsCreated} atoms`; break;
        case 'atomization_complete': s.atoms = d.total_atoms; s.phases[4].detail = `${d.total_atoms} atoms from ${d.total_tasks} tasks`; break;
        case 'execution_wave_start': {
          s.totalWaves = d.total_waves;
          s.phases[5].detail = `${d.total_waves} waves`;
          const w = s.waves[d.wave_number - 1] || (s.waves[d.wave_number - 1] = { n: d.wave_number, atoms: 0, passed: 0, repaired: 0, failed: 0, done: false });
          if (d.batch === undefined || d.batch === null || d.batch <= 1) w.atoms = Math.max(w.atoms, d.atoms_in_wave || 0);
          break;
        }
        case 'execution_wave_complete': {
          const w = s.waves[d.wave_number - 1] || (s.waves[d.wave_number - 1] = { n: d.wave_number, atoms: 0, passed: 0, repaired: 0, failed: 0 });
          w.repaired = d.atoms_repaired || 0; w.failed = d.atoms_failed || 0; w.passed = Math.max(0, (d.atoms_succeeded || 0) - w.repaired); w.done = true;
          w.atoms = Math.max(w.atoms, w.passed + w.repaired + w.failed);
          if (w.repaired > 0) s.log.push({ cls: 'fix', text: `Wave ${d.wave_number}: ${w.repaired} atom(s) repaired.` });
          if (w.failed > 0) s.log.push({ cls: 'err', text: `Wave ${d.wave_number}: ${w.failed} atom(s) failed.` });
          break;
        }
        case 'execution_complete': s.precision = d.precision; s.totalWaves = d.total_waves; s.phases[6].detail = `${d.total_waves} waves, ${d.atoms_passed} passed, ${d.atoms_repaired} repaired, ${d.atoms_failed} failed`; break;
        case 'file_writing_progress': files = d.total_files || d.files_written; s.phases[7].detail = `${files} files`; break;
        case 'infrastructure_generation_complete': s.phases[8].detail = `${d.files_generated} files (${d.project_type})`; break;
        case 'verification_step_start': s.phases[9].detail = `${d.step}…`; break;
        case 'verification_step_complete': {
          const counts = d.step === 'install' ? '' : ` (${d.passed} passed, ${d.failed} failed, ${d.not_run} not run)`;
          s.verification = s.verification || {};
          s.verification[d.step] = `${d.status}${counts}`;
          s.phases[9].detail = ['install', 'test', 'smoke'].filter((k) => s.verification[k]).map((k) => `${k}: ${s.verification[k]}`).join('; ');
          if (String(d.status).startsWith('failed')) s.log.push({ cls: 'err', text: `Verification ${d.step}: ${d.status}` });
          break;
        }
        case 'cost_update':
          if (d.total_tokens_input !== undefined) { s.tokensIn = d.total_tokens_input; s.tokensOut = d.total_tokens_output; s.tokensCached = d.total_tokens_cached; s.cost = d.total_cost_usd; }
          break;
        case 'error': {
          s.log.push({ cls: 'err', text: `Error in ${d.phase || 'the run'}: ${d.message}` });
          const i = PHASES.findIndex((name) => phaseKey(name) === phaseKey(d.phase || ''));
          if (i >= 0) { s.phases[i].state = 'failed'; s.phases[i].end = e.timestamp; }
          break;
        }
        case 'complete':
          s.completed = true;
          s.phases.forEach((p) => { if (p.state !== 'failed') { p.state = 'done'; p.end = p.end || e.timestamp; } });
          s.phases[10].detail = 'zip ready';
          break;
        default: break;
      }
    }
    // The stored status is the authority on the end: counts, usage and timings as the API reports them.
    const v = run.view;
    if (v && v.counts) {
      // While running, live cost_update events are newer than the last status read: keep whichever is further.
      if (v.usage && (v.status !== 'running' || v.usage.tokensIn >= (s.tokensIn || 0))) { s.tokensIn = v.usage.tokensIn; s.tokensOut = v.usage.tokensOut; s.tokensCached = v.usage.tokensCached; s.cost = v.usage.costUsd; }
      if (v.status === 'completed') { s.tasksTotal = v.counts.tasks; s.tasksDone = v.counts.tasks - v.counts.tasksFailed; s.atoms = v.counts.atoms; s.totalWaves = v.counts.waves; s.precision = v.counts.precision; }
      if (v.phaseSeconds && v.status !== 'running') {
        for (const [name, seconds] of Object.entries(v.phaseSeconds)) {
          const i = PHASES.findIndex((p) => phaseKey(p) === phaseKey(name));
          if (i >= 0) s.phases[i].seconds = seconds;
        }
      }
      if (v.status === 'failed' || v.status === 'budget_exceeded') {
        const i = PHASES.findIndex((p) => phaseKey(p) === phaseKey(v.failedPhase || v.phase || ''));
        if (i >= 0) { s.phases[i].state = 'failed'; s.phases.forEach((p, j) => { if (j > i) p.state = 'pending'; }); }
        if (v.error && !s.log.some((l) => l.text.includes(v.error))) s.log.push({ cls: 'err', text: `Run ${v.status}: ${v.error}` });
      }
    }
    return s;
  }

  let renderQueued = false;
  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => { renderQueued = false; render(); });
  }

  let lastState = null;
  function render() {
    if (!run) return;
    const s = derive();
    lastState = s;
    const status = run.status || 'running';
    const badge = $('run-status');
    badge.textContent = status.replace('_', ' ');
    badge.className = 'badge ' + status;

    const timeline = $('timeline');
    clear(timeline);
    s.phases.forEach((p, i) => {
      const li = el('li', p.state);
      li.dataset.phase = PHASES[i];
      li.dataset.state = p.state;
      const dot = el('span', 'dot'); dot.setAttribute('aria-hidden', 'true');
      li.appendChild(dot);
      li.appendChild(el('span', 'name', (i + 1) + '. ' + PHASES[i]));
      let seconds = p.seconds;
      if (seconds === undefined && p.start) seconds = ((p.end ? Date.parse(p.end) : (p.state === 'running' ? Date.now() : Date.parse(p.start))) - Date.parse(p.start)) / 1000;
      li.appendChild(el('span', 'state', p.state + (seconds !== undefined && p.state !== 'pending' ? ' · ' + secs(Math.max(0, seconds)) : '')));
      if (p.detail) li.appendChild(el('span', 'detail', p.detail));
      timeline.appendChild(li);
    });
    renderMetrics();
    renderWaves(s);
    const log = $('log');
    clear(log);
    if (!s.log.length) log.appendChild(el('li', 'muted', 'Nothing yet.'));
    s.log.forEach((l) => log.appendChild(el('li', l.cls, l.text)));
  }

  function renderMetrics() {
    const s = lastState;
    if (!s || !run) return;
    const v = run.view;
    let elapsed = null;
    if (v && v.totalSeconds) elapsed = v.totalSeconds;
    else if (s.first) elapsed = ((isTerminal() ? Date.parse(s.last) : Date.now()) - Date.parse(s.first)) / 1000;
    const rows = [
      ['tokens-in', 'Tokens in', num(s.tokensIn)], ['tokens-out', 'Tokens out', num(s.tokensOut)],
      ['tokens-cached', 'Tokens cached', num(s.tokensCached)], ['cost', 'Cost', usd(s.cost)],
      ['elapsed', 'Elapsed', elapsed === null ? '—' : secs(Math.max(0, elapsed))], ['entities', 'Entities', num(s.entities)],
      ['tasks', 'Tasks done / total', s.tasksTotal === null ? '—' : `${s.tasksDone} / ${s.tasksTotal}`], ['atoms', 'Atoms', num(s.atoms ?? (s.atomsCreated || null))],
      ['waves', 'Waves', num(s.totalWaves)], ['precision', 'Precision', s.precision === null || s.precision === undefined ? '—' : (s.precision * 100).toFixed(1) + ' %'],
    ];
    const dl = $('metrics');
    clear(dl);
    rows.forEach(([id, label, value]) => {
      const div = el('div');
      div.appendChild(el('dt', '', label));
      const dd = el('dd', '', value);
      dd.dataset.metric = id;
      div.appendChild(dd);
      dl.appendChild(div);
    });
  }

  function renderWaves(s) {
    const host = $('waves-chart');
    clear(host);
    const waves = s.waves.filter(Boolean);
    if (!waves.length) { host.appendChild(el('p', 'empty', 'Waves appear once wave execution starts.')); return; }
    const ns = 'http://www.w3.org/2000/svg';
    const width = 360, height = 140, pad = 18;
    const max = Math.max(1, ...waves.map((w) => Math.max(w.atoms, w.passed + w.repaired + w.failed)));
    const bar = Math.min(36, (width - pad) / waves.length - 4);
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height + 16}`);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-labelledby', 'waves-title waves-desc');
    const desc = document.createElementNS(ns, 'desc');
    desc.id = 'waves-desc';
    desc.textContent = waves.map((w) => `wave ${w.n}: ${w.atoms} atoms, ${w.passed} passed, ${w.repaired} repaired, ${w.failed} failed`).join('; ');
    svg.appendChild(desc);
    waves.forEach((w, i) => {
      const x = pad + i * (bar + 4);
      let y = height;
      const outline = document.createElementNS(ns, 'rect');
      const full = (w.atoms / max) * (height - 8);
      outline.setAttribute('x', x); outline.setAttribute('y', height - full); outline.setAttribute('width', bar); outline.setAttribute('height', full);
      outline.setAttribute('fill', '#e3e6ea');
      svg.appendChild(outline);
      [['passed', '#2e7d32'], ['repaired', '#c77700'], ['failed', '#c62828']].forEach(([k, color]) => {
        const h = (w[k] / max) * (height - 8);
        if (h <= 0) return;
        y -= h;
        const r = document.createElementNS(ns, 'rect');
        r.setAttribute('x', x); r.setAttribute('y', y); r.setAttribute('width', bar); r.setAttribute('height', h); r.setAttribute('fill', color);
        svg.appendChild(r);
      });
      const label = document.createElementNS(ns, 'text');
      label.setAttribute('x', x + bar / 2); label.setAttribute('y', height + 13); label.setAttribute('text-anchor', 'middle');
      label.setAttribute('font-size', '11'); label.setAttribute('fill', '#4d5661');
      label.textContent = String(w.n);
      svg.appendChild(label);
    });
    host.appendChild(svg);
  }

  // The project's own tests as the status API reports them: counts when they ran, the reason when they did not.
  function testsText(c) {
    if (!c.testsStatus) return 'tests not reported';
    if (c.testsStatus.startsWith('not run')) return `tests ${c.testsStatus}`;
    return `tests: ${c.testsPassed} passed, ${c.testsFailed} failed, ${c.testsNotRun} not run; smoke ${c.smokeStatus}`;
  }

  async function showSummary() {
    const v = run.view;
    const current = run;
    $('summary').hidden = false;
    $('summary-text').textContent = `${v.projectName || 'The project'} (${v.projectType || 'project'}): ${v.counts.files} files, ${v.counts.tasks} tasks, ${v.counts.atoms} atoms in ${v.counts.waves} waves, precision ${((v.counts.precision || 0) * 100).toFixed(1)} %, ${testsText(v.counts)}, ${usd(v.usage.costUsd)} in ${secs(v.totalSeconds || 0)}.`;
    const link = $('download');
    const href = new URL(apiBase + '/projects/' + encodeURIComponent(current.id) + '/workspace', location.href);
    if (functionKey) href.searchParams.set('code', functionKey);
    link.href = href.toString();
    const files = await api('GET', 'projects/' + encodeURIComponent(current.id) + '/files');
    if (current !== run) return;
    const tree = $('file-tree');
    clear(tree);
    if (!files.ok) { tree.appendChild(el('li', 'error', problemText(files))); return; }
    link.setAttribute('download', files.json.zipName);
    link.textContent = 'Download ' + files.json.zipName;
    files.json.files.forEach((f) => {
      const li = el('li', '', f.path + ' ');
      li.appendChild(el('span', 'size', '(' + num(f.size) + ' B)'));
      tree.appendChild(li);
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('request-form').addEventListener('submit', submit);
    $('request').addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) $('request-form').requestSubmit(); });
    const fromUrl = params.get('run') || (location.hash.length > 1 ? decodeURIComponent(location.hash.slice(1)) : null);
    if (fromUrl) watch(fromUrl, '');
  });
})();
