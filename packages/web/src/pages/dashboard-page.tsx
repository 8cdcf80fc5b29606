/**
 * 绩效总览 (财政局): one year of a region at a glance — status of every unit, grades and scores, execution
 * against score (a full 预算执行率 score with low execution in red), the checks with the most findings,
 * the largest gaps between a unit's own total and the computed one, year-over-year figures, and a ranking
 * with filters, pages and a link to each evaluation. The summary downloads as .xlsx.
 * @module
 */
import { checkName } from '@jixiao/core';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { type Dashboard, type DashboardQuery, type DashboardSort, exportDashboard, getDashboard, getRanking, listRegions, type RankingRow } from '../api/dashboard.ts';
import { KIND_NAMES, STATUS_NAMES, type EvaluationKind, type Status } from '../api/types.ts';
import { barOption, Chart, COLORS, pieOption, scatterOption, yearsOption } from '../components/dashboard-charts.tsx';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { showError } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, navigate } from '../routing/router.tsx';
import { useSession } from '../session.tsx';

const SORTS: { value: DashboardSort; label: string }[] = [
  { value: 'score', label: '按计算得分（高→低）' },
  { value: 'scoreAsc', label: '按计算得分（低→高）' },
  { value: 'gap', label: '按自评与计算差距' },
  { value: 'errors', label: '按错误数' },
  { value: 'execution', label: '按执行率（低→高）' },
  { value: 'unit', label: '按单位名称' },
];

const num = (v: string | null): number | null => (v === null ? null : Number(v));

