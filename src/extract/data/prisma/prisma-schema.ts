/** What the Prisma adapter knows of the schema: plain data, handed to every extract worker. */
export interface PrismaRelation {
  /** The related model's name. */
  model: string;
  list: boolean;
  /** The join table of an implicit many-to-many relation (`_AToB`, or `_Name` for `@relation("Name")`). */
  junction?: string;
}

export interface PrismaModel {
  name: string;
  /** The client property: `prisma.userProfile` for model `UserProfile`. */
  clientName: string;
  table: string;
  file: string;
  line: number;
  relations: Record<string, PrismaRelation>;
}

export interface PrismaJunction {
  table: string;
  file: string;
  line: number;
}

export interface PrismaSchema {
  models: PrismaModel[];
  junctions: PrismaJunction[];
}

/** Prisma Client names a model's property after the model, first letter lower-cased. */
export function toClientName(modelName: string): string {
  return modelName.charAt(0).toLowerCase() + modelName.slice(1);
}
