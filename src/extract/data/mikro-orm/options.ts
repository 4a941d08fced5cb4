/** What detection learns of the project: MongoDB entities are collections, named in kebab-case. */
export interface MikroOrmOptions {
  mongo: boolean;
}
