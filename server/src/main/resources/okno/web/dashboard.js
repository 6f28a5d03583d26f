'use strict';
/*
 * Operator dashboard: /ui/dashboard.html?token=operator-demo
 * Centres (waiting, predicted wait, open windows) as a table and a pressure grid, network KPIs, staff moves,
 * balancer proposals and device health; follows the network event stream. Panels whose endpoint this server
 * does not have (404) say "not available" instead of failing the page.
 */
(() => {
  const { el, fill, say, api } = Okno;
  const token = Okno.param('token', 'operator-demo');
  const $ = id => document.getElementById(id);
  const message = $('message');
  let centres = [];
  let kpiById = new Map();
  let offsetMs = 0;

  /** Pressure class by predicted wait against the 15-minute promise. */
  const pressure = minutes => minutes >= 15 ? 'p3' : minutes >= 10 ? 'p2' : minutes >= 5 ? 'p1' : 'p0';
  const centreName = id => (centres.find(c => c.id === id) || { name: id }).name;

  function fail(error) {
    say(message, Okno.describe(error), 'error');
  }

  /** The line's trend: an arrow and the waiting visitors it gains (or loses) an hour. */
  function trendText(c) {
    const arrow = { rising: '↑', falling: '↓', steady: '→' }[c.trend] || '→';
    const rate = c.trendPerHour || 0;
    return arrow + ' ' + (rate > 0 ? '+' : rate < 0 ? '−' : '') + Math.abs(Math.round(rate)) + '/h';
  }

  function renderCentres() {
    fill($('tiles'), centres.map(c => el('div', {
      class: 'tile ' + pressure(c.predictedWaitMinutes), dataset: { centre: c.id, waiting: c.waiting }
    }, el('div', { class: 'name' }, c.name),
    el('div', { class: 'big' }, c.waiting + ' waiting'),
    el('div', {}, '~' + c.predictedWaitMinutes + ' min · ' + c.openWindows + '/' + c.windows + ' windows'))));
    fill($('centres'), centres.map(c => {
      const k = kpiById.get(c.id) || {};
      return el('tr', { dataset: { centre: c.id } },
        el('td', {}, c.name, el('span', { class: 'muted' }, ' (' + c.id + ')')),
        el('td', { class: 'num waiting' }, String(c.waiting)),
        el('td', { class: 'num trend', title: 'line growth over about the last quarter of an hour' }, trendText(c)),
        el('td', { class: 'num open' }, c.openWindows + ' / ' + c.windows),
        el('td', { class: 'num ' + pressure(c.predictedWaitMinutes) }, String(c.predictedWaitMinutes)),
        el('td', { class: 'num' }, String(c.maxWaitMinutes)),
        el('td', { class: 'num visitors' }, k.visitors === undefined ? '—' : String(k.visitors)),
        el('td', { class: 'num served' }, k.served === undefined ? '—' : String(k.served)),
        el('td', { class: 'num' }, k.meanWaitMinutes === undefined ? '—' : String(k.meanWaitMinutes)),
        el('td', { class: 'num' }, k.ratingMean ? k.ratingMean.toFixed(2) : '—'));
    }));
    const selected = $('move-centre').value;
    fill($('move-centre'), centres.map(c => el('option', { value: c.id, selected: c.id === selected }, c.name)));
    $('updated').textContent = 'updated ' + Okno.localTime(Date.now() + offsetMs, true);
  }

  function renderKpi(network) {
    const tiles = [
      ['Visitors today', network.visitors, 'kpi-visitors'],
      ['Served', network.served, 'kpi-served'],
      ['Waiting now', centres.reduce((sum, c) => sum + c.waiting, 0), 'kpi-waiting'],
      ['Mean wait, min', network.meanWaitMinutes, 'kpi-mean-wait'],
      ['Longest wait, min', network.maxWaitMinutes, 'kpi-max-wait'],
      ['Over 15 min (coffee)', network.coffee === undefined ? '—'
        : network.coffee + ' · ' + (100 * network.coffeeShare).toFixed(2) + ' %', 'kpi-coffee'],
      ['Rating', network.ratingMean === null ? '—' : network.ratingMean.toFixed(2), 'kpi-rating']
    ];
    fill($('kpis'), tiles.map(([name, value, id]) => el('div', { class: 'kpi', id },
      el('div', { class: 'value' }, String(value)), el('div', { class: 'name' }, name))));
  }

  async function refreshNumbers() {
    try {
      const [list, kpi] = await Promise.all([api('GET', '/api/centres', token), api('GET', '/api/network/kpi', token)]);
      centres = list.body.centres;
      kpiById = new Map(kpi.body.centres.map(k => [k.id, k]));
      renderCentres();
      renderKpi(kpi.body.network);
    } catch (error) {
      fail(error);
    }
  }

  async function refreshStaff() {
    try {
      const staff = (await api('GET', '/api/network/staff', token)).body.staff;
      fill($('staff'), staff.map(s => el('tr', { dataset: { staff: s.id } },
        el('td', {}, s.id), el('td', {}, s.name), el('td', { class: 'state' }, s.state.toLowerCase().replace('_', ' ')),
        el('td', { class: 'centre' }, s.centre ? centreName(s.centre) : '—'), el('td', {}, s.window || '—'),
        el('td', {}, s.travellingTo ? centreName(s.travellingTo) : '—'),
        el('td', { class: 'skills' }, s.skills.join(', ')))));
      const selected = $('move-staff').value;
      fill($('move-staff'), staff.map(s => el('option', { value: s.id, selected: s.id === selected },
        s.id + ' ' + s.name + ' — ' + s.state.toLowerCase().replace('_', ' ')
        + (s.centre ? ' @ ' + centreName(s.centre) : ''))));
    } catch (error) {
      fail(error);
    }
  }

  /** Fills an optional panel; a 404 means this server has no such endpoint. */
  async function optionalPanel(box, path, key, row) {
    try {
      const body = (await api('GET', path, token)).body;
      const items = Array.isArray(body) ? body : (body[key] || []);
      box.className = '';
      fill(box, items.length ? items.map(row) : el('p', { class: 'muted' }, 'Nothing to show.'));
    } catch (error) {
      box.className = 'muted unavailable';
      fill(box, error.status === 404 ? 'Not available on this server.' : Okno.describe(error));
    }
  }

  /** One balancer proposal of GET /api/network/balancer/proposals. */
  function proposalRow(p) {
    const text = p.staff + ' ' + centreName(p.from) + ' → ' + centreName(p.to)
      + (p.line ? ' for the ' + p.line + ' line' : '') + ' · ' + p.travelMinutes
      + ' min away · saves ~' + Math.round(p.savedVisitorMinutes) + ' visitor-min';
    return el('div', { class: 'proposal', dataset: { proposal: p.id } }, el('span', {}, text),
      el('button', { onclick: () => accept(p.id) }, 'Accept'));
  }

  /** One device of GET /api/network/devices. */
  function deviceRow(d) {
    const state = String(d.state || 'UNKNOWN');
    const label = d.device + ' · ' + d.kind + (d.centre ? ' · ' + d.centre : '') + (d.window ? ' / ' + d.window : '');
    return el('div', { class: 'proposal', dataset: { device: d.device }, title: d.reason || '' },
      el('span', {}, label), el('span', { class: 'badge ' + (state === 'ONLINE' ? 'link-live' : 'link-offline') },
      state));
  }

  function refreshPanels() {
    optionalPanel($('proposals'), '/api/network/balancer/proposals', 'proposals', proposalRow);
    optionalPanel($('devices'), '/api/network/devices', 'devices', deviceRow);
  }

  async function accept(id) {
    try {
      await api('POST', '/api/network/balancer/proposals/' + encodeURIComponent(id) + '/accept', token, {});
      say(message, 'Proposal accepted.', 'ok');
      refreshPanels();
      refreshStaff();
    } catch (error) {
      fail(error);
    }
  }

  $('move').addEventListener('click', async () => {
    const staff = $('move-staff').value;
    const centre = $('move-centre').value;
    try {
      const moved = (await api('POST', '/api/network/staff/' + encodeURIComponent(staff) + '/assign', token,
        { centre })).body;
      say(message, staff + ' sent to ' + centreName(centre)
        + (moved.arrivesAt ? ', arrives at ' + Okno.localTime(Date.parse(moved.arrivesAt), false) : '') + '.', 'ok');
      refreshStaff();
    } catch (error) {
      fail(error);
    }
  });

  const STAFF_EVENTS = new Set(['Snapshot', 'StaffMoved', 'StaffArrived', 'StaffStandby', 'WindowOpened',
    'WindowClosed', 'WindowBreak']);
  const refreshNumbersSoon = Okno.coalesce(refreshNumbers, 500);
  const refreshStaffSoon = Okno.coalesce(refreshStaff, 500);

  function onEvent(event) {
    if (event.type === 'Snapshot') {
      centres = event.centres;
      renderCentres();
    }
    refreshNumbersSoon();
    if (STAFF_EVENTS.has(event.type)) {
      refreshStaffSoon();
    }
  }

  (async () => {
    offsetMs = await Okno.serverOffset();
    await refreshNumbers();
    await refreshStaff();
    refreshPanels();
    setInterval(refreshPanels, 10000);
    Okno.stream('/ws/network/events', token, onEvent, Okno.linkBadge($('link')));
  })();
})();
