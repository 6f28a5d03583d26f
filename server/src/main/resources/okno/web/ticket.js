'use strict';
/*
 * Visitor's ticket status: /ui/ticket.html?centre=tverskoy&number=A001, the page the QR code on the slip opens.
 * No token: it reads the open GET /api/centres/{c}/tickets/{number}/public every 5 s while the ticket is live.
 */
(() => {
  const { say, api } = Okno;
  const $ = id => document.getElementById(id);
  const centre = Okno.param('centre', '');
  const number = Okno.param('number', '');
  const POLL_MS = 5000;
  const STATES = {
    WAITING: 'Ожидайте вызова · Please wait for your call',
    POSTPONED: 'Отложен: ожидайте повторного вызова · Postponed: wait to be called again',
    DONE: 'Обслуживание завершено · Your visit is complete',
    NO_SHOW: 'Талон пропущен: обратитесь к администратору · Missed: please ask the hall administrator',
    CANCELLED: 'Талон отменён · Ticket cancelled'
  };

  function render(t) {
    $('centre').textContent = t.centreName;
    $('number').textContent = t.number;
    const called = (t.state === 'CALLED' || t.state === 'SERVING') && t.window;
    const over = t.state === 'DONE' || t.state === 'NO_SHOW' || t.state === 'CANCELLED';
    $('state').className = 'state' + (called ? ' called' : over ? ' over' : '');
    $('state').textContent = called
      ? 'Пройдите к окну ' + t.window + ' · Please go to window ' + t.window
      : STATES[t.state] || t.state;
    $('ahead').textContent = t.position === null ? '—' : String(Math.max(0, t.position - 1));
    $('eta').textContent = t.etaMinutes === null ? '—' : '≈ ' + t.etaMinutes + ' мин · min';
    $('issued').textContent = Okno.localTime(Date.parse(t.issuedAt));
    $('updated').textContent = new Date().toLocaleTimeString('ru-RU');
    $('ticket').hidden = false;
    return !over;
  }

  async function poll() {
    try {
      const answer = await api('GET', '/api/centres/' + encodeURIComponent(centre) + '/tickets/'
        + encodeURIComponent(number) + '/public');
      say($('message'), '');
      if (render(answer.body)) {
        setTimeout(poll, POLL_MS);
      }
    } catch (error) {
      if (error.code === 'unknown_ticket' || error.code === 'unknown_centre' || error.code === 'bad_ticket_number') {
        say($('message'), 'Талон не найден · No such ticket today: ' + number, 'error');
        return;
      }
      // Keep trying through network hiccups: the visitor's phone may drop off the hall Wi-Fi.
      say($('message'), 'Нет связи, повторяем… · No connection, retrying…', 'info');
      setTimeout(poll, POLL_MS);
    }
  }

  if (!centre || !number) {
    say($('message'), 'Отсканируйте QR-код с талона · Scan the QR code on your ticket.', 'info');
  } else {
    poll();
  }
})();
