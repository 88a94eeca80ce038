import { useId } from 'react';
import { ADJUST_METHODS, type AdjustMethod } from '../../../lib/statistics/adjust';
import type { StatsInput } from '../model/types';

const ADJUST_OPTIONS: Record<AdjustMethod, string> = {
  holm: 'Holm (family-wise)',
  bh: 'Benjamini–Hochberg (false discovery rate)',
  none: 'None',
};

/** The panel's choices: key, cluster key, adjustment and which view. */
export function StatsControls({
  inputs,
  selectedKey,
  onSelectKey,
  cluster,
  onCluster,
  metadataKeys,
  adjust,
  onAdjust,
  slices,
  onSlices,
}: {
  inputs: readonly StatsInput[];
  selectedKey: string;
  onSelectKey: (key: string) => void;
  cluster: string | null;
  onCluster: (key: string | null) => void;
  metadataKeys: readonly string[];
  adjust: AdjustMethod;
  onAdjust: (method: AdjustMethod) => void;
  slices: boolean;
  onSlices: (slices: boolean) => void;
}) {
  const keyId = useId();
  const clusterId = useId();
  const adjustId = useId();
  return (
    <div className="stats__controls">
      <div className="field">
        <label htmlFor={keyId}>Statistic for key</label>
        <select
          id={keyId}
          className="input"
          value={selectedKey}
          onChange={(e) => onSelectKey(e.target.value)}
        >
          {inputs.map((i) => (
            <option key={i.key} value={i.key}>
              {i.key}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={clusterId}>Cluster by</label>
        <select
          id={clusterId}
          className="input"
          value={cluster ?? ''}
          onChange={(e) => onCluster(e.target.value === '' ? null : e.target.value)}
        >
          <option value="">No clustering</option>
          {cluster !== null && !metadataKeys.includes(cluster) ? (
            <option value={cluster}>{cluster} (not on these examples)</option>
          ) : null}
          {metadataKeys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={adjustId}>Adjust p-values</label>
        <select
          id={adjustId}
          className="input"
          value={adjust}
          onChange={(e) => onAdjust(e.target.value as AdjustMethod)}
        >
          {ADJUST_METHODS.map((m) => (
            <option key={m} value={m}>
              {ADJUST_OPTIONS[m]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="stats__views">
        <legend>Show</legend>
        <button
          type="button"
          className="button button--tiny"
          aria-pressed={!slices}
          onClick={() => onSlices(false)}
        >
          By experiment
        </button>
        <button
          type="button"
          className="button button--tiny"
          aria-pressed={slices}
          onClick={() => onSlices(true)}
        >
          Slices by group
        </button>
      </fieldset>
    </div>
  );
}
