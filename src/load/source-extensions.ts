export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];

/** Folders that hold dependencies, build output or tool state, never the code under analysis. */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.turbo',
  '.cache',
  '.seams',
  '.serverless',
  '.vercel',
  '.output',
  'bower_components',
]);

/** The skipped folders that hold a project's own compiled code. */
export const BUILD_FOLDERS = new Set(['dist', 'build', 'out', '.output']);

const DECLARATION_FILE = /\.d\.[cm]?ts$/;
const TEST_FILE = /\.(spec|test|e2e-spec|e2e)\.[cm]?[jt]sx?$/;
const TEST_FOLDERS = new Set(['__tests__', '__mocks__', 'test', 'tests', 'e2e', '__fixtures__']);

export function isSourceFile(fileName: string): boolean {
  if (DECLARATION_FILE.test(fileName)) return false;
  const dot = fileName.lastIndexOf('.');
  return dot > 0 && SOURCE_EXTENSIONS.includes(fileName.slice(dot));
}

export function isTestPath(relativePath: string): boolean {
  if (TEST_FILE.test(relativePath)) return true;
  const segments = relativePath.split('/');
  segments.pop();
  return segments.some((segment) => TEST_FOLDERS.has(segment));
}
