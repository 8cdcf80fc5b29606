/**
 * The finance bureau's dashboard endpoints (GET /api/dashboard, GET /api/dashboard/export) and their types,
 * as the server gives them (packages/server/src/commands/dashboard.ts).
 * @module
 */
import { download, request } from './client.ts';
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
};

export type RankingRow = {
  readonly rank: number;
  readonly id: string;
  readonly unitId: string;
  readonly unitName: string;
  readonly regionName: string;
  readonly kind: EvaluationKind;
  readonly kindName: string;
  readonly projectName: string;
  readonly status: Status;
  readonly statusName: string;
  readonly computedTotal: string | null;
  readonly computedGrade: string | null;
  readonly statedScore: string | null;
  readonly reviewScore: string | null;
  readonly executionRate: string | null;
  readonly errorCount: number;
  readonly warningCount: number;
};

export type Dashboard = {
  readonly year: number;
  readonly availableYears: { readonly year: number; readonly evaluations: number }[];
  readonly region: { readonly id: string; readonly name: string } | null;
  readonly totals: { readonly units: number; readonly evaluations: number; readonly averageScore: string | null; readonly averageExecutionRate: string | null; readonly withErrors: number };
  readonly statuses: { readonly status: string; readonly name: string; readonly count: number }[];
  readonly grades: { readonly grade: string; readonly count: number }[];
  readonly histogram: { readonly from: number; readonly to: number; readonly count: number }[];
  readonly execution: {
    readonly threshold: number;
    readonly flagged: number;
    readonly total: number;
    readonly points: { readonly id: string; readonly unitName: string; readonly projectName: string; readonly executionRate: string; readonly computedTotal: string; readonly statedScore: string | null; readonly isFlagged: boolean }[];
  };
  readonly topChecks: { readonly check: string; readonly name: string; readonly findings: number; readonly evaluations: number }[];
  readonly gaps: { readonly id: string; readonly unitName: string; readonly projectName: string; readonly kindName: string; readonly statedScore: string; readonly computedTotal: string; readonly gap: string }[];
  readonly ranking: { readonly items: RankingRow[]; readonly page: number; readonly pageSize: number; readonly total: number };
  readonly years: { readonly year: number; readonly evaluations: number; readonly averageScore: string | null; readonly averageExecutionRate: string | null; readonly withErrors: number; readonly excellent: number }[];
};

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

/** GET /api/dashboard/export — the summary as .xlsx. */
export const exportDashboard = (params: DashboardQuery): Promise<void> =>
  download(`/api/dashboard/export${query({ ...params, page: undefined, pageSize: undefined })}`, '绩效总览.xlsx');

/** GET /api/regions (for an administrator's region picker). */
export const listRegions = (): Promise<{ items: RegionItem[]; total: number }> => request<{ items: RegionItem[]; total: number }>('GET', '/api/regions?pageSize=100');