function Figures({ d, canOpen }: { d: Dashboard; canOpen: boolean }) {
  const open = (id: string) => {
    if (canOpen) void navigate(`/review/${id}`);
  };
  const options = useMemo(() => ({
    statuses: barOption(d.statuses.map((s) => s.name), d.statuses.map((s) => s.count), { name: '份' }),
    grades: pieOption(d.grades.map((g) => ({ name: g.grade, value: g.count }))),
    histogram: barOption(d.histogram.map((h) => (h.to === 100 ? `${h.from}–100` : `${h.from}–${h.to}`)), d.histogram.map((h) => h.count), { name: '份' }),
    scatter: scatterOption(d.execution.points.map((p) => ({ x: Number(p.executionRate), y: Number(p.computedTotal), name: `${p.unitName}${p.projectName ? `「${p.projectName}」` : ''}`, isFlagged: p.isFlagged })), d.execution.threshold),
    checks: barOption(d.topChecks.map((c) => checkName(c.check)), d.topChecks.map((c) => c.findings), { horizontal: true, color: COLORS.warn }),
    years: yearsOption(d.years.map((y) => ({ year: y.year, evaluations: y.evaluations, averageScore: num(y.averageScore), averageExecutionRate: num(y.averageExecutionRate) }))),
  }), [d]);
  const flaggedPoints = d.execution.points.filter((p) => p.isFlagged);
  const normalPoints = d.execution.points.filter((p) => !p.isFlagged);
  return (
    <>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title="单位" value={d.totals.units} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="自评" value={d.totals.evaluations} suffix="份" /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="平均计算得分" value={d.totals.averageScore ?? '—'} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="平均预算执行率" value={d.totals.averageExecutionRate ?? '—'} suffix={d.totals.averageExecutionRate ? '%' : ''} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="有错误的自评" value={d.totals.withErrors} suffix="份" styles={{ content: { color: d.totals.withErrors ? COLORS.danger : undefined } }} /></Card></Col>
        <Col xs={12} md={4}><Card size="small"><Statistic title="执行率低却得满分" value={d.execution.flagged} suffix="份" styles={{ content: { color: d.execution.flagged ? COLORS.danger : undefined } }} /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={8}><Card size="small" title="各单位状态"><Chart option={options.statuses} label="各单位状态" /></Card></Col>
        <Col xs={24} lg={8}><Card size="small" title="等级分布（计算）"><Chart option={options.grades} label="等级分布" /></Card></Col>
        <Col xs={24} lg={8}><Card size="small" title="计算得分分布"><Chart option={options.histogram} label="计算得分分布" /></Card></Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={`预算执行率与得分（${d.execution.total} 份${d.execution.points.length < d.execution.total ? `，显示 ${d.execution.points.length} 份` : ''}）`}>
            <Chart option={options.scatter} label="预算执行率与计算得分" height={280} onPick={(series, i) => {
              const p = series === 1 ? flaggedPoints[i] : normalPoints[i];
              if (p) open(p.id);
            }} />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title="问题最多的审核规则">
            {d.topChecks.length ? <Chart option={options.checks} label="问题最多的审核规则" height={280} /> : <EmptyState description="没有发现问题" />}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title="自评总分与计算总分差距最大">
            <Table
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={d.gaps}
              aria-label="自评与计算差距"
              locale={{ emptyText: <EmptyState description="自评总分都与计算一致" /> }}
              columns={[
                { title: '单位', dataIndex: 'unitName', render: (u: string, r) => (canOpen ? <Link to={`/review/${r.id}`}>{u}</Link> : u) },
                { title: '自评', dataIndex: 'statedScore', width: 70, align: 'right' },
                { title: '计算', dataIndex: 'computedTotal', width: 70, align: 'right' },
                { title: '差距', dataIndex: 'gap', width: 70, align: 'right', render: (g: string) => <Typography.Text type={Number(g) > 0 ? 'danger' : 'warning'}>{Number(g) > 0 ? `+${g}` : g}</Typography.Text> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} lg={12}><Card size="small" title="逐年对比"><Chart option={options.years} label="逐年对比" height={280} /></Card></Col>
      </Row>
    </>
  );
}

export function DashboardPage() {
  const { user } = useSession();
  const isAdmin = user?.role === 'admin';
  const [year, setYear] = useState<number | null>(null);
  const [regionId, setRegionId] = useState<string | null>(null);
  const [kind, setKind] = useState<EvaluationKind | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [q, setQ] = useState('');
  const [search, setSearch] = useState('');
  const [sort, setSort] = useState<DashboardSort>('score');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [exporting, setExporting] = useState(false);
  const params: DashboardQuery = { year, regionId, kind, status, grade, q: search || null, sort, page, pageSize };
  // the figures change with the year and the region only; filtering, sorting or paging asks for the ranking alone
  const data = useAsync(() => getDashboard({ year, regionId, ranking: false }), [year, regionId]);
  const ranking = useAsync(() => getRanking(params), [year, regionId, kind, status, grade, search, sort, page, pageSize]);
  const r = ranking.data?.ranking;
  const regions = useAsync(() => (isAdmin ? listRegions() : Promise.resolve({ items: [], total: 0 })), [isAdmin]);
  const d = data.data;
  const canOpen = user?.role === 'reviewer';
  const filter = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    setPage(1);
  };
  const doExport = async () => {
    setExporting(true);
    try {
      await exportDashboard({ ...params, year: d?.year ?? year });
    } catch (e) {
      showError(e, '导出失败');
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>绩效总览{d ? `：${d.region?.name ?? '全部地区'} ${d.year}年度` : ''}</h1>
        <Space wrap>
          <Select aria-label="年度" placeholder="年度" style={{ width: 160 }} value={year ?? d?.year ?? null} onChange={filter((v: number) => setYear(v))}
            options={(d?.availableYears ?? []).map((y) => ({ value: y.year, label: `${y.year}年度（${y.evaluations}）` }))} notFoundContent="暂无自评" />
          {isAdmin && (
            <Select aria-label="地区" allowClear placeholder="全部地区" style={{ width: 220 }} value={regionId} onChange={filter((v: string | undefined) => setRegionId(v ?? null))}
              options={(regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))} />
          )}
          <Button onClick={() => void doExport()} loading={exporting} disabled={!d}>导出 .xlsx</Button>
        </Space>
      </div>
      {data.error ? (
        <ErrorState error={data.error} onRetry={data.reload} what="绩效总览" />
      ) : d ? (
        <>
          <Figures d={d} canOpen={canOpen} />
          <Card size="small" title="排名" style={{ marginTop: 16 }} extra={
            <Space wrap>
              <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 150 }} value={kind} onChange={filter((v: EvaluationKind | undefined) => setKind(v ?? null))} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
              <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 110 }} value={status} onChange={filter((v: Status | undefined) => setStatus(v ?? null))} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
              <Select aria-label="按等级筛选" allowClear placeholder="全部等级" style={{ width: 110 }} value={grade} onChange={filter((v: string | undefined) => setGrade(v ?? null))} options={d.grades.map((g) => ({ value: g.grade, label: g.grade }))} />
              <Select aria-label="排序" style={{ width: 180 }} value={sort} onChange={filter((v: DashboardSort) => setSort(v))} options={SORTS} />
              <Input.Search aria-label="按单位或项目搜索" placeholder="单位或项目名称" allowClear style={{ width: 200 }} value={q} onChange={(e) => setQ(e.target.value)} onSearch={(v) => { setSearch(v.trim()); setPage(1); }} />
            </Space>
          }>
            {ranking.error ? <ErrorState error={ranking.error} onRetry={ranking.reload} what="排名" /> : <Table<RankingRow>
              size="small"
              rowKey="id"
              aria-label="排名"
              loading={ranking.loading}
              dataSource={r?.items ?? []}
              locale={{ emptyText: <EmptyState description="没有符合条件的自评" /> }}
              pagination={{ current: r?.page ?? page, pageSize: r?.pageSize ?? pageSize, total: r?.total ?? 0, showSizeChanger: true, showTotal: (t) => `共 ${t} 份`, onChange: (p, s) => { setPage(p); setPageSize(s); } }}
              columns={[
                { title: '名次', dataIndex: 'rank', width: 64, align: 'right' },
                ...(isAdmin && !regionId ? [{ title: '地区', dataIndex: 'regionName', width: 160 }] : []),
                { title: '单位', dataIndex: 'unitName', render: (u: string, r: RankingRow) => (canOpen ? <Link to={`/review/${r.id}`}>{u}</Link> : u) },
                { title: '类型', dataIndex: 'kind', render: (k: EvaluationKind, r: RankingRow) => `${KIND_NAMES[k]}${r.projectName ? `「${r.projectName}」` : ''}` },
                { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
                { title: '计算得分', dataIndex: 'computedTotal', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
                { title: '等级', dataIndex: 'computedGrade', width: 64, render: (v: string | null) => v ?? '—' },
                { title: '自评总分', dataIndex: 'statedScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
                { title: '复核得分', dataIndex: 'reviewScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
                { title: '执行率', dataIndex: 'executionRate', width: 90, align: 'right', render: (v: string | null) => (v ? `${v}%` : '—') },
                { title: '错误', dataIndex: 'errorCount', width: 64, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
              ]}
            />}
          </Card>
        </>
      ) : (
        <Card loading />
      )}
    </div>
  );
}
