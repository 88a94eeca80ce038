import './pickers.css';
import { useQueries } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { type FocusEvent, useId, useMemo, useRef, useState } from 'react';
import type { GroupBy } from '../../api/grouped-runs/request';
import { mergeMetadata, sessionMetadataQuery } from '../../api/session-metadata';

interface Suggestion {
  key: string;
  values: string[];
}

/**
 * Metadata key combobox: suggestions from the sessions' metadata endpoint (run metadata),
 * free text always allowed (Enter or leaving the field commits it). A chosen key stays until
 * the Clear button removes it: emptying the text and leaving, or Escape, brings it back.
 */
export function MetadataKeyPicker({
  groupBy,
  sessionIds,
  value,
  onChange,
}: {
  groupBy: GroupBy;
  sessionIds: string[];
  value: string;
  onChange: (key: string) => void;
}) {
  // With a key already chosen (a link), the suggestions wait until the picker is used: one
  // request per experiment would otherwise compete with the comparison's own data.
  const [wanted, setWanted] = useState(false);
  const metadata = useQueries({
    queries: (groupBy === 'run_metadata' && (wanted || value === '') ? sessionIds : []).map((id) =>
      sessionMetadataQuery(id),
    ),
    // `combine` keeps a stable result while the data does not change.
    combine: (results) => ({
      loaded: results.flatMap((q) => (q.data ? [q.data] : [])),
      failed: results.some((q) => q.isError),
      // Every experiment's keys are in (and there were experiments to ask).
      settled: results.length > 0 && results.every((q) => q.isSuccess),
    }),
  });
  const failed = metadata.failed;
  const suggestions = useMemo<Suggestion[]>(
    () => mergeMetadata(metadata.loaded).map(([key, values]) => ({ key, values })),
    [metadata.loaded],
  );

  // Downshift owns the input's text (a controlled text lags fast typing); `typed` mirrors it
  // for filtering the suggestions.
  const [typed, setTyped] = useState(value);
  const query = typed.trim().toLowerCase();
  const items = useMemo(
    () =>
      query && query !== value.toLowerCase()
        ? suggestions.filter((s) => s.key.toLowerCase().includes(query))
        : suggestions,
    [suggestions, query, value],
  );

  // The chosen key, as downshift's (controlled) selected item: it keeps the input showing the
  // key after a pick, and follows the URL (back/forward, a link). Compared by key, not object.
  const selectedItem = useMemo<Suggestion | null>(
    () => (value ? (suggestions.find((s) => s.key === value) ?? { key: value, values: [] }) : null),
    [suggestions, value],
  );

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== value) onChange(trimmed);
  };

  const combobox = useCombobox<Suggestion>({
    items,
    selectedItem,
    itemToKey: (item) => item?.key ?? null,
    initialInputValue: value,
    itemToString: (item) => item?.key ?? '',
    onInputValueChange: ({ inputValue: next }) => setTyped(next ?? ''),
    onIsOpenChange: ({ isOpen }) => {
      if (isOpen) setWanted(true);
    },
    onSelectedItemChange: ({ selectedItem: picked }) => {
      if (picked) commit(picked.key);
    },
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        // Leaving the field keeps what was typed (committed as free text by onBlur), unless
        // downshift picked the highlighted key; an emptied field gets the chosen key back.
        case useCombobox.stateChangeTypes.InputBlur:
          return changes.selectedItem !== state.selectedItem
            ? changes
            : { ...changes, inputValue: state.inputValue.trim() === '' ? value : state.inputValue };
        // Escape takes back what was typed; it never clears the key (the Clear button does).
        case useCombobox.stateChangeTypes.InputKeyDownEscape:
          return state.isOpen
            ? changes
            : { ...changes, selectedItem: state.selectedItem, inputValue: value };
        default:
          return changes;
      }
    },
  });

  const inputRef = useRef<HTMLInputElement | null>(null);
  const hintId = useId();
  const boxRef = useRef<HTMLDivElement | null>(null);
  /** Free text is committed on Enter or blur; an empty field is not a clear. */
  const commitTyped = () => {
    const text = combobox.inputValue.trim();
    if (text === '') combobox.setInputValue(value);
    else commit(text);
  };
  // Leaving the picker (not moving to its own buttons) commits typed text; a highlighted key
  // that downshift picks on blur is committed by onSelectedItemChange instead.
  const onLeave = (event: FocusEvent) => {
    const to = event.relatedTarget;
    if (to instanceof Node && boxRef.current?.contains(to)) return;
    if (combobox.isOpen && combobox.highlightedIndex >= 0) return;
    commitTyped();
  };
  const clear = () => {
    combobox.setInputValue('');
    onChange('');
    inputRef.current?.focus();
  };

  return (
    <div className="picker picker--key">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: getLabelProps() supplies htmlFor */}
      <label className="picker__label" {...combobox.getLabelProps()}>
        Metadata key
      </label>
      <div className="combobox" ref={boxRef}>
        <input
          className="combobox__input"
          placeholder={groupBy === 'run_metadata' ? 'e.g. model' : 'e.g. topic'}
          {...combobox.getInputProps({
            ref: inputRef,
            'aria-describedby': hintId,
            onBlur: onLeave,
            onKeyDown: (event) => {
              if (event.key === 'Enter' && combobox.highlightedIndex < 0) {
                commitTyped();
                combobox.closeMenu();
              }
            },
            onFocus: () => setWanted(true),
          })}
        />
        {value !== '' || combobox.inputValue !== '' ? (
          <button
            type="button"
            className="combobox__clear"
            aria-label="Clear metadata key"
            title="Clear metadata key"
            onClick={clear}
            onBlur={onLeave}
          >
            <span aria-hidden="true">×</span>
          </button>
        ) : null}
        <button
          type="button"
          className="combobox__toggle"
          aria-label="Show metadata keys"
          {...combobox.getToggleButtonProps({ onBlur: onLeave })}
        >
          <span aria-hidden="true">▾</span>
        </button>
        <ul className="combobox__menu" {...combobox.getMenuProps()} hidden={!combobox.isOpen}>
          {combobox.isOpen
            ? items.map((item, index) => (
                <li
                  key={item.key}
                  className={`combobox__item${combobox.highlightedIndex === index ? ' is-highlighted' : ''}${item.key === value ? ' is-selected' : ''}`}
                  {...combobox.getItemProps({ item, index })}
                >
                  <span className="combobox__item-name">{item.key}</span>
                  <span className="combobox__item-meta">
                    {item.values.slice(0, 4).join(', ')}
                    {item.values.length > 4 ? ', …' : ''}
                  </span>
                </li>
              ))
            : null}
        </ul>
      </div>
      <p className="picker__hint" id={hintId}>
        {groupBy === 'example_metadata'
          ? 'Type a key of the examples’ metadata, then press Enter.'
          : failed
            ? 'Suggestions could not be loaded; type a key and press Enter.'
            : sessionIds.length === 0
              ? 'Choose experiments to see their metadata keys.'
              : metadata.settled && suggestions.length === 0
                ? 'These experiments’ runs have no metadata keys yet; type one and press Enter.'
                : 'Pick a key, or type one and press Enter.'}
      </p>
    </div>
  );
}
