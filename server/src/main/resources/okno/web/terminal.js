'use strict';
/*
 * Window terminal: /ui/terminal.html?centre=tverskoy&token=terminal-tverskoy[&window=1&staff=s001]
 * Staff opens a window, then calls and serves visitors; the queue and the current visit follow the centre's
 * event stream, and the visitor's rating shows when the rating panel sends it.
 */
(() => {
  const { el, fill, say, api } = Okno;
  const centre = Okno.param('centre', 'tverskoy');
  const token = Okno.param('token', 'terminal-' + centre);
  const base = '/api/centres/' + encodeURIComponent(centre);
  /** A visit running longer than this shows its timer in red. */
  const LONG_VISIT_MS = 15 * 60000;

  const $ = id => document.getElementById(id);
  const message = $('message');
  let windowId = Okno.param('window', null);
  let staffId = Okno.param('staff', null);
  let detail = null;
  let current = null;
  let offsetMs = 0;

  const serviceName = id => ((detail && detail.services.find(s => s.id === id)) || { name: id }).name;

  function fail(error) {
    say(message, Okno.describe(error), 'error');
  }

  async function loadDetail() {
    detail = (await api('GET', base, token)).body;
    $('where').textContent = detail.name + ' (' + centre + ')';
    fill($('window-select'), detail.windows.map(w => el('option', {
      value: w.window, selected: w.window === windowId
    }, 'Window ' + w.window + (w.state === 'OPEN' ? ' — open (' + w.staff + ')' : ''))));
  }

  function showLogin() {
    $('login').hidden = false;
    $('work').hidden = true;
    $('close-window').hidden = true;
    if (staffId) {
      $('staff-id').value = staffId;
    }
  }

  function showWork() {
    $('login').hidden = true;
    $('work').hidden = false;
    $('close-window').hidden = false;
    $('where').textContent = detail.name + ' · window ' + windowId + ' · ' + staffId;
    history.replaceState(null, '', '?' + new URLSearchParams({ centre, token, window: windowId, staff: staffId }));
    const targets = [el('option', { value: '' }, 'Transfer to…')];
    for (const s of detail.services) {
      targets.push(el('option', { value: 'service:' + s.id }, 'Service: ' + s.name));
    }
    for (const w of detail.windows) {
      if (w.window !== windowId) {
        targets.push(el('option', { value: 'window:' + w.window }, 'Window ' + w.window));
      }
    }
    fill($('transfer-target'), targets);
    refresh();
  }

  async function open() {
    windowId = $('window-select').value;
    staffId = $('staff-id').value.trim();
    if (!staffId) {
      say(message, 'Enter your staff id.', 'error');
      return;
    }
    try {
      const w = (await api('GET', base + '/windows/' + windowId, token)).body;
      if (!(w.state === 'OPEN' && w.staff === staffId)) {
        await api('POST', base + '/windows/' + windowId + '/open', token, { staffId });
      }
      say(message, '');
      showWork();
    } catch (error) {
      fail(error);
    }
  }

  /** Runs a window action; the answer is the window with its current (or last) ticket. */
  async function act(action, body, emptyText) {
    try {
      const answer = await api('POST', base + '/windows/' + windowId + '/' + action, token, body);
      if (answer.status === 204) {
        say(message, emptyText || 'Nothing to do.', 'info');
      } else {
        say(message, '');
        render(answer.body);
      }
      refreshQueue();
    } catch (error) {
      fail(error);
    }
  }

  async function refresh() {
    try {
      render((await api('GET', base + '/windows/' + windowId, token)).body);
      await refreshQueue();
    } catch (error) {
      fail(error);
    }
  }

  function render(w) {
    current = w;
    const ticket = w.currentTicket ? w.ticket : null;
    $('current-number').textContent = ticket ? ticket.number : '—';
    $('current-state').textContent = ticket ? (w.currentState === 'CALLED' ? 'called' : 'serving') : 'no visitor';
    $('current-service').textContent = ticket ? ticket.services.map(serviceName).join(', ') : '';
    const state = w.currentState;
    $('call-next').disabled = !!state;
    $('recall').disabled = state !== 'CALLED';
    $('start').disabled = state !== 'CALLED';
    $('no-show').disabled = state !== 'CALLED';
    $('complete').disabled = state !== 'SERVING';
    $('postpone').disabled = !state;
    $('transfer').disabled = !state;
    if (w.lastRating && !w.currentTicket) {
      showRating(w.lastTicket, w.lastRating);
    } else if (w.currentTicket) {
      $('rating').hidden = true;
    }
    tick();
  }

  function showRating(ticket, score) {
    $('rating').hidden = false;
    fill($('rating'), 'Rating of ', el('strong', {}, ticket), ': ',
      el('span', { class: 'stars', title: score + ' of 5' }, '★'.repeat(score) + '☆'.repeat(5 - score)),
      ' ', el('span', { id: 'rating-score' }, String(score)));
  }

  function tick() {
    const timer = $('timer');
    if (!current || !current.currentSince || !current.currentTicket) {
      timer.textContent = '';
      return;
    }
    const now = Date.now() + offsetMs;
    timer.textContent = Okno.elapsed(current.currentSince, now);
    timer.classList.toggle('late', now - Date.parse(current.currentSince) > LONG_VISIT_MS);
  }

  async function refreshQueue() {
    const lines = (await api('GET', base + '/queue', token)).body.lines;
    const mine = current ? current.services : [];
    const rows = lines.filter(l => mine.includes(l.service));
    $('queue-total').textContent = String(rows.reduce((sum, l) => sum + l.waiting, 0));
    fill($('queue'), rows.map(l => el('tr', { dataset: { service: l.service } },
      el('td', {}, serviceName(l.service)),
      el('td', { class: 'num' }, String(l.waiting)),
      el('td', { class: 'num' }, l.waiting && l.predictedWaitMinutes !== null ? String(l.predictedWaitMinutes) : '—'),
      el('td', { class: 'tickets' }, l.tickets.slice(0, 6).map(x => x.number).join(' ')))));
  }

  const refreshSoon = Okno.coalesce(refresh, 300);

  function onEvent(event) {
    if (!windowId || $('work').hidden) {
      return;
    }
    if (event.type === 'Rated' && event.window === windowId) {
      showRating(event.ticket, event.score);
    }
    if (event.type !== 'Snapshot') {
      refreshSoon();
    }
  }

  $('open').addEventListener('click', open);
  $('call-next').addEventListener('click', () => act('call-next', undefined, 'No visitors waiting for this window\'s services.'));
  for (const action of ['recall', 'start', 'complete', 'no-show', 'postpone']) {
    $(action).addEventListener('click', () => act(action));
  }
  $('transfer').addEventListener('click', () => {
    const target = $('transfer-target').value;
    if (!target) {
      say(message, 'Choose where to transfer the visitor.', 'error');
      return;
    }
    const [kind, id] = target.split(':');
    act('transfer', kind === 'service' ? { service: id } : { window: id });
  });
  $('close-window').addEventListener('click', async () => {
    try {
      await api('POST', base + '/windows/' + windowId + '/close', token);
      say(message, 'Window ' + windowId + ' closed.', 'ok');
      await loadDetail();
      showLogin();
    } catch (error) {
      fail(error);
    }
  });
  setInterval(tick, 1000);

  (async () => {
    offsetMs = await Okno.serverOffset();
    try {
      await loadDetail();
    } catch (error) {
      fail(error);
      return;
    }
    const w = windowId ? detail.windows.find(x => x.window === windowId) : null;
    if (w && w.state === 'OPEN' && w.staff === staffId) {
      showWork();
    } else {
      showLogin();
    }
    Okno.stream('/ws/centres/' + encodeURIComponent(centre) + '/events', token, onEvent, Okno.linkBadge($('link')));
  })();
})();
