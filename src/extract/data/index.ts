import type { DataAdapter } from './adapter.js';

/** Every data-access adapter, by name. Order does not matter: each contributes its own facts. */
export const dataAdapters: DataAdapter<any>[] = [];
