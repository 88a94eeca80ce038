import { describe, expect, it } from 'vitest';
import { frame, unframe } from './bare-chromium';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('the DevTools pipe framing', () => {
  it('ends each message with one NUL byte', () => {
    expect(frame({ id: 1, method: 'Browser.close' })).toBe('{"id":1,"method":"Browser.close"}\0');
  });

  it('reads every complete message of a chunk, in order', () => {
    const { messages, rest } = unframe(Buffer.alloc(0), bytes('{"id":1}\0{"method":"a.b"}\0'));
    expect(messages).toEqual([{ id: 1 }, { method: 'a.b' }]);
    expect(rest.length).toBe(0);
  });

  it('keeps a message split across chunks until its end arrives', () => {
    const first = unframe(Buffer.alloc(0), bytes('{"id":1}\0{"id"'));
    expect(first.messages).toEqual([{ id: 1 }]);
    expect(first.rest.toString('utf8')).toBe('{"id"');
    const second = unframe(first.rest, bytes(':2}\0'));
    expect(second.messages).toEqual([{ id: 2 }]);
    expect(second.rest.length).toBe(0);
  });

  it('reads a multi-byte character cut between two chunks', () => {
    // "é" is two bytes in UTF-8 (0xC3 0xA9): the first chunk ends between them.
    const whole = bytes('{"text":"é"}\0');
    const cut = whole.indexOf(0xc3) + 1;
    const first = unframe(Buffer.alloc(0), whole.subarray(0, cut));
    expect(first.messages).toEqual([]);
    expect(unframe(first.rest, whole.subarray(cut)).messages).toEqual([{ text: 'é' }]);
  });
});
