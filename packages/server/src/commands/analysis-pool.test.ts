import { DomainError } from '@jixiao/core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadSchemes } from '../schemes.ts';
import { cleanDocument, projectDocument, seedDocument } from '../testing/world.ts';
import { inlineAnalyser } from './analysis.ts';
import { analysisPool } from './analysis-pool.ts';

describe('the analysis pool (worker threads)', () => {
  const pool = analysisPool(2);
  const inline = inlineAnalyser(loadSchemes());
  afterAll(async () => {
    await pool.close();
  });

  it('gives exactly what the same analysis gives in this thread, also many at once', async () => {
    const documents = [seedDocument(), cleanDocument('某县农业农村局'), projectDocument()];
    for (const d of documents) expect(await pool(d)).toEqual(await inline(d));
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => pool(documents[i % 3])));
    expect(many.map((c) => c.summary.errorCount)).toEqual(Array.from({ length: 12 }, (_, i) => [11, 0, 0][i % 3]));
  });

  it('passes a DomainError back with its code, Chinese message and details', async () => {
    const error = await pool({ kind: 'department', year: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'model-invalid', message: expect.stringMatching(/格式错误/u), details: expect.arrayContaining([expect.stringMatching(/^year：/u)]) });
  });
});
