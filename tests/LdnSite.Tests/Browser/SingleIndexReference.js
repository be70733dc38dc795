// The ranking the site had before its search index was split into chunks: one MiniSearch index
// of every section, built in the browser exactly as site.js built it then (its stop words, its
// fields, its boosts). The test runs the split index's queries first, then loads every page's
// results file and builds this index from the same text, so both rank the same sections.
async (queries) => {
  await window.LdnSearch.ready();
  const manifest = window.LDN_SEARCH_MANIFEST;
  const split = {};
  for (const query of queries) {
    split[query] = await window.LdnSearch.rank(query);
  }

  const pages = [];
  const original = window.LDN_SEARCH_PAGE;
  window.LDN_SEARCH_PAGE = (page, entry) => { pages[page] = entry; original(page, entry); };
  const root = document.documentElement.dataset.root || '';
  await Promise.all(Array.from({ length: manifest.pages }, (_, page) => new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = root + manifest.pageFolder + page + '.js';
    script.onload = resolve;
    script.onerror = () => reject(new Error('no results file for page ' + page));
    document.head.appendChild(script);
  })));

  const STOP_WORDS = new Set(('a about above after again against all am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from further had has have having he ' +
    'her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of ' +
    'off on once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves').split(' '));
  const processTerm = (term) => { const lower = term.toLowerCase(); return STOP_WORDS.has(lower) ? null : lower; };
  const asName = (text) => text.replace(/\blow[- ]dose naltrexone\b/gi, 'LDN');
  const expand = (query) => {
    query = asName(query);
    const extra = query.split(/\s+/).map((word) => manifest.abbreviations[word.toLowerCase().replace(/[^a-z]/g, '')]).filter(Boolean);
    return extra.length ? query + ' ' + extra.join(' ') : query;
  };

  const sections = [];
  pages.forEach((page, p) => page[2].forEach((s, i) => sections.push({ page: p, index: i, heading: s[0], text: s[2] })));
  const secondaryPaths = new Set(manifest.secondary.map((p) => pages[p][1]));
  const isSecondary = sections.map((s) => secondaryPaths.has(pages[s.page][1]));
  const engine = new window.MiniSearch({
    fields: ['title', 'heading', 'text'],
    processTerm,
    searchOptions: {
      boost: { title: 3, heading: 2 },
      boostDocument: (id) => (isSecondary[id] ? 0.35 : 1),
      prefix: true,
      fuzzy: (term) => (term.length >= 5 ? 1 : false),
      processTerm,
    },
  });
  engine.addAll(sections.map((s, i) => (isSecondary[i]
    ? { id: i, title: '', heading: '', text: asName(s.heading + ' ' + s.text) }
    : { id: i, title: s.index === 0 ? asName(pages[s.page][0]) : '', heading: asName(s.heading), text: asName(s.text) })));

  const single = {};
  for (const query of queries) {
    single[query] = engine.search(expand(query))
      .map((hit) => [sections[hit.id].page * manifest.sectionsPerPage + sections[hit.id].index, hit.score]);
  }

  return { split, single, documents: sections.length, documentCount: manifest.documentCount };
}
