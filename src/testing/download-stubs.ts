import { vi } from 'vitest';

/** What a test's downloads would have saved: each blob handed out, each link clicked. */
export interface Downloads {
  blobs: Blob[];
  clicks: HTMLAnchorElement[];
  /** The object URL every blob gets. */
  url: string;
}

/**
 * jsdom has no object URLs and does not follow download links: stand-ins that record what
 * would have been saved. Call it in `beforeEach` (vitest restores the click spy after each).
 */
export function stubDownloads(): Downloads {
  const downloads: Downloads = { blobs: [], clicks: [], url: 'blob:fake/1' };
  Object.defineProperty(URL, 'createObjectURL', {
    configurable: true,
    value: vi.fn((blob: Blob) => {
      downloads.blobs.push(blob);
      return downloads.url;
    }),
  });
  Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: vi.fn() });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    downloads.clicks.push(this);
  });
  return downloads;
}
