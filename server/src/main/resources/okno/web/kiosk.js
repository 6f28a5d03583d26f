'use strict';
/*
 * Kiosk page: /ui/kiosk.html?centre=tverskoy&token=kiosk-tverskoy[&lang=en]
 * Service (grouped by agency, searchable) -> priority -> ticket; or appointment code -> ticket.
 * Every visitor action gets one requestId; a retry after a network error sends the same one, so the server
 * answers with the ticket it already issued instead of a second ticket.
 */
(() => {
  const { el, fill, say, api } = Okno;
  const centre = Okno.param('centre', 'tverskoy');
  const token = Okno.param('token', 'kiosk-' + centre);
  const RETURN_AFTER_MS = 60000;

  const TEXT = {
    ru: {
      title: 'Электронная очередь', searchPlaceholder: 'Поиск услуги', haveAppointment: 'У меня запись',
      loading: 'Загрузка…', normalQueue: 'Общая очередь',
      accessibility: 'Приоритет: инвалидность, беременность, возраст 80+', back: 'Назад',
      checkinTitle: 'Регистрация по записи', checkinHint: 'Введите код записи из SMS или письма.',
      checkin: 'Зарегистрироваться', yourTicket: 'Ваш талон', position: 'Место в очереди', eta: 'Ожидание',
      alternativesTitle: 'Рядом можно быстрее', done: 'Готово', retry: 'Повторить', centre: 'Центр',
      minutes: n => n + ' мин', people: n => String(n), noMatch: 'Ничего не найдено', noQueue: 'без очереди', noWindow: 'сейчас нет открытого окна',
      waitHint: (n, w) => 'ожидание ~' + n + ' мин · в очереди ' + w, away: (km, min) => km + ' км, ~' + min + ' мин в пути',
      altEta: n => 'ожидание ~' + n + ' мин', enterCode: 'Введите код записи (только цифры).',
      errors: {
        network_error: 'Нет связи с сервером. Нажмите «Повторить» — второй талон не появится.',
        centre_closed: 'Центр сейчас закрыт. Приходите в часы работы.',
        rate_limited: 'Слишком много запросов. Подождите немного и попробуйте снова.',
        service_not_offered: 'Эта услуга сейчас не предоставляется в этом центре.',
        unknown_appointment: 'Запись с таким кодом не найдена в этом центре.',
        bad_appointment_code: 'Код записи состоит только из цифр.',
        appointment_not_active: 'По этой записи талон уже выдан или запись отменена.',
        check_in_too_early: 'Регистрация открывается за 60 минут до времени записи.',
        unknown_token: 'Киоск не настроен: неизвестный токен доступа.',
        token_required: 'Киоск не настроен: нет токена доступа.'
      }
    },
    en: {
      title: 'Electronic queue', searchPlaceholder: 'Search for a service', haveAppointment: 'I have an appointment',
      loading: 'Loading…', normalQueue: 'General queue',
      accessibility: 'Priority: disability, pregnancy, age 80+', back: 'Back',
      checkinTitle: 'Appointment check-in', checkinHint: 'Enter the appointment code from your SMS or e-mail.',
      checkin: 'Check in', yourTicket: 'Your ticket', position: 'Place in line', eta: 'Wait',
      alternativesTitle: 'Shorter waits nearby', done: 'Done', retry: 'Try again', centre: 'Centre',
      minutes: n => n + ' min', people: n => String(n), noMatch: 'No service matches', noQueue: 'no queue', noWindow: 'no window open for it now',
      waitHint: (n, w) => 'wait ~' + n + ' min · ' + w + ' waiting', away: (km, min) => km + ' km, ~' + min + ' min away',
      altEta: n => 'wait ~' + n + ' min', enterCode: 'Enter the appointment code (digits only).',
      errors: {
        network_error: 'No connection to the server. Press "Try again" — you will not get a second ticket.',
        centre_closed: 'The centre is closed now. Please come during opening hours.',
        rate_limited: 'Too many requests. Please wait a moment and try again.',
        service_not_offered: 'This service is not available at this centre right now.',
        unknown_appointment: 'No appointment with this code at this centre.',
        bad_appointment_code: 'An appointment code has digits only.',
        appointment_not_active: 'This appointment has already been used or was cancelled.',
        check_in_too_early: 'Check-in opens 60 minutes before the appointment time.',
        unknown_token: 'Kiosk not set up: unknown access token.',
        token_required: 'Kiosk not set up: no access token.'
      }
    }
  };

  let lang = Okno.param('lang', 'ru') === 'en' ? 'en' : 'ru';
  let services = [];
  let chosen = null;
  /** The visitor action awaiting an answer: {path, body}; kept for a retry with the same requestId. */
  let pending = null;
  let returnTimer = null;
  let lastTicket = null;

  const $ = id => document.getElementById(id);
  const message = $('message');
  const t = key => TEXT[lang][key];

  function show(step) {
    for (const id of ['step-service', 'step-priority', 'step-checkin', 'step-ticket']) {
      $(id).hidden = id !== step;
    }
    clearTimeout(returnTimer);
    if (step !== 'step-service') {
      returnTimer = setTimeout(restart, RETURN_AFTER_MS);
    }
  }

  function restart() {
    pending = null;
    chosen = null;
    $('search').value = '';
    $('code').value = '';
    say(message, '');
    renderServices();
    show('step-service');
    loadServices();
  }

  function applyLanguage() {
    document.documentElement.lang = lang;
    for (const node of document.querySelectorAll('[data-t]')) {
      node.textContent = t(node.dataset.t);
    }
    for (const node of document.querySelectorAll('[data-tp]')) {
      node.placeholder = t(node.dataset.tp);
    }
    $('lang-ru').classList.toggle('active', lang === 'ru');
    $('lang-en').classList.toggle('active', lang === 'en');
    $('centre-name').textContent = t('centre') + ': ' + centre;
    renderServices();
    if (lastTicket) {
      renderTicket(lastTicket);
    }
  }

  function showError(error) {
    const text = t('errors')[error.code] || error.message;
    if (error.code === 'network_error' && pending) {
      say(message, text, 'error', el('button', { id: 'retry', onclick: send }, t('retry')));
    } else {
      say(message, text, 'error');
    }
  }

  async function loadServices() {
    try {
      const answer = await api('GET', '/api/centres/' + encodeURIComponent(centre) + '/services', token);
      services = answer.body.services;
      renderServices();
    } catch (error) {
      showError(error);
    }
  }

  function renderServices() {
    const box = $('services');
    if (!services.length) {
      return;
    }
    const needle = $('search').value.trim().toLowerCase();
    const byAgency = new Map();
    for (const s of services) {
      const text = (s.name + ' ' + s.id + ' ' + s.agency).toLowerCase();
      if (needle && !text.includes(needle)) {
        continue;
      }
      if (!byAgency.has(s.agency)) {
        byAgency.set(s.agency, []);
      }
      byAgency.get(s.agency).push(s);
    }
    if (!byAgency.size) {
      fill(box, el('p', { class: 'muted' }, t('noMatch')));
      return;
    }
    const groups = [];
    for (const [agency, list] of byAgency) {
      groups.push(el('div', { class: 'group' }, el('h3', { class: 'agency' }, agency), list.map(s => el('button', {
        class: 'service', dataset: { service: s.id }, onclick: () => choose(s)
      }, el('span', { class: 'name' }, s.name),
      el('span', { class: 'wait' }, waitText(s))))));
    }
    fill(box, el('div', { class: 'services' }, groups));
  }

  function waitText(s) {
    if (s.predictedWaitMinutes === null) {
      return t('noWindow');
    }
    return s.waiting ? t('waitHint')(s.predictedWaitMinutes, s.waiting) : t('noQueue');
  }

  function choose(service) {
    chosen = service;
    say(message, '');
    $('chosen-service').textContent = service.name;
    $('priority-accessibility').hidden = !service.priorities.includes('accessibility');
    show('step-priority');
  }

  function take(priority) {
    pending = {
      path: '/api/centres/' + encodeURIComponent(centre) + '/tickets',
      body: { services: [chosen.id], priority, requestId: Okno.requestId() }
    };
    send();
  }

  function checkIn() {
    const code = $('code').value.trim();
    if (!/^[0-9]{1,12}$/.test(code)) {
      say(message, t('enterCode'), 'error');
      return;
    }
    pending = {
      path: '/api/centres/' + encodeURIComponent(centre) + '/appointments/' + code + '/check-in',
      body: { requestId: Okno.requestId() }
    };
    send();
  }

  /** Sends the pending action; after a network error it stays pending so "Try again" resends it unchanged. */
  async function send() {
    if (!pending) {
      return;
    }
    const action = pending;
    setBusy(true);
    say(message, '');
    try {
      const answer = await api('POST', action.path, token, action.body);
      pending = null;
      lastTicket = answer.body;
      renderTicket(lastTicket);
      show('step-ticket');
    } catch (error) {
      if (error.code !== 'network_error') {
        pending = null;
      }
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  function setBusy(busy) {
    for (const button of document.querySelectorAll('main button')) {
      button.disabled = busy;
    }
  }

  function renderTicket(ticket) {
    $('ticket-number').textContent = ticket.number;
    const names = ticket.services.map(id => (services.find(s => s.id === id) || { name: id }).name);
    $('ticket-service').textContent = names.join(', ');
    $('ticket-position').textContent = ticket.position === null ? '—' : t('people')(ticket.position);
    $('ticket-eta').textContent = ticket.etaMinutes === null ? '—' : t('minutes')(ticket.etaMinutes);
    const alternatives = ticket.alternatives || [];
    $('alternatives').hidden = alternatives.length === 0;
    fill($('alternatives-list'), alternatives.map(a => el('li', { dataset: { centre: a.centre } },
      el('strong', {}, a.name), ' — ', t('altEta')(a.etaMinutes), ' (', t('away')(a.distanceKm, a.travelMinutes), ')')));
  }

  $('search').addEventListener('input', renderServices);
  $('to-checkin').addEventListener('click', () => {
    say(message, '');
    show('step-checkin');
    $('code').focus();
  });
  $('back-from-priority').addEventListener('click', restart);
  $('back-from-checkin').addEventListener('click', restart);
  $('priority-normal').addEventListener('click', () => take('normal'));
  $('priority-accessibility').addEventListener('click', () => take('accessibility'));
  $('checkin').addEventListener('click', checkIn);
  $('code').addEventListener('keydown', e => {
    if (e.key === 'Enter') {
      checkIn();
    }
  });
  $('done').addEventListener('click', () => {
    lastTicket = null;
    restart();
  });
  for (const button of document.querySelectorAll('[data-lang]')) {
    button.addEventListener('click', () => {
      lang = button.dataset.lang;
      applyLanguage();
    });
  }
  applyLanguage();
  loadServices();
})();
