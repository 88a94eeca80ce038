import { en } from 'zod/locales';
import { z } from 'zod/mini';

/**
 * The one zod every schema imports: `zod/mini` (functional and tree-shakable, no methods
 * bound onto each schema at import time, which the page's boot paid for with classic zod),
 * with the English messages classic zod loads by itself and mini does not. They are what a
 * person reads when data breaks a schema (see `toProblems` and `explain-error.ts`).
 */
z.config(en());

export { z };
