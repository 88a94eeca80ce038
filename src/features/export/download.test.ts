import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { downloadText, REVOKE_DELAY_MS } from '../../lib/download';
import { type Downloads, stubDownloads } from '../../testing/download-stubs';
import { copyText, safeFileName } from './download';

let downloads: Downloads;
beforeEach(() => {
  downloads = stubDownloads();
});
afterEach(() => {
  vi.useRealTimers();
  Reflect.deleteProperty(navigator, 'clipboard');
  Reflect.deleteProperty(document, 'execCommand');
});

describe('downloadText', () => {
  it('clicks a temporary download link, then revokes the URL', async () => {
    vi.useFakeTimers();
    const { clicks, blobs } = downloads;
    downloadText('report.csv', 'text/csv;charset=utf-8', 'a,b\r\n1,2');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]?.download).toBe('report.csv');
    expect(clicks[0]?.href).toBe('blob:fake/1');
    expect(document.querySelector('a[download]')).toBeNull(); // removed again
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]?.text()).toBe('a,b\r\n1,2');
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_DELAY_MS);
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:fake/1');
  });
});

describe('copyText', () => {
  it('uses the async clipboard API', async () => {
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    expect(await copyText('https://x/?a=1')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('https://x/?a=1');
  });

  it('falls back to a hidden textarea and execCommand when the API is refused', async () => {
    const writeText = vi.fn().mockRejectedValue(new DOMException('denied', 'NotAllowedError'));
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
    let copied = '';
    const execCommand = vi.fn(() => {
      copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? '';
      return true;
    });
    Object.defineProperty(document, 'execCommand', { configurable: true, value: execCommand });
    expect(await copyText('hello')).toBe(true);
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe('hello');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('reports failure when nothing works', async () => {
    Object.defineProperty(document, 'execCommand', { configurable: true, value: () => false });
    expect(await copyText('x')).toBe(false);
  });
});

describe('safeFileName', () => {
  it('replaces characters that are invalid in file names', () => {
    expect(safeFileName('versus: a/b <c>?')).toBe('versus- a-b -c--');
    expect(safeFileName('..hidden')).toBe('hidden');
    expect(safeFileName('   ')).toBe('export');
    expect(safeFileName('données 📊')).toBe('données 📊');
  });
});
