import { describe, expect, it } from 'vitest';
import {
  floorShares,
  PROXY_OVERHEAD_BUDGET,
  proxyBudget,
  proxyOverheadShare,
  proxySection,
} from './proxy-report';
import type { ProxyOverhead } from './results';

const sample = (directMs: number[], proxiedMs: number[]): ProxyOverhead => ({
  date: '2026-12-06T00:00:00.000Z',
  gitCommit: 'abcdef1234567890',
  bytes: 168_000_000,
  directMs,
  proxiedMs,
  busyBefore: directMs.map(() => 0.1),
});

describe('the proxy overhead budget', () => {
  it('compares the medians: 1,050 ms through the server against 1,000 ms direct is 5 %', () => {
    const p = sample([990, 1_000, 1_400, 980, 1_010], [1_040, 1_050, 1_060, 2_000, 1_045]);
    expect(proxyOverheadShare(p)).toBeCloseTo(0.05, 10);
    expect(proxyBudget(p)).toMatchObject({ met: true, measured: '5.0 %', limit: '≤ 10.0 %' });
  });

  it('is missed past 10 %', () => {
    const p = sample([1_000, 1_000, 1_000], [1_150, 1_120, 1_200]);
    expect(proxyOverheadShare(p)).toBeCloseTo(0.15, 10);
    expect(PROXY_OVERHEAD_BUDGET).toBe(0.1);
    expect(proxyBudget(p).met).toBe(false);
  });

  it('says nothing without samples', () => {
    expect(proxyBudget(sample([], [])).met).toBeNull();
  });

  it('reports both sides in BENCH.md', () => {
    const text = proxySection(sample([1_000, 1_000], [1_100, 1_100]));
    expect(text).toContain('| stand-in, direct | 2 | 1,000 ms |');
    expect(text).toContain('| through the Versus server | 2 | 1,100 ms |');
    expect(text).toContain('**10.0 %**');
  });

  it('sets the server against a bare pipe when one was timed', () => {
    const p = { ...sample([100, 100, 100], [330, 300, 310]), bareMs: [200, 210, 190] };
    const shares = floorShares(p);
    expect(shares?.floor).toBeCloseTo(1, 10);
    expect(shares?.server).toBeCloseTo(0.55, 10);
    const text = proxySection(p);
    expect(text).toContain('| through a bare node:http pipe (the floor) | 3 | 200 ms |');
    expect(text).toContain('adds **100.0 %**');
    expect(text).toContain('takes 55.0 % more than that floor');
  });

  it('leaves the floor out of results taken without it', () => {
    const p = sample([100], [300]);
    expect(floorShares(p)).toBeNull();
    expect(proxySection(p)).not.toContain('bare');
  });
});
