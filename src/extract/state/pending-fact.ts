import type { StateFactKind } from '../file-facts.js';
import type { WrittenName } from './get-name.js';

/** A state fact whose name may still be a constant of the file, resolved at the end of the walk. */
export interface PendingFact {
  kind: StateFactKind;
  name: WrittenName;
  line: number;
  detail: string;
  /** The identifier an event is emitted on or listened to on (`orderEvents.emit(…)`): `orderEvents`. */
  emitter?: string;
}
