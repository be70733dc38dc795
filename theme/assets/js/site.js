/*
 * LdnSite search UI. The engine is MiniSearch (assets/vendor/minisearch.<hash>.js, from npm); this file
 * is the interface and the loader of the index's parts. It uses classic scripts only, no fetch,
 * modules or workers, so search works on a web server and from file:// alike. The index's
 * manifest loads when search is first used; its chunks as queries need them.
 */
(function () {
  'use strict';

  var html = document.documentElement;
  var root = html.getAttribute('data-root') || '';
  var pageSuffix = html.getAttribute('data-page-suffix') || '';
  var MAX_PAGES = 8;
  var MAX_SECTIONS_PER_PAGE = 3;

  /*
   * The index comes in parts, each a classic script: a manifest (named on every page), term
   * chunks by the first two letters of each term (more for large chunks), and one results file
   * per page. A query loads
   * the chunks its words need (their own, and those of words one typo away), scores with
   * MiniSearch over just those terms exactly as one index of every section would (the manifest
   * carries the document count and average field lengths), then loads the results files of the
   * pages it shows.
   */
  var loading = null;
  var manifest = null;
  var engine = null;
  var stopWords = null;
  var tokenize = null;
  var dictionary = [];
  var chunkKeys = [];
  var secondary = null;
  var fieldIds = {};
  var store = { index: [], documentIds: {}, fieldLength: {} };
  var chunkLoads = {};
  var pageLoads = {};
  var pageData = {};
  var received = {};
  var stale = true;

  // The chunk and results scripts hand their data to these.
  window.LDN_SEARCH_CHUNK = function (key, terms) { received[key] = terms; };
  window.LDN_SEARCH_PAGE = function (page, entry) { pageData[page] = entry; };

  function processTerm(term) {
    var lower = term.toLowerCase();
    return stopWords.has(lower) ? null : lower;
  }

  function loadScript(path) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = root + path;
      script.onload = resolve;
      script.onerror = function () { reject(new Error('Could not load ' + path)); };
      document.head.appendChild(script);
    });
  }

  function ensureEngine() {
    if (!loading) {
      // Both files have content-hashed names, which the build writes on the page.
      var names = document.documentElement.dataset;
      loading = Promise.all([loadScript(names.searchEngine), loadScript(names.searchIndex)])
        .then(function () {
          manifest = window.LDN_SEARCH_MANIFEST;
          stopWords = new Set(manifest.stopWords);
          secondary = new Set(manifest.secondary);
          manifest.fields.forEach(function (field, id) { fieldIds[field] = id; });
          tokenize = window.MiniSearch.getDefault('tokenize');
          chunkKeys = Object.keys(manifest.chunks);
          chunkKeys.forEach(function (key) {
            manifest.chunks[key][1].split(' ').forEach(function (term) { dictionary.push([term, key]); });
          });
        });
    }
    return loading;
  }

  /* True when a and b differ by at most one insertion, deletion or substitution. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) { i++; }
    if (a.length === b.length) { return a.slice(i + 1) === b.slice(i + 1); }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Every chunk that holds a term the query can match: exactly, by prefix, or one typo away. */
  function chunksFor(text) {
    var keys = new Set();
    tokenize(text).forEach(function (token) {
      var term = token && processTerm(token);
      if (!term) { return; }
      // A chunk's key is the first letters its terms share (two, or more for large chunks).
      // The word itself can only be in the chunk with the longest key that begins it; longer
      // words it is a prefix of are in the chunks whose key it begins.
      var own = null;
      chunkKeys.forEach(function (key) {
        if (key.indexOf(term) === 0) { keys.add(key); }
        if (term.indexOf(key) === 0 && (own === null || key.length > own.length)) { own = key; }
      });
      if (own !== null) { keys.add(own); }
      if (fuzzy(term)) {
        dictionary.forEach(function (entry) {
          if (!keys.has(entry[1]) && withinOneEdit(term, entry[0])) { keys.add(entry[1]); }
        });
      }
    });
    return Array.from(keys);
  }

  // One typo is tolerated in words of five letters or more.
  function fuzzy(term) {
    return term.length >= 5 ? 1 : false;
  }

  /* Loads a script once for each key; a failed load (a flaky connection) is tried again next time. */
  function loadOnce(loads, key, path, onLoad) {
    if (!loads[key]) {
      loads[key] = loadScript(path).then(onLoad).catch(function (error) {
        delete loads[key];
        throw error;
      });
    }
    return loads[key];
  }

  function loadChunk(key) {
    return loadOnce(chunkLoads, key, manifest.chunks[key][0], function () {
      received[key].forEach(addTerm);
      delete received[key];
      stale = true;
    });
  }

  /* A chunk's term: [term, field, ids (delta-coded), counts, field lengths, field, …]. */
  function addTerm(entry) {
    var data = {};
    for (var k = 1; k < entry.length; k += 4) {
      var field = entry[k];
      var ids = entry[k + 1];
      var counts = entry[k + 2];
      var lengths = entry[k + 3];
      var postings = {};
      var id = 0;
      for (var j = 0; j < ids.length; j++) {
        id += ids[j];
        postings[id] = counts[j];
        store.documentIds[id] = id;
        (store.fieldLength[id] || (store.fieldLength[id] = []))[field] = lengths[j];
      }
      data[field] = postings;
    }
    store.index.push([entry[0], data]);
  }

  /* MiniSearch over the terms loaded so far, with the whole index's statistics. */
  function currentEngine() {
    if (stale) {
      engine = window.MiniSearch.loadJS({
        documentCount: manifest.documentCount,
        nextId: 0,
        documentIds: store.documentIds,
        fieldIds: fieldIds,
        fieldLength: store.fieldLength,
        averageFieldLength: manifest.averageFieldLength,
        storedFields: {},
        dirtCount: 0,
        index: store.index,
        serializationVersion: 2
      }, {
        fields: manifest.fields,
        processTerm: processTerm,
        searchOptions: {
          boost: { title: 3, heading: 2 },
          // Glossary terms and sources are short, so they would outrank whole pages that
          // treat a subject at length; they are found, but below such pages.
          boostDocument: function (id) { return secondary.has(pageOf(id)) ? 0.35 : 1; },
          prefix: true,
          fuzzy: fuzzy,
          processTerm: processTerm
        }
      });
      stale = false;
    }
    return engine;
  }

  function pageOf(id) {
    return Math.floor(id / manifest.sectionsPerPage);
  }

  function loadPage(page) {
    return loadOnce(pageLoads, page, manifest.pageFolder + page + '.js');
  }

  /* Every matching section, best first ({id, score, terms}); equal scores in index order. */
  function rank(query) {
    return ensureEngine().then(function () {
      var text = expand(query);
      return Promise.all(chunksFor(text).map(loadChunk)).then(function () {
        return inIndexOrderWhenTied(currentEngine().search(text));
      });
    });
  }

  /*
   * MiniSearch returns hits best first; hits with equal scores come in the order their terms
   * were loaded, which depends on earlier queries. Each run of equal scores is put in index
   * order, so a query always shows the same results (a full re-sort of 100,000 hits is slow).
   */
  function inIndexOrderWhenTied(hits) {
    for (var i = 0, j; i < hits.length; i = j) {
      for (j = i + 1; j < hits.length && hits[j].score === hits[i].score; j++) { /* find the run */ }
      if (j - i > 1) {
        var run = hits.slice(i, j).sort(function (a, b) { return a.id - b.id; });
        for (var k = i; k < j; k++) { hits[k] = run[k - i]; }
      }
    }
    return hits;
  }

  function pageUrl(path) {
    return root + (pageSuffix ? path : path.replace(/index\.html$/, ''));
  }

  function sectionUrl(section, terms) {
    var query = terms.length ? '?hl=' + encodeURIComponent(terms.join(' ')) : '';
    var href = pageUrl(pageData[section[0]][1]);
    if (href === '') { href = './'; }
    return href + query + (section[2] ? '#' + section[2] : '');
  }

  /*
   * "Low dose naltrexone" is the medicine's name, not a use of the word "dose": it is indexed
   * (by the build) and searched as "LDN", so a search for "dose" finds pages about doses rather
   * than every page that names the medicine.
   */
  function asName(text) {
    return text.replace(/\blow[- ]dose naltrexone\b/gi, 'LDN');
  }

  /* An abbreviation from the glossary (MS, RA) also searches for the words it stands for. */
  function expand(query) {
    query = asName(query);
    var extra = query.split(/\s+/).map(function (word) {
      return manifest.abbreviations[word.toLowerCase().replace(/[^a-z]/g, '')];
    }).filter(Boolean);
    return extra.length ? query + ' ' + extra.join(' ') : query;
  }

  /*
   * Results grouped by page, best page first, each with its best sections; with the totals
   * before any cut. Only the pages shown have their results files loaded.
   */
  function search(query) {
    return rank(query).then(function (hits) {
      var groups = [];
      var byPage = new Map();
      var pages = new Set();
      hits.forEach(function (hit) {
        var page = pageOf(hit.id);
        pages.add(page);
        var group = byPage.get(page);
        if (!group) {
          if (groups.length >= MAX_PAGES) { return; }
          group = { page: page, sections: [] };
          byPage.set(page, group);
          groups.push(group);
        }
        if (group.sections.length < MAX_SECTIONS_PER_PAGE) {
          group.sections.push({ index: hit.id % manifest.sectionsPerPage, terms: hit.terms });
        }
      });
      groups.total = hits.length;
      groups.totalPages = pages.size;
      return Promise.all(groups.map(function (group) { return loadPage(group.page); })).then(function () {
        groups.forEach(function (group) {
          var entry = pageData[group.page];
          group.title = entry[0];
          group.sections.forEach(function (item) {
            var section = entry[2][item.index] || ['', '', ''];
            item.section = [group.page, section[0], section[1], section[2]];
          });
        });
        return groups;
      });
    });
  }

  /* Appends text to parent with every term wrapped in <mark>; never uses innerHTML. */
  function appendHighlighted(parent, text, terms) {
    if (!terms.length) { parent.appendChild(document.createTextNode(text)); return; }
    var pattern = new RegExp('(' + terms.map(escapeRegExp).join('|') + ')', 'gi');
    var last = 0;
    text.replace(pattern, function (match, _group, offset) {
      parent.appendChild(document.createTextNode(text.slice(last, offset)));
      var mark = document.createElement('mark');
      mark.textContent = match;
      parent.appendChild(mark);
      last = offset + match.length;
      return match;
    });
    parent.appendChild(document.createTextNode(text.slice(last)));
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    terms.forEach(function (term) {
      var found = lower.indexOf(term.toLowerCase());
      if (found >= 0 && (at < 0 || found < at)) { at = found; }
    });
    if (at < 0) { at = 0; }
    var start = Math.max(0, at - 60);
    if (start > 0) { start = text.indexOf(' ', start) + 1 || start; }
    var end = Math.min(text.length, at + 120);
    if (end < text.length) { end = text.lastIndexOf(' ', end) > at ? text.lastIndexOf(' ', end) : end; }
    return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
  }

  function renderGroups(container, groups, optionPrefix, asOptions) {
    container.textContent = '';
    var options = [];
    groups.forEach(function (group, g) {
      var wrapper = document.createElement('div');
      wrapper.className = 'search-group';
      if (asOptions) { wrapper.setAttribute('role', 'group'); }
      var label = document.createElement('p');
      label.className = 'search-group__page';
      label.id = optionPrefix + '-group-' + g;
      label.textContent = group.title;
      wrapper.setAttribute('aria-labelledby', label.id);
      wrapper.appendChild(label);
      group.sections.forEach(function (item) {
        var option = document.createElement('a');
        option.className = 'search-option';
        option.id = optionPrefix + '-option-' + options.length;
        if (asOptions) {
          option.setAttribute('role', 'option');
          option.setAttribute('aria-selected', 'false');
        }
        option.href = sectionUrl(item.section, item.terms);
        var heading = document.createElement('span');
        heading.className = 'search-option__heading';
        appendHighlighted(heading, item.section[1] || group.title, item.terms);
        var text = document.createElement('span');
        text.className = 'search-option__snippet';
        appendHighlighted(text, snippet(item.section[3], item.terms), item.terms);
        option.appendChild(heading);
        option.appendChild(text);
        wrapper.appendChild(option);
        options.push(option);
      });
      container.appendChild(wrapper);
    });
    return options;
  }

  function countText(groups, query) {
    var shown = groups.reduce(function (n, g) { return n + g.sections.length; }, 0);
    if (groups.total === 0) { return 'No results for “' + query + '”. Try another word, or check the spelling.'; }
    var text = groups.total + (groups.total === 1 ? ' result' : ' results') + ' on ' + groups.totalPages + (groups.totalPages === 1 ? ' page' : ' pages');
    return shown < groups.total ? text + '; showing the best ' + shown + '.' : text + '.';
  }

  /* The header search box: an ARIA combobox with a listbox of results. */
  function setUpCombobox() {
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    if (!input || !list) { return; }
    var options = [];
    var active = -1;
    var timer = 0;

    function close() {
      list.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function setActive(i) {
      if (active >= 0 && options[active]) { options[active].setAttribute('aria-selected', 'false'); }
      active = i;
      if (active >= 0 && options[active]) {
        options[active].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[active].id);
        options[active].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function update() {
      var query = input.value.trim();
      if (!query) { close(); status.textContent = ''; return; }
      search(query).then(function (groups) {
        if (input.value.trim() !== query) { return; }
        options = renderGroups(list, groups, 'search', true);
        active = -1;
        if (!options.length) {
          var empty = document.createElement('p');
          empty.className = 'search-empty';
          empty.textContent = countText(groups, query);
          list.appendChild(empty);
        }
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
        status.textContent = countText(groups, query);
      }, function (error) {
        status.textContent = 'Search could not load: ' + error.message;
      });
    }

    // "press /" helps only where there is a keyboard; touch screens keep the short placeholder.
    if (window.matchMedia && window.matchMedia('(hover: hover) and (pointer: fine)').matches) {
      input.placeholder = 'Search (press /)';
    }
    input.addEventListener('focus', function () { ensureEngine(); });
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(update, 60);
    });
    input.addEventListener('keydown', function (event) {
      if (event.key === 'ArrowDown' && options.length) {
        event.preventDefault();
        if (list.hidden) { update(); }
        setActive((active + 1) % options.length);
      } else if (event.key === 'ArrowUp' && options.length) {
        event.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === 'Enter') {
        if (!list.hidden && options.length) {
          event.preventDefault();
          window.location.href = options[Math.max(active, 0)].href;
        }
      } else if (event.key === 'Escape') {
        if (!list.hidden) { event.preventDefault(); close(); } else { input.value = ''; }
      }
    });
    document.addEventListener('click', function (event) {
      if (!input.form.contains(event.target)) { close(); }
    });
    // "/" and Ctrl+K (Cmd+K) focus search, unless the reader is typing somewhere else.
    document.addEventListener('keydown', function (event) {
      var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName) || document.activeElement.isContentEditable;
      if ((event.key === '/' && !typing) || ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k')) {
        event.preventDefault();
        input.focus();
        input.select();
      }
    });
  }

  /* The search page: same results for ?q=…, so a search can be linked to. */
  function setUpSearchPage() {
    var list = document.getElementById('search-page-results');
    if (!list) { return; }
    var input = document.getElementById('search-page-input');
    var status = document.getElementById('search-page-status');
    var header = document.getElementById('search-input');
    var query = new URLSearchParams(window.location.search).get('q') || '';
    // One query on the page: the header box shows what the results are for, and both boxes stay the same.
    input.value = query;
    if (header) {
      header.value = query;
      header.addEventListener('input', function () { input.value = header.value; });
      input.addEventListener('input', function () { header.value = input.value; });
    }
    if (!query.trim()) { return; }
    search(query).then(function (groups) {
      renderGroups(list, groups, 'page', false);
      status.textContent = countText(groups, query);
    }, function (error) {
      status.textContent = 'Search could not load: ' + error.message;
    });
  }

  /* On a page opened from a result, highlight the searched words until the reader clears them. */
  function highlightFromQuery() {
    var words = (new URLSearchParams(window.location.search).get('hl') || '').split(/\s+/).filter(function (w) { return w.length > 1; });
    var content = document.querySelector('.prose');
    if (!words.length || !content) { return; }
    var source = '(' + words.map(escapeRegExp).join('|') + ')';
    var pattern = new RegExp(source, 'gi');
    var contains = new RegExp(source, 'i');
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    var nodes = [];
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var marks = 0;
    nodes.forEach(function (node) {
      if (!contains.test(node.nodeValue) || node.parentNode.closest('mark, .glossary-term__tip')) { return; }
      var fragment = document.createDocumentFragment();
      node.nodeValue.split(pattern).forEach(function (part, i) {
        if (i % 2 === 1) {
          var mark = document.createElement('mark');
          mark.className = 'search-hit';
          mark.textContent = part;
          fragment.appendChild(mark);
          marks++;
        } else if (part) {
          fragment.appendChild(document.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    if (!marks) { return; }
    var bar = document.createElement('div');
    bar.className = 'highlight-bar';
    bar.setAttribute('role', 'status');
    var text = document.createElement('span');
    text.textContent = 'Highlighting “' + words.join(' ') + '” (' + marks + ')';
    var clear = document.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Clear highlight';
    clear.addEventListener('click', function () {
      content.querySelectorAll('mark.search-hit').forEach(function (mark) {
        mark.replaceWith(document.createTextNode(mark.textContent));
      });
      content.normalize();
      bar.remove();
      try { history.replaceState(null, '', window.location.pathname + window.location.hash); } catch (e) { /* file:// may refuse; the marks are gone anyway */ }
    });
    bar.appendChild(text);
    bar.appendChild(clear);
    content.parentNode.insertBefore(bar, content);
  }

  // A small hook for tests and the benchmark, which query in a real browser: grouped results
  // as shown, and the whole ranking.
  window.LdnSearch = {
    ready: ensureEngine,
    query: function (text) { return search(text); },
    rank: function (text) { return rank(text).then(function (hits) { return hits.map(function (h) { return [h.id, h.score]; }); }); }
  };

  /*
   * Citation cards: a citation mark shows its study's facts (design, people, length, outcome,
   * links) on hover, keyboard focus or tap, copied from the page's own reference list, so
   * without script the mark is still a link to the numbered reference. Escape, a tap
   * elsewhere or leaving the mark closes it.
   */
  function setUpCitationCards() {
    var marks = document.querySelectorAll('a[role="doc-noteref"]');
    if (!marks.length) { return; }
    var card = document.createElement('div');
    card.className = 'cite-card';
    card.id = 'cite-card';
    card.setAttribute('role', 'tooltip');
    card.hidden = true;
    document.body.appendChild(card);
    var owner = null;
    var hideTimer = null;
    var tapOpens = false;

    function show(mark) {
      var target = document.getElementById((mark.getAttribute('href') || '').slice(1));
      var body = target && target.querySelector('.ref__body');
      if (!body) { return; }
      clearTimeout(hideTimer);
      if (owner && owner !== mark) { owner.removeAttribute('aria-describedby'); owner.removeAttribute('aria-expanded'); }
      owner = mark;
      card.textContent = '';
      var title = document.createElement('p');
      title.className = 'cite-card__title';
      title.textContent = 'Reference ' + mark.textContent;
      card.appendChild(title);
      card.appendChild(body.cloneNode(true));
      var more = document.createElement('a');
      more.href = '#' + target.id;
      more.className = 'cite-card__more';
      more.textContent = 'Go to reference ' + mark.textContent;
      card.appendChild(more);
      card.hidden = false;
      mark.setAttribute('aria-describedby', 'cite-card');
      mark.setAttribute('aria-expanded', 'true');
      place(mark);
    }

    function place(mark) {
      var box = mark.getBoundingClientRect();
      var width = Math.min(360, document.documentElement.clientWidth - 16);
      card.style.width = width + 'px';
      var left = Math.max(8, Math.min(box.left + window.scrollX - width / 2, window.scrollX + document.documentElement.clientWidth - width - 8));
      card.style.left = left + 'px';
      card.style.top = (box.bottom + window.scrollY + 6) + 'px';
    }

    function hide() {
      card.hidden = true;
      if (owner) { owner.removeAttribute('aria-describedby'); owner.removeAttribute('aria-expanded'); }
      owner = null;
    }

    function hideSoon() {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hide, 250);
    }

    marks.forEach(function (mark) {
      mark.addEventListener('mouseenter', function () { show(mark); });
      mark.addEventListener('mouseleave', hideSoon);
      mark.addEventListener('focus', function () { show(mark); });
      mark.addEventListener('blur', function () { if (!card.contains(document.activeElement)) { hideSoon(); } });
      // A tap shows the card first (the card's own link goes to the reference); a second tap
      // on the same mark follows it. Whether the card was open is read at pointerdown, before
      // the browser's emulated hover and focus open it.
      mark.addEventListener('pointerdown', function (event) {
        tapOpens = (event.pointerType === 'touch' || event.pointerType === 'pen') && (card.hidden || owner !== mark);
      });
      mark.addEventListener('click', function (event) {
        if (tapOpens) { event.preventDefault(); show(mark); }
        tapOpens = false;
      });
    });
    card.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
    card.addEventListener('mouseleave', hideSoon);
    card.addEventListener('focusout', function (event) { if (!card.contains(event.relatedTarget) && event.relatedTarget !== owner) { hideSoon(); } });
    document.addEventListener('keydown', function (event) {
      if (event.key === 'Escape' && !card.hidden) { var back = owner; hide(); if (back) { back.focus({ preventScroll: true }); } }
    });
    document.addEventListener('pointerdown', function (event) {
      if (!card.hidden && !card.contains(event.target) && event.target !== owner) { hide(); }
    });
  }

  /* The evidence table sorts by year, design or size when a column heading is chosen. */
  function setUpSortableTables() {
    document.querySelectorAll('table[data-sortable]').forEach(function (table) {
      var body = table.tBodies[0];
      table.querySelectorAll('th[data-sort]').forEach(function (th) {
        var key = th.getAttribute('data-sort');
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'sort-button';
        button.textContent = th.textContent;
        th.textContent = '';
        th.appendChild(button);
        button.addEventListener('click', function () {
          var ascending = th.getAttribute('aria-sort') !== 'ascending';
          table.querySelectorAll('th[aria-sort]').forEach(function (other) { other.removeAttribute('aria-sort'); });
          th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
          Array.prototype.slice.call(body.rows)
            .sort(function (a, b) {
              var difference = Number(a.getAttribute('data-' + key)) - Number(b.getAttribute('data-' + key));
              if (!difference) { difference = Number(a.getAttribute('data-year')) - Number(b.getAttribute('data-year')); }
              return ascending ? difference : -difference;
            })
            .forEach(function (row) { body.appendChild(row); });
        });
      });
    });
  }

  /*
   * The menu and "On this page" are <details> that fold on small screens. On a wide screen CSS
   * shows their content anyway; this keeps their open state true there too, for assistive
   * technology and for browsers without ::details-content.
   */
  function setUpDisclosures() {
    document.querySelectorAll('details[data-open-when-wide]').forEach(function (details) {
      var wide = window.matchMedia('(min-width: ' + (details.classList.contains('toc__details') ? '64rem' : '48rem') + ')');
      function sync() { details.open = wide.matches; }
      sync();
      wide.addEventListener('change', sync);
    });
    // Following a link from the folded menu or contents closes it on a phone.
    document.querySelectorAll('.menu a, .toc a').forEach(function (link) {
      link.addEventListener('click', function () {
        var details = link.closest('details');
        if (details && !window.matchMedia('(min-width: 48rem)').matches) { details.open = false; }
      });
    });
  }

  /* Marks the section being read in "On this page". */
  function setUpCurrentSection() {
    var links = document.querySelectorAll('.toc a[href^="#"]');
    if (!links.length || !('IntersectionObserver' in window)) { return; }
    var byId = new Map();
    links.forEach(function (link) { byId.set(decodeURIComponent(link.getAttribute('href').slice(1)), link); });
    var headings = Array.prototype.filter.call(document.querySelectorAll('.prose h2[id], .prose h3[id]'), function (h) { return byId.has(h.id); });
    var visible = new Set();
    function mark() {
      var current = headings.filter(function (h) { return visible.has(h); })[0];
      if (!current) {
        // Between headings: the last one above the top of the screen.
        headings.forEach(function (h) { if (h.getBoundingClientRect().top < 80) { current = h; } });
      }
      links.forEach(function (link) { link.removeAttribute('aria-current'); });
      if (current) { byId.get(current.id).setAttribute('aria-current', 'true'); }
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { if (entry.isIntersecting) { visible.add(entry.target); } else { visible.delete(entry.target); } });
      mark();
    }, { rootMargin: '0px 0px -60% 0px' });
    headings.forEach(function (h) { observer.observe(h); });
    mark();
  }

  /*
   * Glossary terms show their definition on hover and focus (CSS); a tap opens it too, instead
   * of leaving the page, and Escape or a tap elsewhere closes it.
   */
  function setUpGlossaryTaps() {
    var open = null;
    var tapOpens = false;
    function close() {
      if (open) { open.classList.remove('glossary--open'); open.querySelector('.glossary-term').setAttribute('aria-expanded', 'false'); }
      open = null;
    }
    document.querySelectorAll('.glossary-term').forEach(function (link) {
      var term = link.parentElement;
      link.addEventListener('pointerdown', function (event) {
        tapOpens = (event.pointerType === 'touch' || event.pointerType === 'pen') && open !== term;
      });
      link.addEventListener('click', function (event) {
        if (!tapOpens) { return; }
        tapOpens = false;
        event.preventDefault();
        close();
        open = term;
        term.classList.add('glossary--open');
        link.setAttribute('aria-expanded', 'true');
        link.focus({ preventScroll: true });
      });
    });
    document.addEventListener('keydown', function (event) { if (event.key === 'Escape') { close(); } });
    document.addEventListener('pointerdown', function (event) {
      if (open && !open.contains(event.target)) { close(); }
    });
  }

  setUpDisclosures();
  setUpCurrentSection();
  setUpGlossaryTaps();
  setUpCombobox();
  setUpSearchPage();
  highlightFromQuery();
  setUpCitationCards();
  setUpSortableTables();
}());
