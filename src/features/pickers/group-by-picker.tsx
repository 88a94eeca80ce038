import './pickers.css';
import { useId } from 'react';
import type { GroupBy } from '../../api/grouped-runs/request';

const OPTIONS: { value: GroupBy; label: string; hint: string }[] = [
  { value: 'run_metadata', label: 'Run metadata', hint: 'e.g. model, prompt version' },
  { value: 'example_metadata', label: 'Example metadata', hint: 'e.g. topic, difficulty' },
];

export function GroupByPicker({
  value,
  onChange,
}: {
  value: GroupBy;
  onChange: (groupBy: GroupBy) => void;
}) {
  const name = useId();
  return (
    <fieldset className="picker picker--group-by">
      <legend className="picker__label">Group by</legend>
      {OPTIONS.map((option) => (
        <label key={option.value} className="radio">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          <span>{option.label}</span>
          <span className="radio__hint">{option.hint}</span>
        </label>
      ))}
    </fieldset>
  );
}
