import { describe, expect, it } from 'vitest';
import { defaultSliceKey, exampleLabels, labelText, metadataKeys } from './labels';

describe('example metadata as labels', () => {
  const metadata = [
    { topic: 'billing', priority: 1, tags: ['a', 'b'] },
    { topic: 'shipping', priority: '1' },
    { topic: 'billing', priority: null },
    null,
    { topic: '' },
  ];

  it('labels each example, with −1 where there is no value', () => {
    const topic = exampleLabels(metadata, 'topic');
    expect(topic.names).toEqual(['billing', 'shipping', '']);
    expect([...topic.index]).toEqual([0, 1, 0, -1, 2]);
    // 1 and "1" are one group, as the server groups them.
    const priority = exampleLabels(metadata, 'priority');
    expect(priority.names).toEqual(['1']);
    expect([...priority.index]).toEqual([0, 0, -1, -1, -1]);
  });

  it('never reads inherited properties and survives odd values', () => {
    const odd = [JSON.parse('{"__proto__": "x"}'), { toString: 'y' }, {}];
    expect(exampleLabels(odd, 'toString').names).toEqual(['y']);
    expect([...exampleLabels(odd, 'constructor').index]).toEqual([-1, -1, -1]);
    expect(labelText(Number.NaN)).toBe('NaN');
    expect(labelText('x'.repeat(500))).toHaveLength(200);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(labelText(cyclic)).toBeNull();
  });

  it('lists keys with a value and picks a default slice key of 2 to 12 groups', () => {
    expect(metadataKeys(metadata)).toEqual(['priority', 'tags', 'topic']);
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: `e${i}`,
      level: ['low', 'high'][i % 2],
      split: 'base',
    }));
    expect(defaultSliceKey(many)).toBe('level');
    expect(defaultSliceKey([{ id: 1 }, { id: 2 }])).toBeNull();
  });
});
