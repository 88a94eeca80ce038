import { setupServer } from 'msw/node';
import { handlers } from './handlers/index-list';

/** The demo handlers for Vitest: `server.listen({ onUnhandledRequest: 'error' })` in a setup file. */
export const server = setupServer(...handlers);
