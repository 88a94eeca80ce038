import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Downloads, stubDownloads } from '../../testing/download-stubs';
import { ExportMenu, type ExportMenuProps } from './export-menu';

afterEach(cleanup);

const SHARE = 'https://versus.example/?dataset=d1&sessions=a,b&baseline=a';
let writeText: ReturnType<typeof vi.fn>;
let downloads: Downloads;
/** The names of the files the clicks would have saved. */
const saved = () => downloads.clicks.map((link) => link.download);

beforeEach(() => {
  downloads = stubDownloads();
});

function setup(overrides: Partial<ExportMenuProps> = {}) {
  // userEvent.setup() installs its own clipboard; replace it with the mock after.
  const user = userEvent.setup();
  writeText = vi.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText } });
  const props: ExportMenuProps = {
    buildCsv: vi.fn(() => '\uFEFFa,b\r\n1,2'),
    buildJson: vi.fn(() => '{"rows":[]}'),
    fileBase: 'versus: my dataset',
    share: { url: SHARE },
    ...overrides,
  };
  render(<ExportMenu {...props} />);
  return { user, props };
}

describe('ExportMenu', () => {
  it('copies the share link and confirms politely', async () => {
    const { user } = setup();
    expect(screen.getByRole('status')).toHaveTextContent('');
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(SHARE);
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Link copied');
    expect(status).toHaveAttribute('aria-live', 'polite');
  });

  it('offers the link to copy by hand when copying fails', async () => {
    const { user } = setup();
    writeText.mockRejectedValue(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(screen.getByRole('status')).toHaveTextContent(/Could not copy the link/);
    expect(screen.getByRole('textbox', { name: 'Link to this view' })).toHaveValue(SHARE);
  });

  it('has no "Copy link" when there is no link to give (a snapshot that does not say where it was taken)', () => {
    setup({ share: null });
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Export CSV' })).toBeInTheDocument();
  });

  it('builds the CSV only when asked and downloads it under a safe name', async () => {
    const { user, props } = setup();
    expect(props.buildCsv).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(props.buildCsv).toHaveBeenCalledTimes(1);
    expect(saved()).toEqual(['versus- my dataset.csv']);
    expect(downloads.blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(screen.getByRole('status')).toHaveTextContent('Saved versus- my dataset.csv');
  });

  it('downloads JSON', async () => {
    const { user, props } = setup();
    await user.click(screen.getByRole('button', { name: 'Export JSON' }));
    expect(props.buildJson).toHaveBeenCalledTimes(1);
    expect(saved()).toEqual(['versus- my dataset.json']);
    expect(await downloads.blobs[0]?.text()).toBe('{"rows":[]}');
  });

  it('reports a failed export instead of crashing', async () => {
    const { user } = setup({
      buildCsv: () => {
        throw new Error('no rows loaded');
      },
    });
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(screen.getByRole('status')).toHaveTextContent('Export failed: no rows loaded');
    expect(saved()).toEqual([]);
  });

  it('groups its buttons under an accessible name', () => {
    setup();
    expect(screen.getByRole('group', { name: 'Share and export' })).toBeInTheDocument();
  });
});
