import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestPglite } from '../testing/databases.ts';
import type { Database } from './database.ts';

describe('bytea on PGlite', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestPglite();
  });
  afterAll(async () => {
    await database?.close();
  });

  it('sends and reads back 8 MB in one statement without stopping the event loop for a second (native hex, not a JS array per byte)', async () => {
    const data = new Uint8Array(randomBytes(8 * 1024 * 1024));
    let last = Date.now();
    let longestStop = 0;
    const ticker = setInterval(() => {
      longestStop = Math.max(longestStop, Date.now() - last);
      last = Date.now();
    }, 20);
    await database.db.execute(sql`CREATE TEMP TABLE bytea_probe (data bytea NOT NULL)`);
    await database.db.execute(sql`INSERT INTO bytea_probe (data) VALUES (${data})`);
    const { rows } = (await database.db.execute(sql`SELECT data FROM bytea_probe`)) as unknown as { rows: { data: Uint8Array }[] };
    clearInterval(ticker);
    expect(rows[0]?.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(rows[0]?.data ?? []).equals(Buffer.from(data))).toBe(true);
    // PGlite's own codec took ~15 s (encode) and ~6 s (decode) for this on the test machine, each in one go
    expect(longestStop).toBeLessThan(2000);
  });
});
