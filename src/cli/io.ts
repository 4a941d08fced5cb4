export interface CliStreams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
}

export const EXIT = { ok: 0, gateFailed: 1, usage: 2, internal: 3 } as const;

/** Colour and progress only for a person at a terminal; plain under CI or NO_COLOR. */
export function isInteractive(stream: { isTTY?: boolean }): boolean {
  return !!stream.isTTY && !process.env.CI && !('NO_COLOR' in process.env);
}
