/**
 * A failure, in the words `explainError` (src/api/explain-error.ts) chose, with a retry, or
 * with "Sign in again" where the person's own key was refused (per-user mode).
 */
export function ErrorMessage({
  title,
  hint,
  onRetry,
  onSignIn,
}: {
  title: string;
  hint: string;
  onRetry?: () => void;
  onSignIn?: () => void;
}) {
  return (
    <div role="alert" className="notice notice--error">
      <p>
        <strong>{title}</strong>
      </p>
      <p className="notice__hint">{hint}</p>
      {onSignIn ? (
        <button type="button" className="button" onClick={onSignIn}>
          Sign in again
        </button>
      ) : onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </div>
  );
}
