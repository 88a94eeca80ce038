import type { Session } from '../../api/sessions';
import { formatScore } from '../../lib/format';

/** Headline feedback for a picker row: up to `max` keys with a numeric mean. */
export function headlineFeedback(session: Session, max = 3): string {
  const parts: string[] = [];
  for (const [key, stats] of Object.entries(session.feedback)) {
    if (parts.length >= max) break;
    if (stats.mean !== null) parts.push(`${key} ${formatScore(stats.mean)}`);
    else if (stats.kind === 'categorical') {
      const top = Object.entries(stats.categories).sort((a, b) => b[1] - a[1])[0];
      if (top) parts.push(`${key} ${top[0]}`);
    }
  }
  return parts.join(' · ');
}

export function filterSessions(sessions: readonly Session[], query: string): Session[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...sessions];
  return sessions.filter(
    (s) =>
      s.name.toLowerCase().includes(q) ||
      Object.values(s.metadata).some((v) => typeof v === 'string' && v.toLowerCase().includes(q)),
  );
}

/** Moves `id` one place up or down in the display order. */
export function moveInOrder(ids: readonly string[], id: string, delta: -1 | 1): string[] {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return [...ids];
  const next = [...ids];
  [next[from], next[to]] = [next[to] as string, next[from] as string];
  return next;
}
