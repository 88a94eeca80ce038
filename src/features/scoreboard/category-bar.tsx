/** A categorical key's distribution as one stacked bar, its shares also written out. */
const SHADES = 6;

export function CategoryBar({
  distribution,
}: {
  distribution: readonly { category: string; count: number; share: number }[];
}) {
  const text = distribution
    .filter((d) => d.count > 0)
    .map((d) => `${d.category} ${Math.round(d.share * 100)}%`)
    .join(', ');
  return (
    <span className="board__catbar-wrap">
      <span className="board__catbar" aria-hidden="true" title={text}>
        {distribution.map((d, i) =>
          d.count > 0 ? (
            <span
              key={d.category}
              className={`board__catseg board__catseg--${i % SHADES}`}
              style={{ width: `${d.share * 100}%` }}
            />
          ) : null,
        )}
      </span>
      <span className="board__note">{text}</span>
    </span>
  );
}
