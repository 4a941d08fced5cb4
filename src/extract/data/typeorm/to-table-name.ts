/**
 * TypeORM's DefaultNamingStrategy (src/naming-strategy/DefaultNamingStrategy.ts):
 *
 *   tableName(className, customName) = customName ? customName : snakeCase(className)
 *   joinTableName(ownerTable, inverseTable, property) = snakeCase(ownerTable + "_" + property + "_" + inverseTable)
 *
 * with snakeCase from src/util/StringUtils.ts: `ABc` → `a_bc`, then `aC`/`0C` → `a_c`/`0_c`,
 * lower-cased. So OrderItem → order_item, HTTPLog → http_log, UserProfileV2 → user_profile_v2,
 * OAuth2Client → o_auth2_client.
 */
export function toSnakeCase(name: string): string {
  return name
    .replace(/([A-Z])([A-Z])([a-z])/g, '$1_$2$3')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
