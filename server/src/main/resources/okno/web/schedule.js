'use strict';
/*
 * Public workload schedule: /ui/schedule.html?centre=tverskoy (no token: the endpoint is open).
 * Draws GET /api/centres/{c}/load-schedule as a weekday x hour heat map of mean arrivals per hour.
 */
(() => {
  const { el, fill, say, api } = Okno;
  const centre = Okno.param('centre', 'tverskoy');
  const $ = id => document.getElementById(id);
  const DAYS = ['Пн Mon', 'Вт Tue', 'Ср Wed', 'Чт Thu', 'Пт Fri', 'Сб Sat', 'Вс Sun'];
  const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  /**
   * @return matrix[7][24], Monday first, from {"days":[{"weekday":"monday","daysLearnt":n,
   *         "meanArrivalsByHour":[24 numbers]}]}; null where no day has been learnt yet
   */
  function toMatrix(body) {
    const matrix = Array.from({ length: 7 }, () => new Array(24).fill(null));
    for (const day of body.days) {
      const d = DAY_NAMES.indexOf(day.weekday.substring(0, 3));
      if (d >= 0 && day.daysLearnt > 0) {
        day.meanArrivalsByHour.forEach((v, h) => { matrix[d][h] = v; });
      }
    }
    return matrix;
  }

  function render(matrix) {
    const hours = [];
    for (let h = 0; h < 24; h++) {
      if (matrix.some(row => row[h] !== null && row[h] !== undefined)) {
        hours.push(h);
      }
    }
    const max = Math.max(1, ...matrix.flat().filter(v => typeof v === 'number'));
    const head = el('tr', {}, el('th', { class: 'day' }, ''), hours.map(h => el('th', {}, String(h).padStart(2, '0'))));
    const rows = matrix.map((row, d) => el('tr', {}, el('th', { class: 'day' }, DAYS[d]), hours.map(h => {
      const v = row[h];
      if (typeof v !== 'number') {
        return el('td', { class: 'closed' }, '·');
      }
      // white -> city blue by load
      const share = v / max;
      const light = Math.round(96 - share * 56);
      return el('td', { style: 'background: hsl(214, 70%, ' + light + '%); color: ' + (light < 60 ? '#fff' : '#1b2330'),
        title: v.toFixed(1) }, String(Math.round(v)));
    })));
    fill($('grid'), el('thead', {}, head), el('tbody', {}, rows));
    $('grid-card').hidden = false;
  }

  $('centre').textContent = centre;
  api('GET', '/api/centres/' + encodeURIComponent(centre) + '/load-schedule').then(answer => {
    if (answer.body && answer.body.name) {
      $('centre').textContent = answer.body.name;
    }
    const matrix = toMatrix(answer.body);
    if (matrix.flat().every(v => v === null)) {
      say($('message'), 'Пока нет истории: расписание строится по прошедшим дням · No history yet: the schedule is'
        + ' learnt from finished days.', 'info');
      return;
    }
    render(matrix);
  }).catch(error => {
    const text = error.code === 'unknown_centre' ? 'Нет такого центра · No such centre: ' + centre
      : error.status === 404 ? 'Расписание загруженности пока недоступно · The workload schedule is not available on this server.'
        : Okno.describe(error);
    say($('message'), text, error.status === 404 ? 'info' : 'error');
  });
})();
