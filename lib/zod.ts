/**
 * The one way Crosscheck imports zod: its "mini" build, with English error messages.
 *
 * Why mini: classic zod hangs every method (`.max()`, `.optional()`, `.transform()`, and the JSON
 * Schema converter) on each schema, so one schema brings all of zod (~20 KB gzipped) into every
 * bundle — the content script included, which every page the reader opens parses. Mini's
 * functions (`z.string().check(z.maxLength(5))`, `z.optional(…)`) bring only what is used, and
 * parse as classic zod does (both are zod's one core; mini only lacks classic's eval-compiled
 * fast path for objects, which the extension's CSP forbids anyway: its entry points turn it off).
 * Why here: mini leaves out the English messages classic zod loads itself, and the refusals the
 * extension sends quote them ("malformed message: index: Too small: expected number to be
 * >=0"), so every module that validates imports zod from this module, which loads them once.
 * ESLint refuses an import of 'zod' itself (eslint.config.js).
 */
import * as z from 'zod/mini';
import { en } from 'zod/locales';

z.config(en());

export { z };
