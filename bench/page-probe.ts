/**
 * The page side of the bench's measurements, as a plain JavaScript string: functions compiled
 * by tsx carry helpers (`__name`) that do not exist in the page. measure-page.ts installs it.
 */

/** Installed before any app script runs (addInitScript), in every navigation. */
export const PAGE_PROBE = String.raw`
(() => {
  if (window.__bench) return;
  const now = () => performance.now();
  const raf2 = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => requestAnimationFrame(() => resolve(now()))),
    );
  const loafs = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        loafs.push({
          startTime: e.startTime,
          duration: e.duration,
          blockingDuration: e.blockingDuration,
          renderStart: e.renderStart,
          styleAndLayoutStart: e.styleAndLayoutStart,
          scripts: (e.scripts || []).map((s) => ({
            invoker: s.invoker,
            invokerType: s.invokerType,
            sourceURL: s.sourceURL,
            sourceFunctionName: s.sourceFunctionName,
            duration: s.duration,
            forcedStyleAndLayoutDuration: s.forcedStyleAndLayoutDuration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}

  // Navigation start -> the first matrix row is in the DOM, then painted (two frames later).
  const firstRow = { inserted: null, painted: null };
  const rowObserver = new MutationObserver(() => {
    if (firstRow.inserted !== null) return;
    if (!document.querySelector('tr[data-example-id]')) return;
    firstRow.inserted = now();
    rowObserver.disconnect();
    raf2().then((t) => {
      firstRow.painted = t;
    });
  });
  rowObserver.observe(document, { childList: true, subtree: true });

  const entry = (type, name) => {
    const list = performance.getEntriesByName(name, type);
    return list.length > 0 ? list[0] : null;
  };

  const inToolbar = (node) => {
    const el = node && (node.nodeType === 1 ? node : node.parentElement);
    return Boolean(el && el.closest('.matrix-toolbar'));
  };

  window.__bench = {
    firstRow,
    loafs,
    loadMetrics() {
      const response = entry('mark', 'versus:response-received');
      const painted = entry('mark', 'versus:matrix-painted');
      const parse = entry('measure', 'versus:parse-validate-normalise');
      const toMatrix = entry('measure', 'versus:response-to-matrix');
      const toComplete = entry('measure', 'versus:response-to-complete-matrix');
      return {
        firstRowInserted: firstRow.inserted,
        firstRowPainted: firstRow.painted,
        responseReceived: response ? response.startTime : null,
        matrixPainted: painted ? painted.startTime : null,
        parseValidateNormalise: parse ? parse.duration : null,
        responseToMatrix: toMatrix ? toMatrix.duration : null,
        responseToCompleteMatrix: toComplete ? toComplete.duration : null,
        matrixPaintedMarks: performance.getEntriesByName('versus:matrix-painted', 'mark').length,
        rowsInDom: document.querySelectorAll('tr[data-example-id]').length,
        status: (document.querySelector('.matrix-status__count') || {}).textContent || null,
        timeline: this.timeline(),
      };
    },

    /**
     * Resolves once the first row is painted and the whole response is in the matrix (the app
     * paints the first rows of a large response while it reads the rest), or on timeout.
     */
    whenLoaded(timeoutMs) {
      const ready = () =>
        firstRow.painted !== null &&
        performance.getEntriesByName('versus:matrix-painted', 'mark').length > 0 &&
        performance.getEntriesByName('versus:response-to-matrix', 'measure').length > 0 &&
        performance.getEntriesByName('versus:response-to-complete-matrix', 'measure').length > 0;
      const t0 = now();
      return new Promise((resolve) => {
        const poll = () => {
          if (ready()) resolve(true);
          else if (now() - t0 > timeoutMs) resolve(false);
          else setTimeout(poll, 20);
        };
        poll();
      });
    },

    /** The page's requests (Resource Timing), as a waterfall relative to navigation start. */
    timeline() {
      const nav = performance.getEntriesByType('navigation')[0];
      const out = [];
      if (nav) {
        out.push({
          name: 'document',
          start: 0,
          responseEnd: nav.responseEnd,
          domContentLoaded: nav.domContentLoadedEventEnd,
          bytes: nav.encodedBodySize,
        });
      }
      for (const e of performance.getEntriesByType('resource')) {
        const u = new URL(e.name);
        out.push({
          name: u.pathname + (u.search.length > 60 ? u.search.slice(0, 60) + '…' : u.search),
          start: e.startTime,
          responseStart: e.responseStart,
          responseEnd: e.responseEnd,
          bytes: e.encodedBodySize,
        });
      }
      return out;
    },

    /**
     * Scrolls .matrix by "screens" of its height per frame (half by default: a fling) until
     * the bottom or maxFrames, counting the frames the app drew its cells at a glance.
     */
    scroll(maxFrames, screens = 0.5) {
      const el = document.querySelector('.matrix');
      if (!el) return Promise.resolve({ error: 'no .matrix element' });
      el.scrollTop = 0;
      return raf2().then(
        () =>
          new Promise((resolve) => {
            const deltas = [];
            let blankFrames = 0;
            let glanceFrames = 0;
            let last = null;
            let frames = 0;
            const t0 = now();
            const loafStart = loafs.length;
            const coversViewport = () => {
              const top = el.scrollTop;
              const bottom = top + el.clientHeight;
              for (const row of el.querySelectorAll('tr[data-example-id]')) {
                const m = /translateY\(([-\d.]+)px\)/.exec(row.style.transform);
                if (!m) continue;
                const start = Number(m[1]);
                const end = start + (Number.parseFloat(row.style.height) || 0);
                if (end > top && start < bottom) return true;
              }
              return false;
            };
            const step = (ts) => {
              window.__bench.scrollState = {
                frames,
                at: ts,
                scrollTop: el.scrollTop,
                scrollHeight: el.scrollHeight,
              };
              if (last !== null) {
                deltas.push(ts - last);
                if (!coversViewport()) blankFrames += 1;
                if (el.dataset.scrollPace === 'fling') glanceFrames += 1;
              }
              last = ts;
              const atEnd = el.scrollTop + el.clientHeight >= el.scrollHeight - 1;
              if (atEnd || frames >= maxFrames) {
                resolve({
                  deltas,
                  frames,
                  blankFrames,
                  glanceFrames,
                  reachedEnd: atEnd,
                  scrollHeight: el.scrollHeight,
                  clientHeight: el.clientHeight,
                  scrollTop: el.scrollTop,
                  elapsedMs: now() - t0,
                  longFrames: loafs.length - loafStart,
                });
                return;
              }
              el.scrollTop += el.clientHeight * screens;
              frames += 1;
              requestAnimationFrame(step);
            };
            requestAnimationFrame(step);
          }),
      );
    },

    /**
     * Arms a probe for one toolbar action: start = its input/change event, url = the history
     * change it causes, shown = two frames after the first DOM change of the matrix section
     * outside the toolbar (React commits a render in one go, so that is the new result).
     */
    arm(label, timeoutMs) {
      const section = document.querySelector('.matrix-section');
      const st = {
        label,
        start: null,
        urlChange: null,
        firstMutation: null,
        painted: null,
        lastMutation: null,
        mutationBatches: 0,
        rowsAfter: null,
        status: null,
        error: null,
      };
      let finished = false;
      let resolveDone;
      const done = new Promise((r) => {
        resolveDone = r;
      });
      const onInput = (e) => {
        if (st.start === null && inToolbar(e.target)) st.start = now();
      };
      const onNavigate = () => {
        if (st.start !== null && st.urlChange === null) st.urlChange = now();
      };
      const mo = new MutationObserver((records) => {
        if (st.start === null || finished) return;
        if (!records.some((r) => !inToolbar(r.target))) return;
        const t = now();
        st.mutationBatches += 1;
        st.lastMutation = t;
        if (st.firstMutation !== null) return;
        st.firstMutation = t;
        raf2().then((p) => {
          st.painted = p;
          // Keep watching briefly: follow-up commits (re-measure) are recorded, not timed.
          setTimeout(finish, 300);
        });
      });
      const timer = setTimeout(() => {
        st.error = 'timeout';
        finish();
      }, timeoutMs);
      function finish() {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        mo.disconnect();
        document.removeEventListener('input', onInput, true);
        document.removeEventListener('change', onInput, true);
        if (window.navigation) window.navigation.removeEventListener('navigate', onNavigate);
        st.rowsAfter = document.querySelectorAll('tr[data-example-id]').length;
        const status = document.querySelector('.matrix-status__count');
        st.status = status ? status.textContent : null;
        resolveDone(st);
      }
      if (!section) {
        st.error = 'no .matrix-section';
        finish();
      } else {
        document.addEventListener('input', onInput, true);
        document.addEventListener('change', onInput, true);
        if (window.navigation) window.navigation.addEventListener('navigate', onNavigate);
        mo.observe(section, { subtree: true, childList: true, characterData: true, attributes: true });
      }
      window.__bench.pending = done;
      window.__bench.cancel = (reason) => {
        st.error = reason;
        finish();
      };
      return true;
    },

    /** The floor: the same request from the same page, then JSON.parse of the same text. */
    async floor(url, body) {
      const t0 = now();
      const response = await fetch(url, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
        body,
        credentials: 'same-origin',
      });
      const headers = now();
      const text = await response.text();
      const received = now();
      const p0 = now();
      let json = JSON.parse(text);
      const p1 = now();
      const groups = Array.isArray(json.groups) ? json.groups.length : null;
      json = null;
      const p2 = now();
      JSON.parse(text);
      const p3 = now();
      return {
        status: response.status,
        chars: text.length,
        groups,
        headersMs: headers - t0,
        receivedMs: received - t0,
        jsonParseMs: p1 - p0,
        jsonParseAgainMs: p3 - p2,
        totalMs: p1 - t0,
      };
    },

    /** LoAF entries overlapping [from, to] (performance.now() times). */
    longFramesBetween(from, to) {
      return loafs.filter((e) => e.startTime + e.duration >= from && e.startTime <= to);
    },
  };
})();
`;
