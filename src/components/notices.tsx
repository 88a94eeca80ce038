/** Things the page ignored or adjusted, said once and dismissible. */
export function Notices({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <section className="notice notice--warning" aria-label="Notices">
      <ul>
        {notices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
