import type { Group } from '../../api/grouped-runs';
import { summariseGroup } from './summarise';

export function GroupSummary({ groups, metadataKey }: { groups: Group[]; metadataKey: string }) {
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
        {groups.map((group, index) => {
          const card = summariseGroup(group, metadataKey, index);
          return (
            <li key={card.id} className="card" data-group-key={String(group.key)}>
              <h3 className="card__title" title={card.title}>
                {card.title}
              </h3>
              <dl className="card__metrics">
                {card.metrics.map((m) => (
                  <div key={m.label} className="card__metric">
                    <dt>{m.label}</dt>
                    <dd>{m.value}</dd>
                  </div>
                ))}
              </dl>
              {card.feedback.length > 0 ? (
                <dl className="card__feedback">
                  {card.feedback.map((f) => (
                    <div key={f.key} className="card__metric">
                      <dt>{f.key}</dt>
                      <dd>{f.value}</dd>
                    </div>
                  ))}
                </dl>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
