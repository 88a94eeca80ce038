import './pickers.css';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCombobox } from 'downshift';
import { useEffect, useMemo, useState } from 'react';
import { type Dataset, datasetListQuery, datasetQuery } from '../../api/datasets';
import { useExplainError } from '../../api/explain-error';
import { ErrorMessage } from '../../components/error-message';
import { plural } from '../../lib/plural';
import { useDebouncedValue } from '../../lib/use-debounced-value';

type Item = { type: 'dataset'; dataset: Dataset } | { type: 'more' };

/** Searchable, paged dataset combobox (server-side `name_contains`, "Load more"). */
export function DatasetPicker({
  value,
  onChange,
}: {
  value: string | null;
  onChange: (datasetId: string | null) => void;
}) {
  const selected = useQuery({ ...datasetQuery(value ?? ''), enabled: value !== null });
  // Downshift owns the input's text (a controlled text lags fast typing); this mirrors
  // what was typed, for the server-side search.
  const [typed, setTyped] = useState<string | null>(null);
  const search = useDebouncedValue(typed ?? '', 250);
  const list = useInfiniteQuery(datasetListQuery(search));
  const explain = useExplainError();
  const selectedName = selected.data?.name ?? '';

  const items = useMemo<Item[]>(() => {
    const datasets = list.data?.pages.flat() ?? [];
    const out: Item[] = datasets.map((dataset) => ({ type: 'dataset', dataset }));
    if (list.hasNextPage) out.push({ type: 'more' });
    return out;
  }, [list.data, list.hasNextPage]);

  const combobox = useCombobox<Item>({
    items,
    selectedItem: null,
    itemToString: (item) => (item?.type === 'dataset' ? item.dataset.name : ''),
    onInputValueChange: ({ inputValue: next, type }) => {
      if (type === useCombobox.stateChangeTypes.InputChange) setTyped(next ?? '');
    },
    stateReducer: (state, { type, changes }) => {
      // "Load more" keeps the menu open and the text as typed instead of selecting anything.
      if (
        (type === useCombobox.stateChangeTypes.ItemClick ||
          type === useCombobox.stateChangeTypes.InputKeyDownEnter) &&
        changes.selectedItem?.type === 'more'
      ) {
        return { ...changes, isOpen: true, selectedItem: null, inputValue: state.inputValue };
      }
      return changes;
    },
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem?.type === 'more') {
        void list.fetchNextPage();
        return;
      }
      if (selectedItem?.type === 'dataset') {
        setTyped(null);
        onChange(selectedItem.dataset.id);
      }
    },
  });

  // Closed, the box shows the chosen dataset's name (also when the URL chose it).
  const { isOpen, setInputValue } = combobox;
  useEffect(() => {
    if (!isOpen) {
      setTyped(null);
      setInputValue(selectedName);
    }
  }, [isOpen, selectedName, setInputValue]);

  return (
    <div className="picker picker--dataset">
      {/* biome-ignore lint/a11y/noLabelWithoutControl: getLabelProps() supplies htmlFor */}
      <label className="picker__label" {...combobox.getLabelProps()}>
        Dataset
      </label>
      <div className="combobox">
        <input
          className="combobox__input"
          placeholder="Search datasets by name"
          {...combobox.getInputProps()}
        />
        <button
          type="button"
          className="combobox__toggle"
          aria-label="Show datasets"
          {...combobox.getToggleButtonProps()}
        >
          <span aria-hidden="true">▾</span>
        </button>
        <ul className="combobox__menu" {...combobox.getMenuProps()} hidden={!combobox.isOpen}>
          {combobox.isOpen && list.isPending ? (
            <li className="combobox__status">Loading datasets…</li>
          ) : null}
          {combobox.isOpen && list.isSuccess && items.length === 0 ? (
            <li className="combobox__status">
              {search ? `No dataset matches "${search}".` : 'No datasets in this workspace yet.'}
            </li>
          ) : null}
          {combobox.isOpen
            ? items.map((item, index) => (
                <li
                  key={item.type === 'dataset' ? item.dataset.id : 'more'}
                  className={`combobox__item${combobox.highlightedIndex === index ? ' is-highlighted' : ''}${item.type === 'dataset' && item.dataset.id === value ? ' is-selected' : ''}`}
                  {...combobox.getItemProps({ item, index })}
                >
                  {item.type === 'dataset' ? (
                    <>
                      <span className="combobox__item-name">{item.dataset.name}</span>
                      <span className="combobox__item-meta">
                        {plural(item.dataset.exampleCount, 'example')} ·{' '}
                        {plural(item.dataset.sessionCount, 'experiment')}
                      </span>
                    </>
                  ) : (
                    <span className="combobox__item-more">
                      {list.isFetchingNextPage ? 'Loading…' : 'Load more datasets'}
                    </span>
                  )}
                </li>
              ))
            : null}
        </ul>
      </div>
      {list.isError ? (
        <ErrorMessage {...explain(list.error, 'the datasets')} onRetry={() => list.refetch()} />
      ) : null}
      {selected.isError ? (
        <ErrorMessage
          {...explain(selected.error, `dataset ${value}`)}
          onRetry={() => selected.refetch()}
        />
      ) : null}
      {selected.data ? (
        <p className="picker__hint">
          {plural(selected.data.exampleCount, 'example')} ·{' '}
          {plural(selected.data.sessionCount, 'experiment')}
          {selected.data.description ? ` · ${selected.data.description}` : ''}
        </p>
      ) : null}
    </div>
  );
}
