import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { pageRecorder } from './recorder';
import { SnapshotButton } from './snapshot-button';

const DATASET = 'dddddddd-0000-4000-8000-00000000000d';
const SESSION = 'aaaaaaaa-0000-4000-8000-00000000000a';
const FACTS = {
  search: `?dataset=${DATASET}`,
  datasetName: 'Support QA',
  experiments: 1,
  host: 'localhost (demo data)',
  fromDemo: true,
};

function page(sessions: string[], text: string) {
  return {
    method: 'POST' as const,
    url: `/api/v1/datasets/${DATASET}/group/runs`,
    body: JSON.stringify({ session_ids: sessions, offset: 0 }),
    text,
  };
}

function renderButton(sessionIds: string[], failed = false) {
  return render(
    <SnapshotButton scope={{ datasetId: DATASET, sessionIds }} facts={FACTS} failed={failed} />,
  );
}

afterEach(cleanup);

// One module-wide recorder, as on the page: each case uses its own sessions.
describe('Download snapshot', () => {
  it('is disabled with the reason in visible text it is described by, when nothing loaded', () => {
    renderButton(['11111111-0000-4000-8000-000000000001'], true);
    const button = screen.getByRole('button', { name: 'Download snapshot' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'Nothing to save: this view’s data did not load. Retry, then save a snapshot.',
    );
  });

  it('is enabled once the view’s data is recorded', () => {
    pageRecorder.record(page([SESSION], '{"groups":[]}'));
    renderButton([SESSION]);
    const button = screen.getByRole('button', { name: 'Download snapshot' });
    expect(button).toBeEnabled();
    expect(button).not.toHaveAttribute('aria-describedby');
  });

  it('says why it is disabled above 50 MB of data', () => {
    const big = '22222222-0000-4000-8000-000000000002';
    // 51 MiB of answer: the recorder keeps only its size.
    pageRecorder.record(page([big], 'x'.repeat(51 * 1024 * 1024)));
    renderButton([big]);
    const button = screen.getByRole('button', { name: 'Download snapshot' });
    expect(button).toBeDisabled();
    expect(button).toHaveAccessibleDescription(
      'This view holds 51 MB of data, above the 50 MB a snapshot can hold. Show fewer experiments or examples to save one.',
    );
    expect(screen.getByText(/above the 50 MB a snapshot can hold/)).toBeVisible();
  });
});
