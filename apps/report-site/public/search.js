// The search of a period's agents and teams (components/SiteSearch.astro). A classic script, so
// that it runs from file://: the index is another classic script (search.js beside the page)
// that sets window.scorebookSearch to [[kind, name, id, team, href], …], loaded on first use.
for (const box of document.querySelectorAll('[data-site-search]')) {
  const input = box.querySelector('[data-site-search-input]');
  const list = box.querySelector('[data-site-search-results]');
  const status = box.querySelector('[data-site-search-status]');
  const words = { agent: box.dataset.agentWord, team: box.dataset.teamWord };
  let loading = null;
  const load = () => {
    if (loading === null)
      loading = new Promise((resolve) => {
        const script = document.createElement('script');
        script.src = box.dataset.index;
        script.onload = () => resolve(window.scorebookSearch ?? []);
        script.onerror = () => resolve([]);
        document.head.append(script);
      });
    return loading;
  };
  const show = async () => {
    const q = input.value.trim().toLowerCase();
    const entries = await load();
    list.replaceChildren();
    if (q === '') return;
    const found = entries
      .filter(([, name, id, team]) => `${name} ${id} ${team}`.toLowerCase().includes(q))
      .slice(0, 20);
    for (const [kind, name, id, team, href] of found) {
      const item = document.createElement('li');
      const a = document.createElement('a');
      a.href = href;
      a.textContent = name;
      item.append(a, ` ${words[kind] ?? ''} ${kind === 'agent' ? `${id} · ${team}` : ''}`);
      item.dataset.kind = kind;
      list.append(item);
    }
    status.textContent = String(found.length);
  };
  input.addEventListener('focus', () => void load());
  input.addEventListener('input', () => void show());
}
