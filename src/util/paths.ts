import path from 'node:path';

/** Converts a platform path to forward slashes so output is the same on every OS. */
export function toPosix(filePath: string): string {
  return path.sep === '/' ? filePath : filePath.split(path.sep).join('/');
}

/** Path of `absolute` relative to `root`, in POSIX form. */
export function toRelative(root: string, absolute: string): string {
  return toPosix(path.relative(root, absolute));
}

/** Whether `absolute` is `root` or below it; a name that merely starts with `..` (`..legacy/`) is inside. */
export function isInside(root: string, absolute: string): boolean {
  const relative = path.relative(root, absolute);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

export function getDirectory(posixPath: string): string {
  const index = posixPath.lastIndexOf('/');
  return index < 0 ? '' : posixPath.slice(0, index);
}
