import { useContext } from 'react';
import { DataSourceContext, isPerUser } from '../lib/data-source';
import { signInAgain } from '../lib/versus-session';
import { type ApiError, isApiError } from './errors';

/**
 * Words a person can act on, for every kind of failure: what went wrong (`title`) and what to
 * do about it (`hint`). Kept with the errors it explains; components only show the words.
 */
export function explainError(
  error: unknown,
  what: string,
  /** Per-user mode: the key is the person's own, given at sign-in. */
  perUser = false,
): { title: string; hint: string } {
  if (!isApiError(error)) {
    return {
      title: `Could not load ${what}.`,
      hint: error instanceof Error ? error.message : 'Something unexpected went wrong.',
    };
  }
  return explainApiError(error, what, perUser);
}

export type ErrorWords = {
  title: string;
  hint: string;
  /** Set when signing in again is the way out (per-user mode, a refused key). */
  onSignIn?: () => void;
};

/**
 * `explainError` for the page's data source: in per-user mode a refused key is the person's
 * own, so the words say to sign in again and `onSignIn` offers it.
 */
export function useExplainError(): (error: unknown, what: string) => ErrorWords {
  const perUser = isPerUser(useContext(DataSourceContext));
  return (error, what) => {
    const words = explainError(error, what, perUser);
    const refused = perUser && isApiError(error) && error.kind === 'unauthorized';
    return refused ? { ...words, onSignIn: () => void signInAgain() } : words;
  };
}

function explainApiError(
  error: ApiError,
  what: string,
  perUser: boolean,
): { title: string; hint: string } {
  switch (error.kind) {
    case 'unauthorized':
      return {
        title: `LangSmith refused the request for ${what} (${error.status}).`,
        hint: perUser
          ? 'The API key is missing or wrong, or your sign-in has ended. Sign in again with your LangSmith API key (and workspace ID for a multi-workspace key).'
          : 'The API key is missing or wrong. Set LANGSMITH_API_KEY (and LANGSMITH_WORKSPACE_ID for a multi-workspace key) in the environment of `npm start`, then restart it.',
      };
    case 'not-found':
      return {
        title: `Not found: ${what}.`,
        hint: `${error.message} Check that the id is right and belongs to this workspace.`,
      };
    case 'validation':
      return {
        title: `The server rejected the request for ${what}.`,
        hint:
          error.detail.length > 0
            ? error.detail.map((d) => `${d.loc.join('.')}: ${d.msg}`).join('; ')
            : error.message,
      };
    case 'rate-limited':
      return {
        title: `LangSmith is rate-limiting requests for ${what}.`,
        hint: 'Wait a moment and retry.',
      };
    case 'server':
      return {
        title: `LangSmith had a server error loading ${what} (${error.status}).`,
        hint: error.message,
      };
    case 'network':
      return { title: `Could not reach the server for ${what}.`, hint: error.message };
    case 'timeout':
      return { title: `Loading ${what} took too long.`, hint: error.message };
    case 'not-json':
      return {
        title: `The server's answer for ${what} is not JSON.`,
        hint: `It began: ${error.bodySnippet ?? '(empty)'}`,
      };
    case 'schema':
      return {
        title: `The server's answer for ${what} does not match the LangSmith API.`,
        hint: error.problems.map((p) => `${p.path}: ${p.message} (got ${p.value})`).join('; '),
      };
    case 'request-invalid':
      return { title: `This view cannot be requested.`, hint: error.message };
    default:
      return { title: `Could not load ${what}.`, hint: error.message };
  }
}
