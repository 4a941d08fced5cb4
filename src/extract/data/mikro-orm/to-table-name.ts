/**
 * MikroORM's default naming strategies (packages/core/src/naming-strategy/):
 *
 *   UnderscoreNamingStrategy (SQL drivers): classToTableName(name) = name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()
 *     joinTableName(owner, target, property) = ownerTable + '_' + classToTableName(property)
 *   MongoNamingStrategy (MongoDriver):      classToTableName(name) = name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()
 *
 * Only a lower-case letter before an upper-case one splits: BookTag → book_tag, but
 * HTTPLog → httplog and OAuth2Token → oauth2token (unlike TypeORM).
 */
export function toUnderscore(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

export function toMongoCollection(name: string): string {
  return name.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}
