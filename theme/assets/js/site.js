/*
 * LdnSite search UI. Terms are split with MiniSearch's tokenizer (assets/vendor/minisearch.<hash>.js,
 * from npm) and scored with MiniSearch's formula by the scorer below; this file is also the
 * interface and the loader of the index's parts. It uses classic scripts only, no fetch,
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
   * the chunks its words need (their own, and those of words one typo away), scores just those
   * terms exactly as one MiniSearch index of every section would (the manifest carries the
   * document count and average field lengths), then loads the results files of the pages it
   * shows.
   */
  var loading = null;
  var manifest = null;
  var stopWords = null;
  var tokenize = null;
  var dictionary = [];
  var chunkKeys = [];
  var secondary = null;
  var postings = new Map();
  var loadedTerms = [];
  var documents = null;
  var chunkLoads = {};
  var pageLoads = {};
  var pageData = {};
  var received = {};

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
          tokenize = window.MiniSearch.getDefault('tokenize');
          chunkKeys = Object.keys(manifest.chunks);
          chunkKeys.forEach(function (key) {
            manifest.chunks[key][1].split(' ').forEach(function (term) { dictionary.push([term, key]); });
          });
          documents = newDocumentTable(manifest.documentCount);
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
      loadedTerms = Array.from(postings.keys()).sort();
    });
  }

  /*
   * The scorer. It gives every section the score MiniSearch 7 gives it (BM25+ with MiniSearch's
   * k, b and d; a word, the longer words it begins and words one typo away, weighted as
   * MiniSearch weights them; field and document boosts; the sum times the number of query words
   * matched), so the ranking is MiniSearch's: the browser tests compare it with a real MiniSearch
   * index of every section. MiniSearch's own search builds an object for every hit and sorts them
   * all, which took 100–400 ms for a common word at 10,000 pages (about 110,000 sections); here
   * scores add up in typed arrays and only the hits that are shown are put in order.
   */
  var BM25 = { k: 1.2, b: 0.7, d: 0.5 };
  var PREFIX_WEIGHT = 0.375;
  var FUZZY_WEIGHT = 0.45;
  var FIELD_BOOSTS = { title: 3, heading: 2 };
  // Glossary terms and sources are short, so they would outrank whole pages that treat a
  // subject at length; they are found, but below such pages.
  var SECONDARY_BOOST = 0.35;

  /* MiniSearch's BM25+, the same expression, so the same double. */
  function bm25(termFreq, matchingCount, totalCount, fieldLength, avgFieldLength) {
    var invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
    return invDocFreq * (BM25.d + termFreq * (BM25.k + 1) / (termFreq + BM25.k * (1 - BM25.b + BM25.b * fieldLength / avgFieldLength)));
  }

  /*
   * Sections are numbered densely as their ids first arrive (an id is page × sectionsPerPage +
   * section, far too sparse to index an array by), and each number has a slot in every table.
   */
  function newDocumentTable(capacity) {
    return {
      numbers: new Map(),
      size: 0,
      ids: new Float64Array(capacity),
      pages: new Int32Array(capacity),
      boosts: new Float64Array(capacity),
      scores: new Float64Array(capacity),
      words: new Uint16Array(capacity),
      queryMarks: new Uint32Array(capacity),
      wordScores: new Float64Array(capacity),
      wordMarks: new Uint32Array(capacity),
      pageMarks: new Uint32Array(manifest.pages),
      stamp: 0
    };
  }

  function grow(table) {
    var capacity = table.ids.length * 2 || 1024;
    ['ids', 'pages', 'boosts', 'scores', 'words', 'queryMarks', 'wordScores', 'wordMarks'].forEach(function (name) {
      var larger = new table[name].constructor(capacity);
      larger.set(table[name]);
      table[name] = larger;
    });
  }

  function numberOf(id) {
    var n = documents.numbers.get(id);
    if (n === undefined) {
      if (documents.size === documents.ids.length) { grow(documents); }
      n = documents.size++;
      documents.numbers.set(id, n);
      documents.ids[n] = id;
      documents.pages[n] = pageOf(id);
      documents.boosts[n] = secondary.has(documents.pages[n]) ? SECONDARY_BOOST : 1;
    }
    return n;
  }

  /*
   * A chunk's term: [term, field, ids (delta-coded), counts, field lengths, field, …]. Each field's
   * postings keep the section numbers, the ids in order (to tell which terms a shown section
   * holds) and the BM25+ score of each, which depends on nothing a query chooses.
   */
  function addTerm(entry) {
    var fields = [];
    var large = manifest.pages * manifest.sectionsPerPage > 2147483647;
    for (var k = 1; k < entry.length; k += 4) {
      var field = entry[k];
      var deltas = entry[k + 1];
      var counts = entry[k + 2];
      var lengths = entry[k + 3];
      var list = {
        numbers: new Int32Array(deltas.length),
        ids: large ? new Float64Array(deltas.length) : new Int32Array(deltas.length),
        scores: new Float64Array(deltas.length)
      };
      var id = 0;
      for (var j = 0; j < deltas.length; j++) {
        id += deltas[j];
        list.ids[j] = id;
        list.numbers[j] = numberOf(id);
        list.scores[j] = bm25(counts[j], deltas.length, manifest.documentCount, lengths[j], manifest.averageFieldLength[field]);
      }
      fields[field] = list;
    }
    postings.set(entry[0], fields);
  }

  function startsWith(text, start) {
    return text.lastIndexOf(start, 0) === 0;
  }

  /* The first index of sorted where value could go. */
  function lowerBound(sorted, value) {
    var low = 0;
    var high = sorted.length;
    while (low < high) {
      var middle = (low + high) >>> 1;
      if (sorted[middle] < value) { low = middle + 1; } else { high = middle; }
    }
    return low;
  }

  /*
   * The loaded terms a query word matches, each with its weight, as MiniSearch matches them: the
   * word itself; longer words it begins; and, for words of five letters or more, words one typo
   * away that it does not begin.
   */
  function matchesOf(word) {
    var matches = postings.has(word) ? [[word, 1]] : [];
    for (var i = lowerBound(loadedTerms, word); i < loadedTerms.length && startsWith(loadedTerms[i], word); i++) {
      var term = loadedTerms[i];
      var distance = term.length - word.length;
      if (distance) { matches.push([term, PREFIX_WEIGHT * term.length / (term.length + 0.3 * distance)]); }
    }
    if (fuzzy(word)) {
      loadedTerms.forEach(function (term) {
        if (term !== word && !startsWith(term, word) && withinOneEdit(word, term)) {
          matches.push([term, FUZZY_WEIGHT * term.length / (term.length + 1)]);
        }
      });
    }
    return matches;
  }

  /*
   * Scores every section the query matches. As in MiniSearch, each query word's matches are
   * summed, the words' sums are added in query order, and the total is multiplied by the number
   * of distinct query words the section matched.
   */
  function scoreQuery(text) {
    var table = documents;
    var hits = [];
    var words = tokenize(text).map(function (token) { return processTerm(token); }).filter(Boolean);
    var matches = words.map(matchesOf);
    var query = ++table.stamp;
    words.forEach(function (word, w) {
      var counted = words.indexOf(word) === w;
      var mark = ++table.stamp;
      var matched = [];
      matches[w].forEach(function (match) {
        var fields = postings.get(match[0]);
        manifest.fields.forEach(function (name, f) {
          var list = fields[f];
          if (!list) { return; }
          var weight = match[1] * (FIELD_BOOSTS[name] || 1);
          var numbers = list.numbers;
          var scores = list.scores;
          for (var j = 0; j < numbers.length; j++) {
            var n = numbers[j];
            var score = weight * table.boosts[n] * scores[j];
            if (table.wordMarks[n] === mark) {
              table.wordScores[n] += score;
            } else {
              table.wordMarks[n] = mark;
              table.wordScores[n] = score;
              matched.push(n);
            }
          }
        });
      });
      for (var i = 0; i < matched.length; i++) {
        var n = matched[i];
        if (table.queryMarks[n] === query) {
          table.scores[n] = table.scores[n] + table.wordScores[n];
          table.words[n] += counted ? 1 : 0;
        } else {
          table.queryMarks[n] = query;
          table.scores[n] = table.wordScores[n];
          table.words[n] = 1;
          hits.push(n);
        }
      }
    });
    for (var h = 0; h < hits.length; h++) {
      table.scores[hits[h]] *= table.words[hits[h]];
    }
    return { hits: hits, matches: matches };
  }

  /* Best first; equal scores in index order, so a query always shows the same results. */
  function byRank(a, b) {
    return (documents.scores[b] - documents.scores[a]) || (documents.ids[a] - documents.ids[b]);
  }

  /* The k best of hits, best first: a heap whose root is the worst kept. */
  function best(hits, k) {
    if (hits.length <= k) { return hits.slice().sort(byRank); }
    var heap = hits.slice(0, k);
    for (var i = (k >> 1) - 1; i >= 0; i--) { siftDown(heap, i); }
    for (var j = k; j < hits.length; j++) {
      if (byRank(hits[j], heap[0]) < 0) {
        heap[0] = hits[j];
        siftDown(heap, 0);
      }
    }
    return heap.sort(byRank);
  }

  function siftDown(heap, i) {
    for (;;) {
      var worst = i;
      var left = 2 * i + 1;
      if (left < heap.length && byRank(heap[left], heap[worst]) > 0) { worst = left; }
      if (left + 1 < heap.length && byRank(heap[left + 1], heap[worst]) > 0) { worst = left + 1; }
      if (worst === i) { return; }
      var swap = heap[i];
      heap[i] = heap[worst];
      heap[worst] = swap;
      i = worst;
    }
  }

  /*
   * The pages of the best maxPages, in order, each with its best maxSections sections (which may
   * rank below other pages' sections), and how many pages matched at all.
   */
  function bestPages(scored, maxPages, maxSections) {
    var hits = scored.hits;
    var pages = [];
    for (var k = MAX_PAGES * MAX_SECTIONS_PER_PAGE; ; k *= 4) {
      pages = [];
      best(hits, k).forEach(function (n) {
        var page = documents.pages[n];
        if (pages.length < maxPages && pages.indexOf(page) < 0) { pages.push(page); }
      });
      if (pages.length === maxPages || k >= hits.length) { break; }
    }
    var sections = pages.map(function () { return []; });
    var mark = ++documents.stamp;
    var totalPages = 0;
    for (var i = 0; i < hits.length; i++) {
      var page = documents.pages[hits[i]];
      if (documents.pageMarks[page] !== mark) {
        documents.pageMarks[page] = mark;
        totalPages++;
      }
      var at = pages.indexOf(page);
      if (at >= 0) { sections[at].push(hits[i]); }
    }
    return {
      pages: pages.map(function (page, p) { return { page: page, sections: sections[p].sort(byRank).slice(0, maxSections) }; }),
      total: hits.length,
      totalPages: totalPages
    };
  }

  /* Which of the query's matched terms section n holds, as MiniSearch lists them (for highlighting). */
  function termsOf(scored, n) {
    var id = documents.ids[n];
    var found = {};
    scored.matches.forEach(function (matches) {
      matches.forEach(function (match) {
        var fields = postings.get(match[0]);
        var holds = fields.some(function (list) {
          var at = lowerBound(list.ids, id);
          return at < list.ids.length && list.ids[at] === id;
        });
        if (holds) { found[match[0]] = true; }
      });
    });
    return Object.keys(found);
  }

  function pageOf(id) {
    return Math.floor(id / manifest.sectionsPerPage);
  }

  function loadPage(page) {
    return loadOnce(pageLoads, page, manifest.pageFolder + page + '.js');
  }

  /*
   * Loads what the query needs, scores it and hands the scores to use. Scores live in tables
   * every query shares, so use reads them in the same step they are made: another query scored
   * in between (the search page's and the header box's, say) would overwrite them.
   */
  function rank(query, use) {
    return ensureEngine().then(function () {
      var text = expand(query);
      return Promise.all(chunksFor(text).map(loadChunk)).then(function () {
        return use(scoreQuery(text));
      });
    });
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
    return rank(query, function (scored) {
      var shown = bestPages(scored, MAX_PAGES, MAX_SECTIONS_PER_PAGE);
      var groups = shown.pages.map(function (found) {
        return {
          page: found.page,
          sections: found.sections.map(function (n) {
            return { index: documents.ids[n] % manifest.sectionsPerPage, terms: termsOf(scored, n) };
          })
        };
      });
      groups.total = shown.total;
      groups.totalPages = shown.totalPages;
      return groups;
    }).then(function (groups) {
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
    rank: function (text) {
      return rank(text, function (scored) {
        return scored.hits.slice().sort(byRank).map(function (n) { return [documents.ids[n], documents.scores[n]]; });
      });
    }
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
