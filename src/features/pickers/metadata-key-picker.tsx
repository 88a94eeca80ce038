import './pickers.css';
import { useQueries } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { useEffect, useMemo, useState } from 'react';
import type { GroupBy } from '../../api/grouped-runs/request';
import { mergeMetadata, sessionMetadataQuery } from '../../api/session-metadata';

interface Suggestion {
  key: string;
  values: string[];
}

/**
 * Metadata key combobox: suggestions from the sessions' metadata endpoint (run metadata),
 * free text always allowed (Enter or leaving the field commits it).
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

  const commit = (next: string) => {
    const trimmed = next.trim();
    if (trimmed !== value) onChange(trimmed);
  };

  const combobox = useCombobox<Suggestion>({
    items,
    selectedItem: null,
    initialInputValue: value,
    itemToString: (item) => item?.key ?? '',
    onInputValueChange: ({ inputValue: next }) => setTyped(next ?? ''),
    onIsOpenChange: ({ isOpen }) => {
      if (isOpen) setWanted(true);
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) commit(selectedItem.key);
    },
    stateReducer: (state, { type, changes }) => {
      // Leaving the field keeps what was typed (it is committed as free text).
      if (type === useCombobox.stateChangeTypes.InputBlur) {
        return { ...changes, inputValue: state.inputValue };
      }
      return changes;
    },
  });

  // The URL may change the key (back/forward, a link): show it.
  const { setInputValue } = combobox;
  useEffect(() => setInputValue(value), [value, setInputValue]);

  return (
    <div className="picker picker--key">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: getLabelProps() supplies htmlFor */}
      <label className="picker__label" {...combobox.getLabelProps()}>
        Metadata key
      </label>
      <div className="combobox">
        <input
          className="combobox__input"
          placeholder={groupBy === 'run_metadata' ? 'e.g. model' : 'e.g. topic'}
          {...combobox.getInputProps({
            onKeyDown: (event) => {
              if (event.key === 'Enter' && combobox.highlightedIndex < 0) {
                commit(combobox.inputValue);
                combobox.closeMenu();
              }
            },
            onBlur: () => commit(combobox.inputValue),
            onFocus: () => setWanted(true),
          })}
        />
        <button
          type="button"
          className="combobox__toggle"
          aria-label="Show metadata keys"
          {...combobox.getToggleButtonProps()}
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
      <p className="picker__hint">
        {groupBy === 'example_metadata'
          ? 'Type a key of the examples’ metadata, then press Enter.'
          : failed
            ? 'Suggestions could not be loaded; type a key and press Enter.'
            : sessionIds.length === 0
              ? 'Choose experiments to see their metadata keys.'
              : 'Pick a key, or type one and press Enter.'}
      </p>
    </div>
  );
}
