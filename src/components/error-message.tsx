/** A failure, in the words `explainError` (src/api/explain-error.ts) chose, with a retry. */
export function ErrorMessage({
  title,
  hint,
  onRetry,
}: {
  title: string;
  hint: string;
  onRetry?: () => void;
}) {
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{title}</strong>
      </p>
      <p className="notice__hint">{hint}</p>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
