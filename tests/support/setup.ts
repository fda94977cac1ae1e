/** Vitest setup: the engine's data files handed to lib/ as the CLI does (scripts/node-data.ts). */
import '../../scripts/node-data';
