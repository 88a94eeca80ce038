import './summary.css';
import { memo, useState } from 'react';
import type { Group } from '../../api/grouped-runs/schemas';
import { summariseGroup } from './summarise';

/** Cards shown before "Show all", and feedback keys per card: 50 groups stay scannable. */
const CARD_LIMIT = 12;
const FEEDBACK_LIMIT = 6;

export const GroupSummary = memo(function GroupSummary({
  groups,
  metadataKey,
  baselineId = null,
}: {
  groups: Group[];
  metadataKey: string;
  /** The experiment the % changes are measured against. */
  baselineId?: string | null;
}) {
  const [showAll, setShowAll] = useState(false);
  if (groups.length === 0) {
    return (
      <p className="empty-state">
        No runs of these experiments carry the metadata key <code>{metadataKey}</code>. Try another
        key, or group by the other kind of metadata.
      </p>
    );
  }
  return (
    <section aria-label="Group summary" className="summary">
      <ul className="summary__cards">
        {(showAll ? groups : groups.slice(0, CARD_LIMIT)).map((group, index) => {
          const card = summariseGroup(group, metadataKey, index, { groups, baselineId });
          return (
            <li key={card.id} className="card" data-group-key={String(group.key)}>
              <h3 className="card__title" title={card.title}>
                {card.title}
              </h3>
              {card.baseline ? <p className="card__tag">Baseline</p> : null}
              <dl className="card__metrics">
                {card.metrics.map((m) => (
                  <div key={m.label} className="card__metric">
                    <dt>{m.label}</dt>
                    <dd>
                      {m.value}
                      {m.change ? <span className="card__change">{m.change}</span> : null}
                    </dd>
                  </div>
                ))}
              </dl>
              {card.feedback.length > 0 ? (
                <dl className="card__feedback">
                  {card.feedback.slice(0, FEEDBACK_LIMIT).map((f) => (
                    <div key={f.key} className="card__metric">
                      <dt title={f.key}>{f.key}</dt>
                      <dd>{f.value}</dd>
                    </div>
                  ))}
                  {card.feedback.length > FEEDBACK_LIMIT ? (
                    <div className="card__metric card__more">
                      <dt>+{card.feedback.length - FEEDBACK_LIMIT} more keys</dt>
                      <dd />
                    </div>
                  ) : null}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ul>
      {groups.length > CARD_LIMIT ? (
        <button type="button" className="button" onClick={() => setShowAll(!showAll)}>
          {showAll ? `Show the first ${CARD_LIMIT} groups` : `Show all ${groups.length} groups`}
        </button>
      ) : null}
    </section>
  );
});
