/**
 * Row locks for read-then-write transactions: SELECT … FOR UPDATE on MySQL, where
 * several app processes may race; nothing on SQLite, which runs one writer at a time
 * (and whose driver only warns about lock hints).
 */
export function lockedForUpdate<
  Query extends { client: { dialect: { name: string } }; forUpdate(): Query },
>(query: Query): Query {
  return query.client.dialect.name === 'mysql' ? query.forUpdate() : query
}
