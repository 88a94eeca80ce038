import { plural, pluralWord } from '../../lib/plural';
import { useComparison } from './comparison-context';

/** Items of the response that could not be read: how many, where and why. */
export function ReadIssues() {
  const { issues } = useComparison().result;
  if (issues.length === 0) return null;
  const n = issues.length;
  return (
    <details className="notice notice--warning">
      <summary>
        {plural(n, 'item')} could not be read and {pluralWord(n, 'is', 'are')} left out; everything
        else is shown.
      </summary>
      <ul>
        {issues.slice(0, 100).map((issue) => (
          <li key={`${issue.path}:${issue.reason}`}>
            <code>{issue.path}</code>: {issue.reason} (got {issue.value})
          </li>
        ))}
      </ul>
      {n > 100 ? <p>…and {n - 100} more.</p> : null}
    </details>
  );
}
