import { compareStrings } from '../../../util/sort.js';

export interface FieldOfModel {
  model: string;
  field: string;
  /** The related model. */
  type: string;
  list: boolean;
  relationName: string | null;
}

export interface JunctionTable {
  table: string;
  fields: FieldOfModel[];
}

/**
 * Implicit many-to-many relations: two list fields that point at each other's model under the
 * same relation name (or both unnamed). Prisma keeps them in a join table named `_` + the
 * relation name, which for an unnamed relation is `AToB`, A and B the model names in
 * alphabetical order (https://www.prisma.io/docs/orm/prisma-schema/data-model/relations/many-to-many-relations#conventions-for-relation-tables-in-implicit-m-n-relations).
 */
export function findJunctionTables(fields: FieldOfModel[]): JunctionTable[] {
  const junctions: JunctionTable[] = [];
  const used = new Set<FieldOfModel>();
  for (const field of fields) {
    if (!field.list || used.has(field)) continue;
    const other = fields.find(
      (candidate) =>
        candidate !== field &&
        !used.has(candidate) &&
        candidate.list &&
        candidate.model === field.type &&
        candidate.type === field.model &&
        candidate.relationName === field.relationName,
    );
    if (!other) continue;
    used.add(field);
    used.add(other);
    const [first, second] = [field.model, other.model].sort(compareStrings);
    junctions.push({ table: `_${field.relationName ?? `${first}To${second}`}`, fields: [field, other] });
  }
  return junctions;
}
