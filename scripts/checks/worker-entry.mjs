// The entry point of a validation worker thread (see ./pool.ts). Worker threads do not inherit the parent's module
// hooks, so this plain-JavaScript file registers tsx in the thread before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
