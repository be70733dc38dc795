// What the search box shows for each query, beside what it should show: the first eight pages of
// the whole ranking (LdnSearch.rank, every hit best first), each with its best three sections,
// and the totals. The scorer finds the shown pages without ordering every hit; this is the
// plain way, written out here as site.js did it before.
async (queries) => {
  await window.LdnSearch.ready();
  const perPage = window.LDN_SEARCH_MANIFEST.sectionsPerPage;
  const out = [];
  for (const query of queries) {
    const ranking = await window.LdnSearch.rank(query);
    const groups = [];
    const byPage = new Map();
    const pages = new Set();
    for (const [id] of ranking) {
      const page = Math.floor(id / perPage);
      pages.add(page);
      let group = byPage.get(page);
      if (!group) {
        if (groups.length >= 8) { continue; }
        group = { page, sections: [] };
        byPage.set(page, group);
        groups.push(group);
      }
      if (group.sections.length < 3) { group.sections.push(id % perPage); }
    }
    const shown = await window.LdnSearch.query(query);
    out.push({
      query,
      hits: ranking.length,
      pagesInFirst24: new Set(ranking.slice(0, 24).map(([id]) => Math.floor(id / perPage))).size,
      expected: JSON.stringify({ total: ranking.length, pages: pages.size, groups: groups.map((g) => [g.page, g.sections]) }),
      actual: JSON.stringify({ total: shown.total, pages: shown.totalPages, groups: shown.map((g) => [g.page, g.sections.map((s) => s.index)]) }),
    });
  }
  return out;
}
