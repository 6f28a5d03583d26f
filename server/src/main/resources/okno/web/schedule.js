'use strict';
/*
 * Public workload schedule: /ui/schedule.html?centre=tverskoy (no token: the endpoint is open).
 * Draws GET /api/centres/{c}/load-schedule as a weekday x hour heat map. The reader accepts a 7 x 24 matrix
 * or a list of {weekday, hour, value} cells, so it does not tie the page to one field naming.
 */
(() => {
  const { el, fill, say, api } = Okno;
  const centre = Okno.param('centre', 'tverskoy');
  const $ = id => document.getElementById(id);
  const DAYS = ['Пн Mon', 'Вт Tue', 'Ср Wed', 'Чт Thu', 'Пт Fri', 'Сб Sat', 'Вс Sun'];
  const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

  const first = (...values) => values.find(v => v !== undefined && v !== null);

  /** @return 0..6 for Monday..Sunday from a name ("MONDAY", "mon") or an ISO number 1..7 */
  function dayIndex(day) {
    if (typeof day === 'number') {
      return (day + 6) % 7;
    }
    return DAY_NAMES.indexOf(String(day).substring(0, 3).toLowerCase());
  }

  const valueOf = cell => typeof cell === 'number' ? cell
    : [cell.meanArrivals, cell.arrivals, cell.mean, cell.value, cell.visitors].find(v => typeof v === 'number');

  /** @return matrix[7][24] of numbers (null where unknown) from the shapes the endpoint may use */
  function toMatrix(body) {
    const matrix = Array.from({ length: 7 }, () => new Array(24).fill(null));
    const grid = body.matrix || body.arrivals || body.grid;
    if (Array.isArray(grid) && Array.isArray(grid[0])) {
      grid.forEach((row, d) => row.forEach((v, h) => { matrix[d][h] = v; }));
      return matrix;
    }
    const days = body.days || body.weekdays;
    if (Array.isArray(days)) {
      days.forEach((day, i) => {
        const d = day.day !== undefined || day.weekday !== undefined ? dayIndex(first(day.day, day.weekday)) : i;
        (day.hours || day.arrivals || []).forEach((cell, h) => {
          matrix[d][typeof cell === 'object' && cell.hour !== undefined ? cell.hour : h] = valueOf(cell);
        });
      });
      return matrix;
    }
    const cells = body.cells || body.schedule || body.entries || (Array.isArray(body) ? body : []);
    for (const cell of cells) {
      const d = dayIndex(first(cell.weekday, cell.day, cell.dayOfWeek));
      if (d >= 0) {
        matrix[d][cell.hour] = valueOf(cell);
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
    render(toMatrix(answer.body));
  }).catch(error => {
    const text = error.code === 'unknown_centre' ? 'Нет такого центра · No such centre: ' + centre
      : error.status === 404 ? 'Расписание загруженности пока недоступно · The workload schedule is not available on this server.'
        : Okno.describe(error);
    say($('message'), text, error.status === 404 ? 'info' : 'error');
  });
})();
