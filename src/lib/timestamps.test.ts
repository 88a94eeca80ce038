import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './timestamps';

describe('parseTimestamp', () => {
  const utc = Date.UTC(2024, 5, 6, 1, 2, 51, 366);

  it.each([
    ['zone-less with microseconds (treated as UTC)', '2024-06-06T01:02:51.366397'],
    ['+00:00 offset', '2024-06-06T01:02:51.366397+00:00'],
    ['Z suffix', '2024-06-06T01:02:51.366Z'],
    ['space separator', '2024-06-06 01:02:51.366397'],
    ['other offset', '2024-06-06T03:02:51.366+02:00'],
    ['compact offset', '2024-06-05T20:02:51.366-0500'],
  ])('reads %s', (_name, input) => {
    expect(parseTimestamp(input)).toBe(utc);
  });

  it('reads a time without fraction or zone', () => {
    expect(parseTimestamp('2024-08-03T00:12:38')).toBe(Date.UTC(2024, 7, 3, 0, 12, 38));
  });

  it('reads a date alone', () => {
    expect(parseTimestamp('2024-08-03')).toBe(Date.UTC(2024, 7, 3));
  });

  it.each([null, undefined, '', 'yesterday', '20260105T164601068924Z', {}, Number.NaN])(
    'returns null for %s',
    (input) => {
      expect(parseTimestamp(input)).toBeNull();
    },
  );
});

describe('parseTimestamp years', () => {
  it('reads years 0-99 as written, and leap days in any year', () => {
    expect(new Date(parseTimestamp('0050-01-01T00:00:00') ?? 0).getUTCFullYear()).toBe(50);
    expect(parseTimestamp('2024-02-29T12:00:00')).toBe(Date.UTC(2024, 1, 29, 12));
    expect(parseTimestamp('1999-03-01T00:00:00')).toBe(Date.UTC(1999, 2, 1));
  });
});

describe('parseTimestamp fast and general paths agree', () => {
  it.each([
    '2024-06-06T01:02:51.366397',
    '2024-06-06T01:02:51',
    '2024-06-06 01:02:51.5',
    '2024-06-06T01:02:51.366Z',
    '2024-06-06T01:02:51.366397+00:00',
    '2024-02-29T23:59:59.999999',
  ])('%s', (text) => {
    const viaDate = Date.parse(
      `${text
        .replace(' ', 'T')
        .replace(/(\.\d{3})\d+/, '$1')
        .replace(/\+00:00$|Z$/, '')}Z`,
    );
    expect(parseTimestamp(text)).toBe(viaDate);
  });

  it('reads a leap day of a year below 100', () => {
    const t = parseTimestamp('0048-02-29T00:00:00') ?? 0;
    expect(new Date(t).toISOString().slice(0, 10)).toBe('0048-02-29');
  });
});
