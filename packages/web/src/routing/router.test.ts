import { describe, expect, it } from 'vitest';
import { matchPath } from './router.tsx';

describe('matchPath', () => {
  it('matches patterns with params, decoded', () => {
    expect(matchPath('/evaluations/:id', '/evaluations/abc-1')).toEqual({ id: 'abc-1' });
    expect(matchPath('/evaluations/:id/history', '/evaluations/a%20b/history')).toEqual({ id: 'a b' });
    expect(matchPath('/inbox', '/inbox/')).toEqual({});
  });

  it('refuses other shapes', () => {
    expect(matchPath('/evaluations/:id', '/evaluations')).toBeNull();
    expect(matchPath('/evaluations/:id', '/evaluations/a/history')).toBeNull();
    expect(matchPath('/review/:id', '/evaluations/a')).toBeNull();
  });
});
