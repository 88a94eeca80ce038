import './export.css';
import { useEffect, useId, useRef, useState } from 'react';
import { downloadText } from '../../lib/download';
import { copyText, safeFileName } from './download';

export interface ExportMenuProps {
  /** Called on click only, so large exports (and their code) cost nothing until asked for. */
  buildCsv: () => string | Promise<string>;
  buildJson: () => string | Promise<string>;
  fileBase: string;
  /**
   * The view's link (the app guarantees it never contains a key) and what it opens when that is
   * not this page; null: no link to give (no "Copy link").
   */
  share: { url: string; note?: string } | null;
}

/** Long enough to be read, short enough that a repeat copy is announced again. */
const MESSAGE_MS = 4000;

export function ExportMenu({ buildCsv, buildJson, fileBase, share }: ExportMenuProps) {
  const [message, setMessage] = useState('');
  const [copyFailed, setCopyFailed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const linkId = useId();

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const announce = (text: string, sticky = false) => {
    if (timer.current) clearTimeout(timer.current);
    setMessage(text);
    if (!sticky) timer.current = setTimeout(() => setMessage(''), MESSAGE_MS);
  };

  const copyLink = async () => {
    if (!share) return;
    const ok = await copyText(share.url);
    setCopyFailed(!ok);
    announce(ok ? 'Link copied' : 'Could not copy the link. Select it below and copy it.', !ok);
  };

  const save = async (
    extension: 'csv' | 'json',
    mime: string,
    build: () => string | Promise<string>,
  ) => {
    const filename = `${safeFileName(fileBase)}.${extension}`;
    try {
      downloadText(filename, mime, await build());
      announce(`Saved ${filename}`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      announce(`Export failed: ${reason}`, true);
    }
  };

  return (
    <div className="export-menu">
      <fieldset className="export-menu__actions">
        <legend className="visually-hidden">Share and export</legend>
        {share ? (
          <button type="button" className="button" onClick={copyLink} title={share.note}>
            Copy link
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          onClick={() => save('csv', 'text/csv;charset=utf-8', buildCsv)}
        >
          Export CSV
        </button>
        <button
          type="button"
          className="button"
          onClick={() => save('json', 'application/json;charset=utf-8', buildJson)}
        >
          Export JSON
        </button>
      </fieldset>
      <p className="export-menu__status" role="status" aria-live="polite">
        {message}
      </p>
      {copyFailed && share ? (
        <div className="field export-menu__manual">
          <label htmlFor={linkId}>Link to this view</label>
          <input
            id={linkId}
            className="input"
            readOnly
            value={share.url}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
    </div>
  );
}
