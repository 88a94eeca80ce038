import type { SessionInfo } from '../matrix-context';
import type { FeedbackKeyInfo, MatrixSettings } from '../model/types';

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...new Set([...list, value])] : list.filter((v) => v !== value);
}

/** Which experiments and keys the matrix shows, which keys are lower-is-better, the metric line. */
export function ShowHidePanel({
  settings,
  onChange,
  sessions,
  feedbackKeys,
}: {
  settings: MatrixSettings;
  onChange: (patch: Partial<MatrixSettings>) => void;
  sessions: SessionInfo[];
  feedbackKeys: FeedbackKeyInfo[];
}) {
  return (
    <details className="disclosure">
      <summary className="button">Columns and keys</summary>
      <div className="disclosure__panel">
        <fieldset>
          <legend>Experiments</legend>
          {sessions.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={!settings.hidden.includes(s.id)}
                onChange={(e) =>
                  onChange({ hidden: toggle(settings.hidden, s.id, !e.target.checked) })
                }
              />
              {s.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Feedback keys</legend>
          {feedbackKeys.length === 0 ? (
            <p className="picker__hint">No feedback in this view.</p>
          ) : null}
          {feedbackKeys.map((k) => (
            <div key={k.key} className="check-pair">
              <label className="check">
                <input
                  type="checkbox"
                  checked={!settings.hiddenKeys.includes(k.key)}
                  onChange={(e) =>
                    onChange({ hiddenKeys: toggle(settings.hiddenKeys, k.key, !e.target.checked) })
                  }
                />
                {k.key}
              </label>
              <label className="check check--minor">
                <input
                  type="checkbox"
                  checked={settings.flipped.includes(k.key)}
                  onChange={(e) =>
                    onChange({ flipped: toggle(settings.flipped, k.key, e.target.checked) })
                  }
                />
                lower is better
              </label>
            </div>
          ))}
        </fieldset>
        <label className="check">
          <input
            type="checkbox"
            checked={settings.metrics}
            onChange={(e) => onChange({ metrics: e.target.checked })}
          />
          Latency, tokens and cost line
        </label>
      </div>
    </details>
  );
}
