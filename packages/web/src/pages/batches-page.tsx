/**
 * 批量审核 (财政局): upload many report files or .zip files at once; each file is read and audited on the
 * server in the background. The list shows every batch with its progress, refreshed while any is running.
 * @module
 */
import { Button, Input, InputNumber, Progress, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import { BATCH_STATUS_NAMES, type BatchStatus, type BatchSummary, createBatch, isRunning, listBatches } from '../api/batches.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { formatBytes, formatDateTime } from '../lib/dates.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { usePolling } from '../lib/use-polling.ts';
import { Link, navigate } from '../routing/router.tsx';

const ACCEPT = '.zip,.txt,.docx,.doc,.xlsx,.xls,.pdf,.html,.htm';

export const BATCH_STATUS_COLORS: Record<BatchStatus, string> = { queued: 'default', running: 'processing', done: 'success' };

/** A batch's progress: finished files of all — the audited ones green, the failed ones red, the rest to come. */
export function BatchProgress({ batch, size = 'default' }: { batch: Pick<BatchSummary, 'total' | 'done' | 'failed' | 'status'>; size?: 'small' | 'default' }) {
  const share = (n: number) => (batch.total === 0 ? 100 : Math.floor((n * 100) / batch.total));
  const finished = batch.status === 'done';
  return (
    <Progress
      percent={share(batch.done)}
      success={{ percent: share(batch.done - batch.failed) }}
      size={size === 'small' ? 'small' : 'default'}
      status={finished ? (batch.failed > 0 ? 'normal' : 'success') : 'active'}
      strokeColor={batch.failed > 0 ? '#c0392b' : undefined}
      format={() => `${batch.done} / ${batch.total}`}
      aria-label={`进度 ${batch.done} / ${batch.total}${batch.failed > 0 ? `，失败 ${batch.failed}` : ''}`}
    />
  );
}

function UploadPanel({ onCreated }: { onCreated: () => void }) {
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [year, setYear] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const total = files.reduce((n, f) => n + (f.size ?? 0), 0);
  const start = async () => {
    const chosen = files.map((f) => f.originFileObj).filter((f): f is NonNullable<typeof f> => !!f);
    if (chosen.length === 0) return;
    setBusy(true);
    try {
      const created = await createBatch(chosen, { year, note: note.trim() || null });
      showSuccess(`已提交 ${created.total} 份报告，正在后台审核`);
      setFiles([]);
      setNote('');
      onCreated();
      await navigate(`/batches/${created.id}`);
    } catch (e) {
      showError(e, '上传失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="jx-batch-upload">
      <Upload.Dragger
        multiple
        accept={ACCEPT}
        fileList={files}
        beforeUpload={() => false}
        onChange={({ fileList }) => setFiles(fileList)}
        aria-label="选择报告文件"
      >
        <p className="ant-upload-text">把报告文件或 .zip 压缩包拖到这里，或点击选择</p>
        <p className="ant-upload-hint">可一次选择多个文件：Word（.docx .doc）、Excel（.xlsx .xls）、PDF、文本（.txt）、网页（.html），或装有它们的 .zip；每份报告在后台读取并审核，一份失败不影响其他。</p>
      </Upload.Dragger>
      <Space wrap style={{ marginTop: 12 }}>
        <InputNumber aria-label="年度" placeholder="年度（可不填）" min={2000} max={2100} precision={0} style={{ width: 150 }} value={year} onChange={(v) => setYear(v ?? null)} />
        <Input aria-label="批次说明" placeholder="批次说明（可不填）" maxLength={2000} style={{ width: 320 }} value={note} onChange={(e) => setNote(e.target.value)} />
        <Button type="primary" disabled={files.length === 0} loading={busy} onClick={() => void start()}>
          开始审核{files.length ? `（${files.length} 个文件，${formatBytes(total)}）` : ''}
        </Button>
      </Space>
    </div>
  );
}

export function BatchesPage() {
  const [page, setPage] = useState(1);
  const list = usePolling(() => listBatches(page, 20), [page], (p) => p.items.some((b) => isRunning(b.status)), 1500);
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>批量审核</h1>
      </div>
      <UploadPanel onCreated={list.reload} />
      <h2 className="jx-section-title" style={{ marginTop: 20 }}>批次</h2>
      {list.error && !list.data ? (
        <ErrorState error={list.error} onRetry={list.reload} what="批次列表" />
      ) : (
        <Table<BatchSummary>
          rowKey="id"
          aria-label="批次列表"
          size="small"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, hideOnSinglePage: true, onChange: setPage }}
          locale={{ emptyText: <EmptyState description="还没有批次。上传报告文件或 .zip 开始批量审核。" /> }}
          columns={[
            { title: '上传时间', dataIndex: 'createdAt', width: 190, render: (v: string, r) => <Link to={`/batches/${r.id}`}>{formatDateTime(v)}</Link> },
            { title: '年度', dataIndex: 'year', width: 90, render: (y: number | null) => (y ? `${y}年度` : '—') },
            { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '' },
            { title: '上传人', dataIndex: 'createdBy', width: 170 },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: BatchStatus) => <Tag color={BATCH_STATUS_COLORS[s]}>{BATCH_STATUS_NAMES[s]}</Tag> },
            { title: '进度', key: 'progress', width: 220, render: (_, r) => <BatchProgress batch={r} size="small" /> },
            { title: '失败', dataIndex: 'failed', width: 64, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '错误', dataIndex: 'errors', width: 64, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '警告', dataIndex: 'warnings', width: 64, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'warning' : undefined}>{n}</Typography.Text> },
          ]}
        />
      )}
    </div>
  );
}
