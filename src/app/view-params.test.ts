import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, isComplete, MAX_SESSIONS, parseView, serializeView } from './view-params';

const D = '6f9b6d0e-8a55-4c5e-9a3b-1f2a3b4c5d6e';
const S1 = '0b8d6f5e-1111-4a2b-8c3d-000000000001';
const S2 = '0b8d6f5e-2222-4a2b-8c3d-000000000002';

describe('parseView', () => {
  it('reads the documented contract', () => {
    const { view, notices } = parseView(
      `?dataset=${D}&sessions=${S1},${S2}&groupBy=example_metadata&key=topic`,
    );
    expect(notices).toEqual([]);
    expect(view).toEqual({
      ...DEFAULT_VIEW,
      dataset: D,
      sessions: [S1, S2],
      groupBy: 'example_metadata',
      key: 'topic',
    });
    expect(isComplete(view)).toBe(true);
  });

  it('keeps the sessions in display order', () => {
    expect(parseView(`?dataset=${D}&sessions=${S2},${S1}`).view.sessions).toEqual([S2, S1]);
  });

  it('gives the defaults for an empty URL', () => {
    expect(parseView('')).toEqual({ view: DEFAULT_VIEW, notices: [] });
  });

  it('falls back with a notice for each bad value', () => {
    const { view, notices } = parseView(
      `?dataset=not-a-uuid&sessions=${S1}&groupBy=feelings&key=model`,
    );
    expect(view.dataset).toBeNull();
    expect(view.sessions).toEqual([]);
    expect(view.groupBy).toBe('run_metadata');
    expect(notices.join(' ')).toMatch(/dataset "not-a-uuid"/);
    expect(notices.join(' ')).toMatch(/groupBy "feelings"/);
    expect(notices.join(' ')).toMatch(/choose a dataset first/);
  });

  it('drops malformed and repeated session ids and caps their number', () => {
    const many = Array.from(
      { length: 500 },
      (_, i) => `0b8d6f5e-1111-4a2b-8c3d-${String(i).padStart(12, '0')}`,
    );
    const { view, notices } = parseView(
      `?dataset=${D}&sessions=${[S1, S1, 'x<y', ...many].join(',')}`,
    );
    expect(view.sessions).toHaveLength(MAX_SESSIONS);
    expect(view.sessions[0]).toBe(S1);
    expect(notices.some((n) => n.includes('not valid'))).toBe(true);
    expect(notices.some((n) => n.includes('merged'))).toBe(true);
    expect(notices.some((n) => n.includes(`first ${MAX_SESSIONS}`))).toBe(true);
  });

  it('uses the first of duplicated parameters, says which, and names unknown ones', () => {
    const { view, notices } = parseView(`?dataset=${D}&dataset=${S1}&foo=1&bar=2`);
    expect(view.dataset).toBe(D);
    expect(notices).toContain(
      `"dataset" appeared 2 times; the first, "${D}", was used and the others ignored.`,
    );
    expect(notices.some((n) => n.includes('"foo"') && n.includes('"bar"'))).toBe(true);
  });

  // Every single-valued parameter of the README's table, given twice with two usable values
  // that read differently: the view holds the first, and the notice names it as the one used.
  type View = ReturnType<typeof parseView>['view'];
  const twice: [name: string, first: string, second: string, read: (v: View) => unknown][] = [
    ['dataset', D, S1, (v) => v.dataset],
    ['sessions', S2, `${S1},${S2}`, (v) => v.sessions],
    ['groupBy', 'example_metadata', 'run_metadata', (v) => v.groupBy],
    ['key', 'topic', 'model', (v) => v.key],
    ['baseline', S2, S1, (v) => v.baseline],
    ['example', S1, S2, (v) => v.example],
    ['sort', 'example', `-latency:${S1}`, (v) => v.sort],
    ['q', 'refund', 'other', (v) => v.filter.text],
    ['only', 'errors', 'regressions', (v) => v.filter.only],
    ['onlyKey', 'correctness', 'helpfulness', (v) => v.filter.onlyKey],
    ['hide', S2, S1, (v) => v.hidden],
    ['metrics', 'off', 'on', (v) => v.metrics],
    ['live', 'off', 'on', (v) => v.live],
    ['page', '3', '2', (v) => v.page],
    ['pageSize', '50', '500', (v) => v.pageSize],
    ['chart', 'cost', 'errors', (v) => v.chart],
    ['chartKey', 'helpfulness', 'correctness', (v) => v.chartKey],
    ['group', 'gpt-4o', 'claude', (v) => v.group],
    ['stats', 'open', 'closed', (v) => v.statsOpen],
    ['statsKey', 'helpfulness', 'correctness', (v) => v.statsKey],
  ];
  it.each(twice)(
    '%s given twice: the first value is used and named',
    (name, first, second, read) => {
      // The other parameters a value needs to be usable (a dataset, sessions, an only=).
      const context = new URLSearchParams({
        dataset: D,
        sessions: `${S1},${S2}`,
        only: 'regressions',
      });
      context.delete(name);
      const url = (...values: string[]) =>
        `?${context}&${values.map((v) => `${name}=${encodeURIComponent(v)}`).join('&')}`;
      const { view, notices } = parseView(url(first, second));
      expect(read(view)).toEqual(read(parseView(url(first)).view));
      expect(read(view)).not.toEqual(read(parseView(url(second)).view));
      expect(notices).toContain(
        `"${name}" appeared 2 times; the first, "${first}", was used and the others ignored.`,
      );
    },
  );

  it('does not claim an unusable first value was used', () => {
    const { view, notices } = parseView(`?dataset=${D}&chart=bogus&chart=cost`);
    expect(view.chart).toBe('latency');
    expect(notices).toContain(
      'Ignored chart "bogus": use latency, cost, errors, tokens, feedback.',
    );
    expect(notices).toContain(
      '"chart" appeared 2 times; none was used: only the first, "bogus", was read, and it could not be used.',
    );
    const empty = parseView(`?dataset=${D}&q=&q=refund`);
    expect(empty.view.filter.text).toBe('');
    expect(empty.notices).toContain('"q" appeared 2 times; the first was empty, so none was used.');
  });

  it('survives 100 KB of junk', () => {
    const junk = `?${'%zz&=&&==x'.repeat(10_000)}`;
    expect(() => parseView(junk)).not.toThrow();
  });
});

