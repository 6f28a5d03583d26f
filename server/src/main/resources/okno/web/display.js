'use strict';
/*
 * Hall display: /ui/display.html?centre=tverskoy&token=display-demo[&speech=1]
 * Shows each call "ticket -> window" large, with a short chime and, when enabled, the call spoken aloud; keeps
 * the last calls; follows the centre's event stream and reconnects by itself.
 */
(() => {
  const { el, fill, api } = Okno;
  const centre = Okno.param('centre', 'tverskoy');
  const token = Okno.param('token', 'display-demo');
  const MAX_CALLS = 8;

  const $ = id => document.getElementById(id);
  /** Recent calls, newest first: {ticket, window}. */
  let calls = [];
  let audio = null;
  let speech = Okno.param('speech', '0') === '1';
  let offsetMs = 0;

  function chime() {
    try {
      audio = audio || new AudioContext();
      const now = audio.currentTime;
      for (const [i, freq] of [[0, 880], [1, 660]]) {
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, now + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.3, now + i * 0.35 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.35 + 0.3);
        osc.connect(gain).connect(audio.destination);
        osc.start(now + i * 0.35);
        osc.stop(now + i * 0.35 + 0.32);
      }
    } catch (e) {
      // no audio device: the call is still shown
    }
  }

  function speak(ticket, windowId) {
    if (!speech || !('speechSynthesis' in window)) {
      return;
    }
    // letters and digits read one by one: "А 0 4 2"
    const spoken = ticket.replace(/^([A-Z]+)0*(\d+)$/, '$1 $2');
    const phrase = new SpeechSynthesisUtterance('Талон ' + spoken + ', окно ' + windowId);
    phrase.lang = 'ru-RU';
    speechSynthesis.speak(phrase);
  }

  function render() {
    const latest = calls[0];
    $('call-number').textContent = latest ? latest.ticket : '—';
    $('call-window').textContent = latest ? latest.window : '—';
    fill($('calls'), calls.map(c => el('li', { dataset: { ticket: c.ticket, window: c.window } },
      el('span', {}, c.ticket), el('span', { class: 'to' }, '→ ' + c.window))));
  }

  function announce(ticket, windowId) {
    calls = [{ ticket, window: windowId }, ...calls.filter(c => c.ticket !== ticket)].slice(0, MAX_CALLS);
    render();
    const now = $('now');
    now.classList.remove('flash');
    void now.offsetWidth; // restart the animation
    now.classList.add('flash');
    chime();
    speak(ticket, windowId);
  }

  const refreshWaiting = Okno.coalesce(async () => {
    try {
      const detail = (await api('GET', '/api/centres/' + encodeURIComponent(centre), token)).body;
      $('centre-name').textContent = detail.name;
      $('waiting').textContent = 'В очереди · Waiting: ' + detail.waiting;
    } catch (e) {
      $('waiting').textContent = Okno.describe(e);
    }
  }, 300);

  function onEvent(event) {
    switch (event.type) {
      case 'Snapshot': {
        // calls still open at the windows, without a chime: they were announced before we connected
        const open = event.windows.filter(w => w.currentTicket && w.currentState === 'CALLED');
        const known = new Set(open.map(w => w.currentTicket));
        calls = open.map(w => ({ ticket: w.currentTicket, window: w.window }))
          .concat(calls.filter(c => !known.has(c.ticket))).slice(0, MAX_CALLS);
        render();
        break;
      }
      case 'TicketCalled':
      case 'TicketRecalled':
        announce(event.ticket, event.window);
        break;
      default:
        break;
    }
    refreshWaiting();
  }

  function clock() {
    $('clock').textContent = Okno.localTime(Date.now() + offsetMs, false);
  }

  $('sound').classList.toggle('active', speech);
  $('sound').addEventListener('click', () => {
    speech = !speech;
    $('sound').classList.toggle('active', speech);
    chime(); // a user gesture lets the browser start audio
  });

  render();
  Okno.serverOffset().then(offset => {
    offsetMs = offset;
    clock();
  });
  setInterval(clock, 1000);
  Okno.stream('/ws/centres/' + encodeURIComponent(centre) + '/events', token, onEvent, Okno.linkBadge($('link')));
})();
