import type { GroupKey } from './report-index.js';

/** Tableau 10 then its lighter companions; beyond twenty, hues step by the golden angle. */
const PALETTE = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac',
  '#a0cbe8', '#ffbe7d', '#ff9d9a', '#86bcb6', '#8cd17d', '#f1ce63', '#d4a6c8', '#fabfd2', '#d7b5a6', '#79706e',
];

export const COLORS = {
  kernel: '#8c8c8c',
  unassigned: '#cfcfcf',
  table: '#d4a017',
  dependency: '#9aa5b1',
  inner: '#d5dbe1',
  read: '#4e79a7',
  write: '#e15759',
  readWrite: '#b07aa1',
  outgoing: '#e8833a',
  incoming: '#3a8de8',
  dim: '#eceff2',
  focus: '#111111',
} as const;

export function getServiceColor(index: number): string {
  return PALETTE[index] ?? toHex((index * 137.508) % 360, 0.55, 0.55);
}

/** HSL to #rrggbb (the CSS Color 4 formula): sigma's WebGL programs read hex and rgb() colours, not hsl(). */
function toHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

export function getGroupColor(group: GroupKey): string {
  if (group === 'kernel') return COLORS.kernel;
  if (group === 'unassigned') return COLORS.unassigned;
  return getServiceColor(group);
}
