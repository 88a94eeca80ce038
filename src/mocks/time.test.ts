// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { formatDottedOrder, formatNaive, formatUtc, microsFromIso, parseMicros } from './time';

describe('timestamps', () => {
  const micros = microsFromIso('2026-03-04T10:11:12.123Z') + 456;

  it('formats the shapes real servers send', () => {
    expect(formatNaive(micros)).toBe('2026-03-04T10:11:12.123456');
    expect(formatUtc(micros)).toBe('2026-03-04T10:11:12.123456+00:00');
    expect(formatDottedOrder(micros, 'abc')).toBe('20260304T101112123456Zabc');
    expect(formatNaive(microsFromIso('2026-12-31T23:59:59Z'))).toBe('2026-12-31T23:59:59.000000');
  });

  it('parses its own output back to the same microsecond', () => {
    expect(parseMicros(formatNaive(micros))).toBe(micros);
    expect(parseMicros(formatUtc(micros))).toBe(micros);
    expect(parseMicros('2024-08-03T00:12:38')).toBe(microsFromIso('2024-08-03T00:12:38Z'));
    expect(parseMicros(null)).toBeNull();
    expect(parseMicros('not a time')).toBeNull();
  });
});
