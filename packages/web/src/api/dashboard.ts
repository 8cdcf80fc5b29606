/**
 * The finance bureau's dashboard endpoints (GET /api/dashboard, /api/dashboard/ranking, /api/dashboard/export) and their types,
 * as the server gives them (packages/server/src/commands/dashboard.ts).
 * @module
 */
import { download, request } from './client.ts';
import type { Dashboard as ServerDashboard, RankingRow as ServerRankingRow } from '../../../server/src/commands/dashboard.ts';
import type { EvaluationKind, Status } from './types.ts';

export type DashboardSort = 'score' | 'scoreAsc' | 'gap' | 'errors' | 'execution' | 'unit';

export type DashboardQuery = {
  year?: number | null;
  regionId?: string | null;
  kind?: EvaluationKind | null;
  status?: Status | null;
  grade?: string | null;
  q?: string | null;
  sort?: DashboardSort;
  page?: number;
  pageSize?: number;
  /** false: the figures without the ranking (asked for on its own with {@link getRanking}). */
  ranking?: boolean;
};

/** The server's answer (one type, declared where the server builds it); the web narrows the status. */
export type RankingRow = Omit<ServerRankingRow, 'status'> & { readonly status: Status };

export type RankingPage = Omit<NonNullable<ServerDashboard['ranking']>, 'items'> & { readonly items: RankingRow[] };

export type Dashboard = Omit<ServerDashboard, 'ranking'> & { readonly ranking: RankingPage | null };

export type Ranking = { readonly year: number; readonly region: Dashboard['region']; readonly ranking: RankingPage };

export type RegionItem = { readonly id: string; readonly name: string; readonly financeBureau: string };

const query = (params: DashboardQuery): string => {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') s.set(k, String(v));
  const text = s.toString();
  return text ? `?${text}` : '';
};

/** GET /api/dashboard — a reviewer their region, an administrator any region or all. */
export const getDashboard = (params: DashboardQuery, signal?: AbortSignal): Promise<Dashboard> =>
  request<Dashboard>('GET', `/api/dashboard${query(params)}`, undefined, signal ? { signal } : {});

/** GET /api/dashboard/ranking — one page of the ranking, without the other figures. */
export const getRanking = (params: DashboardQuery, signal?: AbortSignal): Promise<Ranking> =>
  request<Ranking>('GET', `/api/dashboard/ranking${query({ ...params, ranking: undefined })}`, undefined, signal ? { signal } : {});

/** GET /api/dashboard/export — the summary as .xlsx. */
export const exportDashboard = (params: DashboardQuery): Promise<void> =>
  download(`/api/dashboard/export${query({ ...params, page: undefined, pageSize: undefined, ranking: undefined })}`, '绩效总览.xlsx');

/** GET /api/regions (for an administrator's region picker). */
export const listRegions = (): Promise<{ items: RegionItem[]; total: number }> => request<{ items: RegionItem[]; total: number }>('GET', '/api/regions?pageSize=100');
