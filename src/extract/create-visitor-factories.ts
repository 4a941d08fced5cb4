import type { Workspace } from '../load/workspace.js';
import type { DataAdapter } from './data/adapter.js';
import { dataAdapters } from './data/index.js';
import { frameworkAdapters } from './frameworks/index.js';
import { createStateVisitor } from './state/index.js';
import type { VisitorFactory } from './walk-file.js';

/** Which adapters apply to this workspace, with the options each one needs; plain data for workers. */
export interface EnabledAdapters {
  /** Names of the framework adapters that apply. */
  frameworks: string[];
  data: { name: string; options: unknown }[];
}

export function detectAdapters(workspace: Workspace): EnabledAdapters {
  const data: EnabledAdapters['data'] = [];
  for (const adapter of dataAdapters) {
    const options = adapter.detect(workspace);
    if (options !== null && options !== undefined) data.push({ name: adapter.name, options });
  }
  const frameworks = frameworkAdapters.filter((adapter) => adapter.detect(workspace)).map((adapter) => adapter.name);
  return { frameworks, data };
}

export function createVisitorFactories(enabled: EnabledAdapters): VisitorFactory[] {
  const factories: VisitorFactory[] = [createStateVisitor];
  for (const adapter of frameworkAdapters) {
    if (enabled.frameworks.includes(adapter.name)) factories.push(() => adapter.createVisitor());
  }
  for (const { name, options } of enabled.data) {
    const adapter = findAdapter(name);
    if (adapter) factories.push(() => adapter.createVisitor(options));
  }
  return factories;
}

export function findAdapter(name: string): DataAdapter<unknown> | undefined {
  return dataAdapters.find((adapter) => adapter.name === name);
}
