/**
 * One 批量审核 batch: progress (refreshed every 1.5 s until every file is done), counts by severity and by
 * check, a table of the files (status, kind, unit, counts; the Chinese reason of a failed file), a drawer
 * with one file's findings, and the result as .xlsx.
 * @module
 */
import { checkName } from '@jixiao/core';
import { Alert, Button, Card, Col, Drawer, Row, Select, Space, Statistic, Table, Tag } from 'antd';
import { useMemo, useState } from 'react';
import {
  type BatchCheckCount, type BatchFinding, type BatchItem, type BatchItemStatus, BATCH_STATUS_NAMES, exportBatch, getBatch, getBatchItem, isRunning,
  ITEM_STATUS_COLORS, ITEM_STATUS_NAMES, type Severity, SEVERITY_COLORS, SEVERITY_NAMES,
} from '../api/batches.ts';
import { KIND_NAMES, type EvaluationKind } from '../api/types.ts';
import { EmptyState, ErrorState, LoadingState } from '../components/states.tsx';
import { formatBytes, formatDateTime } from '../lib/dates.ts';
import { showError } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { usePolling } from '../lib/use-polling.ts';
import { Link, useParams } from '../routing/router.tsx';
import { BATCH_STATUS_COLORS, BatchProgress } from './batches-page.tsx';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const SEVERITY_TONE: Record<Severity, string> = { error: '#c0392b', warning: '#d97706', info: '#2563eb' };

const Count = ({ n, severity }: { n: number; severity: Severity }) => (
  <span className="jx-number-text" style={n > 0 ? { color: SEVERITY_TONE[severity], fontWeight: 600 } : { color: '#9ca3af' }}>{n}</span>
);

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then notes; within each, the engine's order. */
const sortFindings = (findings: readonly BatchFinding[]) =>
  findings.map((f, key) => ({ ...f, key })).sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3) || a.key - b.key);

