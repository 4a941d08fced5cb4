import type { Workspace } from '../../load/workspace.js';
import type { FileVisitor } from '../visitor.js';
import { awilix } from './awilix/index.js';
import { fastify } from './fastify/index.js';
import { iocContainers } from './ioc-containers/index.js';
import { nestjs } from './nestjs/index.js';

/** A framework that wires files together at run time; its visitor adds the edges no import shows. */
export interface FrameworkAdapter {
  name: string;
  detect(workspace: Workspace): boolean;
  createVisitor(): FileVisitor;
}

/** Every framework adapter, by name. Order does not matter: each contributes its own facts. */
export const frameworkAdapters: FrameworkAdapter[] = [nestjs, awilix, fastify, iocContainers];
