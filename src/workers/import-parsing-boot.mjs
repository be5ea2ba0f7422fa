// Entry of the import-parsing worker thread: the application runs TypeScript through tsx (decision 0001), and a
// worker thread has its own module loader, so it registers tsx before loading the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./import-parsing-worker.ts');
