import { describe, expect, it } from 'vitest';
import { getStatementAccessesByParsing } from '../../../src/extract/data/sql/get-sql-table-accesses.js';
import { readSimpleStatement } from '../../../src/extract/data/sql/read-simple-statement.js';

/** Plain statements the token reading must take on itself. */
const SIMPLE = [
  'SELECT id, email FROM users WHERE id = $1',
  'select * from users u where u.id = ? limit 1',
  'SELECT count(*)::int AS n FROM orders WHERE status = :status',
  'SELECT DISTINCT ON (customer_id) * FROM invoices ORDER BY customer_id, issued_at DESC',
  'SELECT * FROM billing.invoices AS i WHERE i.total > 100 FOR UPDATE',
  'SELECT * FROM "Orders" o WHERE o.id = ANY($1)',
  "SELECT id FROM sessions WHERE expires_at < now() - interval '7 days'",
  'SELECT * FROM "sales"."Refund Lines" WHERE refund_id IN (?, ?, ?)',
  'INSERT INTO users (email, name) VALUES ($1, $2)',
  'INSERT INTO audit_log (event) VALUES ($1) RETURNING id',
  'INSERT INTO stock (sku, qty) VALUES ($1, $2) ON CONFLICT (sku) DO UPDATE SET qty = stock.qty + EXCLUDED.qty',
  "UPDATE users SET name = $1, updated_at = now() WHERE id = $2",
  'UPDATE orders o SET status = ? WHERE o.id = ?',
  'DELETE FROM sessions WHERE expires_at < now()',
  'DELETE FROM carts c WHERE c.id = $1 RETURNING *',
  'DELETE FROM tokens',
];

/** Statements it must leave to the parsers: their tables are not one plain access. */
const COMPLEX = [
  'SELECT * FROM orders o JOIN users u ON u.id = o.user_id',
  'SELECT * FROM orders, users WHERE orders.user_id = users.id',
  'SELECT EXTRACT(YEAR FROM created_at) FROM orders',
  'SELECT * FROM orders WHERE user_id IN (SELECT id FROM users WHERE banned)',
  'WITH recent AS (SELECT * FROM orders) SELECT * FROM recent',
  'SELECT id FROM a UNION SELECT id FROM b',
  'SELECT * FROM generate_series(1, 10)',
  'SELECT * FROM $1',
  'SELECT * FROM Users',
  'SELECT * FROM `users` WHERE `id` = ?',
  "SELECT * FROM users WHERE name = 'it\\'s' OR id IN (SELECT user_id FROM bans)",
  'INSERT INTO archive SELECT * FROM orders WHERE placed_at < $1',
  'INSERT IGNORE INTO users (email) VALUES (?)',
  'INSERT INTO users (email) VALUES (?) ON DUPLICATE KEY UPDATE email = VALUES(email)',
  'UPDATE orders SET total = t.sum FROM totals t WHERE t.order_id = orders.id',
  'UPDATE orders SET total = (SELECT sum(amount) FROM lines WHERE order_id = orders.id)',
  'UPDATE orders, users SET orders.flag = 1 WHERE users.id = orders.user_id',
  'DELETE FROM orders USING users WHERE users.id = orders.user_id',
  'SELECT $$ FROM users $$ AS text FROM notes',
];

describe('reading the simplest statements without a parser', () => {
  it.each(SIMPLE)('reads %j as the parsers do', (statement) => {
    const fast = readSimpleStatement(statement);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(getStatementAccessesByParsing(statement));
  });

  it('also reads an INSERT … DEFAULT VALUES, which the Postgres grammar rejects', () => {
    expect(getStatementAccessesByParsing('INSERT INTO "Orders" DEFAULT VALUES')).toBeNull();
    expect(readSimpleStatement('INSERT INTO "Orders" DEFAULT VALUES')).toEqual([{ table: 'Orders', access: 'write' }]);
  });

  it.each(COMPLEX)('leaves %j to the parsers', (statement) => {
    expect(readSimpleStatement(statement)).toBeNull();
  });
});
