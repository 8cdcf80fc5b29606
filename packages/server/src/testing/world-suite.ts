/**
 * The world (two regions, their units and users) on a fresh database, for a `describe` of command tests.
 * @module
 */
import { afterAll, beforeAll } from 'vitest';
import type { Database, Engine } from '../storage/database.ts';
import { openTestDatabase } from './databases.ts';
import { buildWorld, type World } from './world.ts';

/** Call inside a `describe`: a fresh database of the engine with the world built, closed after its tests. */
export function worldOn(engine: Engine): () => World {
  let database: Database | null = null;
  let world: World | null = null;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
    world = await buildWorld(database);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!world) throw new Error('world not built');
    return world;
  };
}
