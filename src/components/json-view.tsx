import './json-view.css';
import { useState } from 'react';
import { plural } from '../lib/plural';

/**
 * Collapsible JSON as text (never HTML). Children render only when opened, so a
 * 1,000-level nested object or a huge array costs nothing until someone looks; long
 * strings are cut with a button to show them whole.
 */
const STRING_PREVIEW = 2_000;
const ENTRIES_PAGE = 100;

export function JsonView({
  value,
  label,
  defaultOpen = true,
}: {
  value: unknown;
  label?: string;
  defaultOpen?: boolean;
}) {
  return (
    <div className="json-view">
      <JsonNode name={label} value={value} depth={0} defaultOpen={defaultOpen} />
    </div>
  );
}

function JsonNode({
  name,
  value,
  depth,
  defaultOpen,
}: {
  name?: string;
  value: unknown;
  depth: number;
  defaultOpen: boolean;
}) {
  const [open, setOpen] = useState(defaultOpen && depth < 2);
  const [limit, setLimit] = useState(ENTRIES_PAGE);
  const prefix = name !== undefined ? <span className="json-view__key">{name}: </span> : null;
  if (value === null || typeof value !== 'object') {
    return (
      <div className="json-view__leaf">
        {prefix}
        <JsonScalar value={value} />
      </div>
    );
  }
  const entries = Array.isArray(value)
    ? value.map((v, i) => [String(i), v] as const)
    : Object.entries(value as Record<string, unknown>);
  const brackets = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return (
    <details
      className="json-view__node"
      open={open}
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        {prefix}
        <span className="json-view__meta">
          {brackets[0]} {plural(entries.length, Array.isArray(value) ? 'item' : 'key')}{' '}
          {brackets[1]}
        </span>
      </summary>
      {open ? (
        <div className="json-view__children">
          {entries.slice(0, limit).map(([k, v]) => (
            <JsonNode key={k} name={k} value={v} depth={depth + 1} defaultOpen={defaultOpen} />
          ))}
          {entries.length > limit ? (
            <button
              type="button"
              className="button button--tiny"
              onClick={() => setLimit(limit + ENTRIES_PAGE)}
            >
              Show {Math.min(ENTRIES_PAGE, entries.length - limit)} more of {entries.length - limit}
            </button>
          ) : null}
        </div>
      ) : null}
    </details>
  );
}

function JsonScalar({ value }: { value: unknown }) {
  const [full, setFull] = useState(false);
  if (typeof value !== 'string') {
    return (
      <span className={`json-view__${value === null ? 'null' : typeof value}`}>
        {String(value)}
      </span>
    );
  }
  const cut = !full && value.length > STRING_PREVIEW;
  return (
    <span className="json-view__string">
      {cut ? `${value.slice(0, STRING_PREVIEW)}…` : value}
      {cut ? (
        <button type="button" className="button button--tiny" onClick={() => setFull(true)}>
          Show all {value.length.toLocaleString('en-US')} characters
        </button>
      ) : null}
    </span>
  );
}