describe('serializeView', () => {
  it('writes a readable, stable URL that parses back to the same view', () => {
    const view = { ...DEFAULT_VIEW, dataset: D, sessions: [S2, S1], key: 'a b&c' };
    const search = serializeView(view);
    expect(search).toBe(`?dataset=${D}&sessions=${S2},${S1}&groupBy=run_metadata&key=a%20b%26c`);
    expect(parseView(search)).toEqual({ view, notices: [] });
  });

  it('writes nothing for the empty view', () => {
    expect(serializeView(DEFAULT_VIEW)).toBe('');
  });
});

describe('matrix parameters', () => {
  const base = `?dataset=${D}&sessions=${S1},${S2}&groupBy=run_metadata&key=model`;

  it('round-trips every matrix parameter', () => {
    const view = {
      ...DEFAULT_VIEW,
      dataset: D,
      sessions: [S1, S2],
      key: 'model',
      baseline: S2,
      example: '7c1d2e3f-0000-4a2b-8c3d-000000000001',
      sort: { by: 'delta' as const, sessionId: S2, key: 'a:b', dir: 'desc' as const },
      filter: {
        text: 'refund window',
        only: 'regressions' as const,
        onlyKey: 'correctness',
        onlySession: S1,
        ranges: [{ key: 'help:fulness', min: 0.5, max: null }],
      },
      hidden: [S1],
      hiddenKeys: ['note', 'x,y'],
      metrics: false,
      flipped: ['toxicity'],
      page: 3,
      pageSize: 200,
      chart: 'feedback' as const,
      chartKey: 'helpfulness',
      group: '',
      statsOpen: true,
      statsKey: 'correctness',
      statsSlices: true,
      cluster: 'doc:id',
      adjust: 'bh' as const,
      sliceBy: 'topic',
      live: false,
    };
    const search = serializeView(view);
    expect(parseView(search)).toEqual({ view, notices: [] });
  });

  it('drops a baseline that equals the first experiment (the default)', () => {
    expect(parseView(`${base}&baseline=${S1}`).view.baseline).toBeNull();
  });

  it.each([
    ['a baseline not in sessions', `&baseline=${D}`, /baseline/],
    ['a malformed example id', '&example=<script>', /example/],
    ['a sort on an unknown session', `&sort=score:${D}:correctness`, /sort/],
    ['a sort of an unknown kind', '&sort=banana', /sort/],
    ['an unknown only', '&only=everything', /only/],
    ['a range without a key', '&range=0:1', /range/],
    ['an inverted range', '&range=1:0:k', /range/],
    ['page 0', '&page=0', /page/],
    ['a page size over the maximum', '&pageSize=100000', /pageSize/],
    ['a bad metrics value', '&metrics=maybe', /metrics/],
    ['a bad live value', '&live=sometimes', /live "sometimes": use on or off/],
    ['an unknown chart', '&chart=pie', /chart/],
    ['an unknown statistics view', '&stats=wide', /stats "wide": use open or slices/],
    ['an unknown adjustment', '&adjust=bonferroni', /adjust "bonferroni": use holm, bh or none/],
  ])('ignores %s with a notice', (_name, extra, pattern) => {
    const { view, notices } = parseView(base + extra);
    expect(notices.join(' ')).toMatch(pattern);
    expect(view.sessions).toEqual([S1, S2]);
  });

  it('reads the statistics parameters: stats=slices opens the panel on its slices', () => {
    const { view, notices } = parseView(
      `${base}&stats=slices&cluster=topic&adjust=none&sliceBy=difficulty`,
    );
    expect(notices).toEqual([]);
    expect(view).toMatchObject({
      statsOpen: true,
      statsSlices: true,
      cluster: 'topic',
      adjust: 'none',
      sliceBy: 'difficulty',
    });
    // Holm is the default and is left out of the URL.
    expect(serializeView({ ...view, adjust: 'holm' })).not.toContain('adjust=');
    expect(serializeView(view)).toContain(
      'stats=slices&cluster=topic&adjust=none&sliceBy=difficulty',
    );
    expect(parseView(`${base}&stats=open`).view.statsSlices).toBe(false);
  });

  it('reads the one experiment whose regressions or improvements are shown', () => {
    const read = (extra: string) => parseView(base + extra);
    expect(
      read(`&only=regressions&onlyKey=correctness&onlySession=${S2.toUpperCase()}`).view.filter,
    ).toMatchObject({ only: 'regressions', onlyKey: 'correctness', onlySession: S2 });
    expect(read(`&only=improvements&onlySession=${S2}`).view.filter.onlySession).toBe(S2);
    expect(read(`&only=regressions&onlySession=${S2}`).notices).toEqual([]);
  });

  it.each([
    [
      'a malformed id',
      '&only=regressions&onlySession=gpt-4o',
      /onlySession: "gpt-4o" is not a valid id/,
    ],
    ['an experiment not compared', `&only=regressions&onlySession=${D}`, /not one of the compared/],
    ['no only', `&onlySession=${S2}`, /goes with only=regressions or only=improvements/],
    ['only=errors', `&only=errors&onlySession=${S2}`, /goes with only=regressions/],
    ['the baseline', `&only=regressions&onlySession=${S1}`, /it is the baseline/],
    ['the chosen baseline', `&baseline=${S2}&only=regressions&onlySession=${S2}`, /baseline/],
  ])('ignores onlySession for %s with a notice, and keeps the rest', (_name, extra, pattern) => {
    const { view, notices } = parseView(base + extra);
    expect(notices.join(' ')).toMatch(pattern);
    expect(view.filter.onlySession).toBeNull();
    expect(view.sessions).toEqual([S1, S2]);
    expect(serializeView(view)).not.toContain('onlySession');
  });

  it('leaves onlySession out once its experiment is no longer compared', () => {
    const { view } = parseView(`${base}&only=regressions&onlySession=${S2}`);
    expect(serializeView({ ...view, sessions: [S1] })).not.toContain('onlySession');
    expect(serializeView(view)).toContain(`only=regressions&onlySession=${S2}`);
  });

  it('reads all=1 (every page loaded) and writes it back without the page', () => {
    const { view, notices } = parseView(`${base}&page=3&pageSize=50&all=1`);
    expect(view.all).toBe(true);
    expect(notices).toEqual([]);
    const search = serializeView(view);
    expect(search).toContain('pageSize=50&all=1');
    expect(search).not.toContain('page=3');
    expect(parseView(search).view).toEqual({ ...view, page: 1 });
    expect(serializeView({ ...view, all: false })).not.toContain('all=');
    expect(parseView(`${base}&all=yes`).notices).toEqual([
      'Ignored all "yes": use 1 to load every page.',
    ]);
    expect(parseView(`${base}&all=yes`).view.all).toBe(false);
  });

  it('reads the scoreboard parameters: its sort, per-group blocks and the trade-off axis', () => {
    const { view, notices } = parseView(
      `${base}&board=-correctness&boardGroups=on&tradeoff=latency`,
    );
    expect(notices).toEqual([]);
    expect(view).toMatchObject({
      board: { column: 'key:correctness', dir: 'desc' },
      boardGroups: true,
      tradeoff: 'latency',
    });
    expect(serializeView(view)).toContain('board=-correctness&boardGroups=on&tradeoff=latency');
    expect(parseView(`${base}&board=cost`).view.board).toEqual({ column: 'cost', dir: 'asc' });
    // A key named like a fixed column is written with its prefix, and read back as the key.
    const named = serializeView({ ...view, board: { column: 'key:cost', dir: 'asc' } });
    expect(named).toContain('board=key%3Acost');
    expect(parseView(named).view.board).toEqual({ column: 'key:cost', dir: 'asc' });
    // Cost is the default axis, left out.
    expect(serializeView({ ...view, tradeoff: 'cost' })).not.toContain('tradeoff');
  });

  it.each([
    ['an empty board sort', '&board=-', /board "-": name a column/],
    ['an unknown trade-off', '&tradeoff=speed', /tradeoff "speed": use cost, latency, tokens/],
    ['a bad boardGroups', '&boardGroups=yes', /boardGroups "yes": use on or off/],
  ])('ignores %s with a notice', (_name, extra, pattern) => {
    const { view, notices } = parseView(base + extra);
    expect(notices.join(' ')).toMatch(pattern);
    expect(view).toMatchObject({ board: null, boardGroups: false, tradeoff: 'cost' });
  });

  it('reads sort forms', () => {
    expect(parseView(`${base}&sort=-example`).view.sort).toEqual({ by: 'example', dir: 'desc' });
    expect(parseView(`${base}&sort=latency:${S2}`).view.sort).toEqual({
      by: 'latency',
      sessionId: S2,
      dir: 'asc',
    });
  });
});

describe('reuseUnchanged', () => {
  it('keeps the identity of unchanged lists and objects', async () => {
    const { reuseUnchanged } = await import('./use-view');
    const a = parseView(`?dataset=${D}&sessions=${S1},${S2}&key=model&flip=x&q=one`).view;
    const b = parseView(`?dataset=${D}&sessions=${S1},${S2}&key=model&flip=x&q=two`).view;
    const merged = reuseUnchanged(a, b);
    expect(merged.sessions).toBe(a.sessions);
    expect(merged.flipped).toBe(a.flipped);
    expect(merged.filter).not.toBe(a.filter);
    expect(merged.filter.text).toBe('two');
    expect(merged).toEqual(b);
  });
});
