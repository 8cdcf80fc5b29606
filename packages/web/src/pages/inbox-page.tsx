/**
 * 审核收件箱 (财政局): the region's evaluations, submitted ones first, with filters by status, grade,
 * findings and unit.
 * @module
 */
import { Input, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { listEvaluations } from '../api/endpoints.ts';
import { type EvaluationListItem, KIND_NAMES, STATUS_NAMES, type EvaluationKind, type Status } from '../api/types.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { useAsync } from '../lib/use-async.ts';
import { Link } from '../routing/router.tsx';

type Findings = 'errors' | 'clean';

export function InboxPage() {
  const [status, setStatus] = useState<Status | null>('submitted');
  const [kind, setKind] = useState<EvaluationKind | null>(null);
  const [grade, setGrade] = useState<string | null>(null);
  const [findings, setFindings] = useState<Findings | null>(null);
  const [unit, setUnit] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const list = useAsync(() => listEvaluations({ status, kind, year }), [status, kind, year]);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...(list.data?.items ?? []).map((x) => x.year), thisYear - 1, thisYear - 2, thisYear - 3])].sort((a, b) => b - a);
  const all = list.data?.items ?? [];
  const grades = [...new Set(all.map((x) => x.computedGrade).filter((g): g is string => !!g))];
  const items = useMemo(
    () =>
      all.filter(
        (x) =>
          (!grade || x.computedGrade === grade) &&
          (!findings || (findings === 'errors' ? x.errorCount > 0 : x.errorCount === 0)) &&
          (!unit.trim() || x.unitName.includes(unit.trim())),
      ),
    [all, findings, grade, unit],
  );
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>审核收件箱</h1>
        <Space wrap>
          <Select aria-label="按年度筛选" allowClear placeholder="全部年度" style={{ width: 120 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 130 }} value={kind} onChange={(v) => setKind(v ?? null)} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按等级筛选" allowClear placeholder="全部等级" style={{ width: 110 }} value={grade} onChange={(v) => setGrade(v ?? null)} options={grades.map((g) => ({ value: g, label: g }))} notFoundContent="暂无" />
          <Select aria-label="按问题筛选" allowClear placeholder="有无错误" style={{ width: 120 }} value={findings} onChange={(v) => setFindings(v ?? null)} options={[{ value: 'errors', label: '有错误' }, { value: 'clean', label: '无错误' }]} />
          <Input aria-label="按单位筛选" placeholder="单位名称" allowClear style={{ width: 180 }} value={unit} onChange={(e) => setUnit(e.target.value)} />
        </Space>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="收件箱" />
      ) : (
        <Table<EvaluationListItem>
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description={all.length === 0 ? '没有待处理的自评' : '没有符合条件的自评'} /> }}
          columns={[
            { title: '单位', dataIndex: 'unitName', render: (u: string, r) => <Link to={`/review/${r.id}`}>{u}</Link> },
            { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
            { title: '类型', dataIndex: 'kind', width: 150, render: (k: EvaluationKind, r) => `${KIND_NAMES[k]}${r.projectName ? `「${r.projectName}」` : ''}` },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
            { title: '自评得分', dataIndex: 'statedTotal', width: 90, align: 'right', render: (v: string | null | undefined) => v ?? '—' },
            { title: '计算得分', dataIndex: 'computedTotal', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '等级', dataIndex: 'computedGrade', width: 70, render: (v: string | null) => v ?? '—' },
            { title: '复核得分', dataIndex: 'reviewScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '错误', dataIndex: 'errorCount', width: 70, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </div>
  );
}
