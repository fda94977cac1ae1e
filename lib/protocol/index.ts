/**
 * The message protocol: one map of every message type (map.ts), who may send what (access.ts),
 * the typed `send`/`call` (send.ts) and `createHandler` (handle.ts). The envelope
 * (`Response`, `ok`, `fail`) and the data schemas stay in lib/messages.ts.
 */
export * from './map';
export * from './access';
export * from './send';
export * from './handle';
