// Sorting a table of agents by a column header (click, Enter or Space; a header with
// data-numeric sorts as numbers, an empty cell as the largest) and searching it by name or id.
// A classic script, so that it also runs when the site is opened from disk (file://); the
// tables work without it.
for (const block of document.querySelectorAll('[data-ranking]')) {
  const table = block.querySelector('table');
  const body = table.tBodies[0];
  const search = block.querySelector('[data-search]');
  search?.addEventListener('input', () => {
    const q = search.value.trim().toLowerCase();
    for (const row of Array.from(body.rows))
      row.hidden = q !== '' && !(row.dataset.name ?? '').toLowerCase().includes(q);
  });
  for (const th of Array.from(table.querySelectorAll('th[data-key]'))) {
    const sort = () => {
      const key = th.dataset.key;
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      for (const other of Array.from(table.querySelectorAll('th[data-key]')))
        other.setAttribute('aria-sort', 'none');
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      const numeric = th.hasAttribute('data-numeric');
      const value = (row) => row.dataset[key] ?? '';
      const rows = Array.from(body.rows).sort((a, b) => {
        const x = value(a);
        const y = value(b);
        if (numeric) {
          const nx = x === '' ? Number.POSITIVE_INFINITY : Number(x);
          const ny = y === '' ? Number.POSITIVE_INFINITY : Number(y);
          return ascending ? nx - ny : ny - nx;
        }
        return ascending ? x.localeCompare(y, 'zh') : y.localeCompare(x, 'zh');
      });
      body.append(...rows);
    };
    th.addEventListener('click', sort);
    th.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        sort();
      }
    });
  }
}
