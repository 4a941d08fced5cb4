/** Progress travels as events so the core never prints; the CLI decides how to show them. */
export interface ProgressEvent {
  stage: 'load' | 'extract' | 'link' | 'graph' | 'cluster' | 'measure' | 'report';
  message: string;
  done?: number;
  total?: number;
}

export type ProgressListener = (event: ProgressEvent) => void;

export const ignoreProgress: ProgressListener = () => {};