function FindingsDrawer({ batchId, item, onClose }: { batchId: string; item: BatchItem | null; onClose: () => void }) {
  const detail = useAsync(() => (item ? getBatchItem(batchId, item.id) : Promise.resolve(null)), [batchId, item?.id]);
  const d = detail.data;
  return (
    <Drawer title={item ? `问题清单：${item.fileName}` : ''} open={item !== null} onClose={onClose} size="large" destroyOnHidden>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} what="问题清单" />
      ) : !d ? (
        <LoadingState what="问题清单" />
      ) : (
        <>
          <Space wrap style={{ marginBottom: 12 }}>
            <Tag color={ITEM_STATUS_COLORS[d.status]}>{ITEM_STATUS_NAMES[d.status]}</Tag>
            {d.kind && <span>{KIND_NAMES[d.kind]}</span>}
            {d.unitName && <strong>{d.unitName}</strong>}
            {SEVERITIES.map((s) => (d.counts[s] > 0 ? <Tag key={s} color={SEVERITY_COLORS[s]}>{SEVERITY_NAMES[s]} {d.counts[s]}</Tag> : null))}
          </Space>
          {d.error && <Alert type="error" showIcon title={d.error.message} style={{ marginBottom: 12 }} />}
          <Table<BatchFinding & { key: number }>
            size="small"
            aria-label="文件的问题"
            rowKey="key"
            dataSource={sortFindings(d.findings)}
            pagination={d.findings.length > 50 ? { pageSize: 50 } : false}
            locale={{ emptyText: <EmptyState description={d.status === 'failed' ? '文件未能读取，没有审核结果' : '没有发现问题'} /> }}
            columns={[
              { title: '行', dataIndex: 'line', width: 56, align: 'right', render: (l: number | null | undefined) => l ?? '—' },
              { title: '级别', dataIndex: 'severity', width: 64, render: (s: Severity) => <Tag color={SEVERITY_COLORS[s]}>{SEVERITY_NAMES[s]}</Tag> },
              { title: '规则', key: 'check', width: 150, render: (_, f) => <span className="jx-small">{checkName(f.check)}</span> },
              {
                title: '说明', dataIndex: 'message', render: (m: string, f) => (
                  <div>
                    <div>{m}</div>
                    {f.excerpt && <div className="jx-small jx-muted">原文：{f.excerpt}</div>}
                  </div>
                ),
              },
              {
                title: '填报 / 应为', key: 'values', width: 150, render: (_, f) => (f.stated || f.expected ? (
                  <div className="jx-small jx-number-text">
                    {f.stated && <div>填报 {f.stated}</div>}
                    {f.expected && <div>应为 <strong>{f.expected}</strong></div>}
                  </div>
                ) : '—'),
              },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}

export function BatchPage() {
  const { id = '' } = useParams();
  const data = usePolling(() => getBatch(id), [id], (b) => isRunning(b.status), 1500);
  const [open, setOpen] = useState<BatchItem | null>(null);
  const [filter, setFilter] = useState<BatchItemStatus | 'problems' | null>(null);
  const [exporting, setExporting] = useState(false);
  const b = data.data;
  const items = useMemo(() => (b?.items ?? []).filter((i) => !filter || (filter === 'problems' ? i.status === 'failed' || i.counts.error > 0 : i.status === filter)), [b, filter]);
  if (data.error && !b) return <div className="jx-page"><ErrorState error={data.error} onRetry={data.reload} what="批次" /></div>;
  if (!b) return <LoadingState what="批次" />;
  const doExport = async () => {
    setExporting(true);
    try {
      await exportBatch(b.id);
    } catch (e) {
      showError(e, '下载失败');
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>批量审核：{formatDateTime(b.createdAt)}{b.year ? ` · ${b.year}年度` : ''}{b.note ? ` · ${b.note}` : ''}</h1>
        <Space>
          <Tag color={BATCH_STATUS_COLORS[b.status]} data-testid="batch-status">{BATCH_STATUS_NAMES[b.status]}</Tag>
          <Button type="primary" onClick={() => void doExport()} loading={exporting} disabled={b.status !== 'done'}>下载结果（.xlsx）</Button>
          <Link to="/batches">返回批次列表</Link>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title="进度" style={{ height: '100%' }}>
            <BatchProgress batch={b} />
            <div className="jx-small jx-muted" style={{ marginTop: 8 }}>
              共 {b.total} 个文件，已完成 {b.done} 个{b.failed > 0 ? `，其中 ${b.failed} 个未能读取` : ''}；上传人 {b.createdBy}
            </div>
          </Card>
        </Col>
        {SEVERITIES.map((s) => (
          <Col xs={8} lg={5} key={s}>
            <Card size="small"><Statistic title={SEVERITY_NAMES[s]} value={b.counts[s]} suffix="处" styles={{ content: { color: b.counts[s] ? SEVERITY_TONE[s] : undefined } }} /></Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} xl={15}>
          <Card size="small" title={`文件（${b.items.length}）`} extra={
            <Select aria-label="按文件状态筛选" allowClear placeholder="全部文件" style={{ width: 150 }} value={filter} onChange={(v) => setFilter(v ?? null)}
              options={[{ value: 'problems', label: '有错误或失败' }, ...(Object.keys(ITEM_STATUS_NAMES) as BatchItemStatus[]).map((k) => ({ value: k, label: ITEM_STATUS_NAMES[k] }))]} />
          }>
            <Table<BatchItem>
              size="small"
              rowKey="id"
              aria-label="文件"
              dataSource={items}
              pagination={items.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              onRow={(r) => ({ onClick: () => setOpen(r), style: { cursor: 'pointer' } })}
              locale={{ emptyText: <EmptyState description="没有符合条件的文件" /> }}
              columns={[
                {
                  title: '文件', dataIndex: 'fileName', render: (name: string, r) => (
                    <div>
                      <Button type="link" size="small" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={(e) => { e.stopPropagation(); setOpen(r); }}>{name}</Button>
                      {r.error && <div className="jx-small" style={{ color: SEVERITY_TONE.error }} data-testid="item-error">{r.error.message}</div>}
                    </div>
                  ),
                },
                { title: '状态', dataIndex: 'status', width: 78, render: (s: BatchItemStatus) => <Tag color={ITEM_STATUS_COLORS[s]}>{ITEM_STATUS_NAMES[s]}</Tag> },
                { title: '单位', key: 'unit', width: 180, render: (_, r) => (r.unitName ? <div>{r.unitName}<div className="jx-small jx-muted">{r.kind ? KIND_NAMES[r.kind as EvaluationKind] : ''}</div></div> : '—') },
                { title: '大小', dataIndex: 'size', width: 84, align: 'right', render: (n: number) => formatBytes(n) },
                { title: '错误', key: 'error', width: 56, align: 'right', render: (_, r) => <Count n={r.counts.error} severity="error" /> },
                { title: '警告', key: 'warning', width: 56, align: 'right', render: (_, r) => <Count n={r.counts.warning} severity="warning" /> },
                { title: '提示', key: 'info', width: 56, align: 'right', render: (_, r) => <Count n={r.counts.info} severity="info" /> },
              ]}
            />
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card size="small" title="按审核规则">
            <Table<BatchCheckCount>
              size="small"
              rowKey="check"
              aria-label="按审核规则"
              dataSource={[...b.byCheck]}
              pagination={false}
              locale={{ emptyText: <EmptyState description={isRunning(b.status) ? '正在审核…' : '没有发现问题'} /> }}
              columns={[
                { title: '规则', dataIndex: 'name', render: (n: string, r) => <span title={n}>{checkName(r.check)}</span> },
                { title: '级别', dataIndex: 'severity', width: 64, render: (s: Severity) => <Tag color={SEVERITY_COLORS[s]}>{SEVERITY_NAMES[s]}</Tag> },
                { title: '问题', dataIndex: 'findings', width: 56, align: 'right' },
                { title: '文件', dataIndex: 'files', width: 56, align: 'right' },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <FindingsDrawer batchId={b.id} item={open} onClose={() => setOpen(null)} />
    </div>
  );
}
