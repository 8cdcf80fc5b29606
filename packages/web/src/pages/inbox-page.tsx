/**
 * 审核收件箱 (财政局): submitted evaluations with filters by status, grade, findings and unit.
 * @module
 */
import { Input, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { listInbox } from '../api/endpoints.ts';
import { type EvaluationKind, type EvaluationSummary, KIND_NAMES, STATUS_NAMES, type Status } from '../api/types.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { useAsync } from '../lib/use-async.ts';
import { Link } from '../routing/router.tsx';

export function InboxPage() {
  const [status, setStatus] = useState<Status | null>('submitted');
  const [grade, setGrade] = useState<string | null>(null);
  const [hasErrors, setHasErrors] = useState<boolean | null>(null);
  const [unit, setUnit] = useState('');
  const [unitQuery, setUnitQuery] = useState('');
  const list = useAsync(() => listInbox({ status, grade, hasErrors, unit: unitQuery || null }), [status, grade, hasErrors, unitQuery]);
  const items = list.data?.items ?? [];
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>审核收件箱</h1>
        <Space wrap>
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={Object.entries(STATUS_NAMES).filter(([k]) => k !== 'draft').map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按等级筛选" allowClear placeholder="全部等级" style={{ width: 110 }} value={grade} onChange={(v) => setGrade(v ?? null)} options={['优秀', '良好', '较差', '差', '优', '良', '中'].map((g) => ({ value: g, label: g }))} />
          <Select aria-label="按问题筛选" allowClear placeholder="全部" style={{ width: 130 }} value={hasErrors === null ? undefined : hasErrors ? 'yes' : 'no'} onChange={(v?: string) => setHasErrors(v === undefined ? null : v === 'yes')} options={[{ value: 'yes', label: '有错误' }, { value: 'no', label: '无错误' }]} />
          <Input.Search aria-label="按单位筛选" placeholder="单位名称" allowClear style={{ width: 200 }} value={unit} onChange={(e) => setUnit(e.target.value)} onSearch={(v) => setUnitQuery(v.trim())} />
        </Space>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="收件箱" />
      ) : (
        <Table<EvaluationSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description="没有符合条件的自评" /> }}
          columns={[
            { title: '单位', dataIndex: 'unitName', render: (u: string, r) => <Link to={`/review/${r.id}`}>{u}</Link> },
            { title: '年度', dataIndex: 'year', width: 80, render: (y: number) => `${y}年度` },
            { title: '类型', dataIndex: 'kind', width: 110, render: (k: EvaluationKind) => KIND_NAMES[k] },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
            { title: '自评得分', dataIndex: 'statedScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '计算得分', dataIndex: 'computedScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '等级', dataIndex: 'grade', width: 70, render: (v: string | null) => v ?? '—' },
            { title: '错误/警告', width: 100, align: 'right', render: (_, r) => <Typography.Text type={r.errorCount > 0 ? 'danger' : undefined}>{r.errorCount} / {r.warningCount}</Typography.Text> },
            { title: '提交时间', dataIndex: 'submittedAt', width: 170, render: (v: string | null) => formatDateTime(v) },
          ]}
        />
      )}
    </div>
  );
}
