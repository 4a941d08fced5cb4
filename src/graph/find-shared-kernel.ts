import picomatch from 'picomatch';
import type { AnalysisOptions } from '../types.js';
import { compareStrings } from '../util/sort.js';
import type { DependencyGraph, SharedKernelFile } from './dependency-graph.js';

/** The reason given for a file the configuration puts in the shared kernel. */
export const KERNEL_GLOB_REASON = 'matched a shared-kernel glob in the configuration';

/**
 * A file that loads this many files of its own folder by computed name is a registry, like a
 * composition root: clustered, its edges to every model pulled them into one service.
 */
const MIN_FILES_OF_FOLDER_LOADER = 3;

/** Conventional names of cross-cutting code; such files need less evidence to count as kernel. */
const CROSS_CUTTING_NAME =
  /(^|\/)(logger|logging|log|config|configuration|constants?|utils?|utilities|helpers?|common|shared|core|base[\w-]*|types|errors?|exceptions?|env|environment)(\.[\w.-]+)?(\/|$)/i;

/** Whether a file or folder has a conventional name of cross-cutting code (`utils/`, `logger.ts`, `common/`). */
export function hasCrossCuttingName(path: string): boolean {
  return CROSS_CUTTING_NAME.test(path);
}

/**
 * Sets aside the files that nearly everything depends on (logger, config, utils, base classes)
 * and the composition roots that import nearly everything (main.ts, app.module.ts, a router
 * index): left in, either kind would glue every candidate service into one.
 *
 * - used by at least `minFanInRatio` of the files (a third of that for conventional names),
 * - imports at least `minFanInRatio` of the files while few files import it (composition root),
 * - or used only by files already in the kernel.
 */
export function findSharedKernel(graph: DependencyGraph, options: AnalysisOptions): SharedKernelFile[] {
  const files = graph.filterNodes((_node, attributes) => attributes.type === 'file').sort(compareStrings);
  // Thresholds count connected files only, so that adding an unconnected file changes nothing.
  const fileCount = files.filter((file) => graph.degree(file) > 0).length;
  const kernel = new Map<string, string>();
  const include = options.sharedKernel.include.length > 0 ? picomatch(options.sharedKernel.include, { dot: true }) : null;
  const exclude = options.sharedKernel.exclude.length > 0 ? picomatch(options.sharedKernel.exclude, { dot: true }) : null;
  const threshold = Math.max(4, Math.ceil(options.sharedKernel.minFanInRatio * fileCount));
  const conventionalThreshold = Math.max(3, Math.ceil((options.sharedKernel.minFanInRatio / 3) * fileCount));

  // sequelize-cli's `models/index.js`: a `dynamic` edge to every file of its own folder.
  const countLoadedFolderFiles = (file: string) => {
    const folder = file.slice(0, file.lastIndexOf('/') + 1);
    return graph.outEdges(file).filter((edge) => {
      const target = graph.target(edge);
      return target.startsWith(folder) && !target.slice(folder.length).includes('/') && graph.getEdgeAttribute(edge, 'kinds').includes('dynamic');
    }).length;
  };
  const importersOf = (file: string) => graph.inNeighbors(file).filter((n) => graph.getNodeAttribute(n, 'type') === 'file');
  const importsOf = (file: string) => graph.outNeighbors(file).filter((n) => graph.getNodeAttribute(n, 'type') === 'file');

  for (const file of files) {
    if (exclude?.(file)) continue;
    if (include?.(file)) {
      kernel.set(file, KERNEL_GLOB_REASON);
      continue;
    }
    if (fileCount < 8) continue;
    const fanIn = importersOf(file).length;
    const fanOut = importsOf(file).length;
    const loaded = countLoadedFolderFiles(file);
    if (loaded >= MIN_FILES_OF_FOLDER_LOADER) {
      kernel.set(file, `folder loader: loads the ${loaded} files of its folder`);
    } else if (fanIn >= threshold) {
      kernel.set(file, `used by ${fanIn} of ${fileCount} files`);
    } else if (fanIn >= conventionalThreshold && hasCrossCuttingName(file) && fanOut <= fanIn) {
      kernel.set(file, `cross-cutting by name and used by ${fanIn} files`);
    } else if (fanOut >= Math.max(10, threshold) && fanIn <= 1) {
      kernel.set(file, `composition root: imports ${fanOut} files and is imported by ${fanIn}`);
    }
  }

  for (let changed = true; changed; ) {
    changed = false;
    for (const file of files) {
      if (kernel.has(file) || exclude?.(file)) continue;
      const importers = importersOf(file);
      if (importers.length > 0 && importers.every((importer) => kernel.has(importer))) {
        const onlyRoots = importers.every((importer) => kernel.get(importer)?.startsWith('composition root'));
        if (onlyRoots) continue;
        kernel.set(file, 'used only by the shared kernel');
        changed = true;
      }
    }
  }
  return [...kernel.entries()].map(([path, reason]) => ({ path, reason })).sort((a, b) => compareStrings(a.path, b.path));
}
