import type { Workspace } from '../load/workspace.js';
import type { DataAdapter } from './data/adapter.js';
import { dataAdapters } from './data/index.js';
import { awilix } from './frameworks/awilix/index.js';
import { fastify } from './frameworks/fastify/index.js';
import { nestjs } from './frameworks/nestjs/index.js';
import { createStateVisitor } from './state/index.js';
import type { VisitorFactory } from './walk-file.js';

/** Which adapters apply to this workspace, with the options each one needs; plain data for workers. */
export interface EnabledAdapters {
  nestjs: boolean;
  awilix: boolean;
  fastify: boolean;
  data: { name: string; options: unknown }[];
}

export function detectAdapters(workspace: Workspace): EnabledAdapters {
  const data: EnabledAdapters['data'] = [];
  for (const adapter of dataAdapters) {
    const options = adapter.detect(workspace);
    if (options !== null && options !== undefined) data.push({ name: adapter.name, options });
  }
  return { nestjs: nestjs.detect(workspace), awilix: awilix.detect(workspace), fastify: fastify.detect(workspace), data };
}

export function createVisitorFactories(enabled: EnabledAdapters): VisitorFactory[] {
  const factories: VisitorFactory[] = [createStateVisitor];
  if (enabled.nestjs) factories.push(() => nestjs.createVisitor());
  if (enabled.awilix) factories.push(() => awilix.createVisitor());
  if (enabled.fastify) factories.push(() => fastify.createVisitor());
  for (const { name, options } of enabled.data) {
    const adapter = findAdapter(name);
    if (adapter) factories.push(() => adapter.createVisitor(options));
  }
  return factories;
}

export function findAdapter(name: string): DataAdapter<unknown> | undefined {
  return dataAdapters.find((adapter) => adapter.name === name);
}
