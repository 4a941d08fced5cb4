import type { TableRef } from '../../file-facts.js';

/** What one file's walk has learnt so far; model names are settled when the walk ends. */
export interface MongooseState {
  /** Schema variables with an explicit `collection` option. */
  schemaCollections: Map<string, string>;
  /** Schema variables' fields that refer to other models (`author: { type: ObjectId, ref: 'User' }`). */
  schemaFieldRefs: Map<string, Record<string, string>>;
  /** `model('User', userSchema, 'custom')` calls, settled in `finish` once every schema is known. */
  models: {
    symbol: string;
    modelName: string;
    collection: string | null;
    schema: string | null;
    /** Field references of a schema written in the call itself. */
    fieldRefs: Record<string, string> | null;
    line: number;
  }[];
  /** Class members that hold a model: `@InjectModel(Cat.name) private catModel: Model<Cat>` → Cat. */
  injected: Map<string, string>;
  /** Local documents `doc.save()` writes back: `const doc = new User(…)` → User. */
  documents: Map<string, TableRef>;
  /** Variables that hold a model looked up by name: `const User = mongoose.model('User')` → User. */
  lookedUp: Map<string, string>;
}

export function createMongooseState(): MongooseState {
  return { schemaCollections: new Map(), schemaFieldRefs: new Map(), models: [], injected: new Map(), documents: new Map(), lookedUp: new Map() };
}
