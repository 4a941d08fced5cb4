import type { FileFacts } from '../file-facts.js';
import type { ExportIndex } from './create-export-index.js';

/**
 * `file#name` of the declaration a name written in `file` stands for, through imports,
 * re-exports and barrels: `GET_INVOICE`, `Events.PLACED` (the member PLACED of whatever Events
 * is), `sql.LIST` through a namespace (`import * as sql`, `const sql = require('./sql')`: the
 * module's own LIST). Link steps key what files declare (constants, SQL texts, emitters,
 * injection tokens) the same way, so a use meets its declaration however it was imported.
 */
export function toDeclarationKey(exportIndex: ExportIndex, file: string, written: string): string {
  const dot = written.indexOf('.');
  const location = exportIndex.resolveLocal(file, dot < 0 ? written : written.slice(0, dot));
  if (dot < 0) return `${location.file}#${location.name}`;
  return location.name === '*' ? `${location.file}#${written.slice(dot + 1)}` : `${location.file}#${location.name}${written.slice(dot)}`;
}

/** Every module-level string constant (`ORDER_PLACED`, `Events.PLACED`, an enum member) by declaration key, with its value. */
export function collectStringConstants(files: readonly FileFacts[]): Map<string, string> {
  const constants = new Map<string, string>();
  for (const facts of files) for (const [name, value] of facts.stringConstants ?? []) constants.set(`${facts.path}#${name}`, value);
  return constants;
}
