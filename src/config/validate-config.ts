import type { z } from 'zod';
import { UsageError } from '../util/errors.js';
import { configSchema, type SeamsConfig } from './schema.js';

/** JSON has no comments, so `"//": "..."` keys serve as comments at any level; they are dropped. */
export function stripCommentKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripCommentKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('//'))
        .map(([key, child]) => [key, stripCommentKeys(child)]),
    );
  }
  return value;
}

/**
 * Validates parsed JSON against the config schema. A bad config stops the run with one line
 * naming the file, the key and the problem, e.g.
 * `seams.config.json: pins."src/**": expected a string, got number`.
 */
export function validateConfig(value: unknown, label: string, keyPrefix: string[] = []): SeamsConfig {
  const result = configSchema.safeParse(stripCommentKeys(value), { reportInput: true });
  if (result.success) return result.data;
  const [first, ...rest] = result.error.issues;
  const more = rest.length > 0 ? ` (+${rest.length} more ${rest.length === 1 ? 'problem' : 'problems'})` : '';
  throw new UsageError(`${label}: ${describeIssue(first!, keyPrefix)}${more}`);
}

function describeIssue(issue: z.core.$ZodIssue, keyPrefix: string[]): string {
  if (issue.code === 'unrecognized_keys') {
    const key = toKeyPath([...keyPrefix, ...issue.path, issue.keys[0]!]);
    return `${key}: unknown key${issue.keys.length > 1 ? ` (and ${issue.keys.length - 1} more)` : ''}`;
  }
  const key = toKeyPath([...keyPrefix, ...issue.path]) || '(top level)';
  return `${key}: ${toProblem(issue)}`;
}

function toProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    const received = (issue as { input?: unknown }).input;
    return `expected ${withArticle(issue.expected)}${received === undefined ? '' : `, got ${describeValue(received)}`}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

/** `["pins", "src/**"]` → `pins."src/**"`; array indexes as `[0]`. */
export function toKeyPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const name = String(segment);
      const plain = /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
      text += text === '' ? plain : `.${plain}`;
    }
  }
  return text;
}
