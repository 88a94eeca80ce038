import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PanelBoundary, panelFailure, retryableLazy } from './panel-boundary';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Fails({ when }: { when: { fail: boolean } }) {
  if (when.fail) throw new Error('the chart data had no groups');
  return <p>chart</p>;
}

describe('PanelBoundary', () => {
  it('says which panel failed and why, keeps its siblings, and tries again on request', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const when = { fail: true };
    const onRetry = vi.fn();
    render(
      <>
        <PanelBoundary name="the charts" onRetry={onRetry}>
          <Fails when={when} />
        </PanelBoundary>
        <p>matrix</p>
      </>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The charts could not be shown: it failed (the chart data had no groups). The rest of the page still works.',
    );
    expect(screen.getByText('matrix')).toBeInTheDocument();
    when.fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('chart')).toBeInTheDocument();
  });

  it('words a chunk that did not load as a network problem, in each browser’s wording', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://x/assets/charts-section-abc.js',
      'error loading dynamically imported module: http://x/assets/a.js',
      'Importing a module script failed.',
    ]) {
      expect(panelFailure(new TypeError(message))).toBe(
        'its code could not be loaded (is the network down?)',
      );
    }
    expect(panelFailure(new Error('x'.repeat(300)))).toHaveLength('it failed ()'.length + 200);
    expect(panelFailure('plain')).toBe('it failed (plain)');
  });
});

describe('retryableLazy', () => {
  it('loads again after a failed load once retried (React keeps a lazy’s failure for good)', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi
      .fn<() => Promise<() => React.ReactNode>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module: a.js'))
      .mockResolvedValue(() => <p>loaded panel</p>);
    const Panel = retryableLazy(load);
    render(
      <PanelBoundary name="the statistics" onRetry={Panel.retry}>
        <Suspense fallback={<p>loading</p>}>
          <Panel />
        </Suspense>
      </PanelBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The statistics could not be shown: its code could not be loaded (is the network down?).',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('loaded panel')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });
});
