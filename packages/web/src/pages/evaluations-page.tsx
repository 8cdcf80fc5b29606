/**
 * 我的自评: the unit's evaluations by year and kind with their status, and starting a new one (blank,
 * from last year's, or from an imported .docx/.xlsx/.txt).
 * @module
 */
import { Button, Form, InputNumber, Modal, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { createEvaluation, importDocument, listEvaluations } from '../api/endpoints.ts';
import { type EvaluationKind, type EvaluationSummary, KIND_NAMES, STATUS_NAMES, type Status } from '../api/types.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { formatDateTime } from '../lib/dates.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, navigate } from '../routing/router.tsx';
import { useSession } from '../session.tsx';

type Start = 'blank' | 'prior' | 'import';

function NewEvaluationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { user } = useSession();
  const [form] = Form.useForm<{ year: number; kind: EvaluationKind; start: Start }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const start = Form.useWatch('start', form);
  const create = async () => {
    const values = await form.validateFields();
    setBusy(true);
    try {
      let data: Record<string, unknown> | undefined;
      if (values.start === 'import') {
        const file = files[0]?.originFileObj;
        if (!file) throw new Error('请选择要导入的文件（.docx、.xlsx 或 .txt）');
        const imported = await importDocument(file, values.kind);
        data = { ...imported.data, year: values.year, kind: values.kind };
        if (imported.warnings.length > 0) showSuccess(`已导入，另有 ${imported.warnings.length} 处需要核对`);
      } else if (values.start === 'blank') {
        data = values.kind === 'department'
          ? { kind: 'department', year: values.year, unit: { name: user?.unitName ?? '' } }
          : { kind: 'project', year: values.year, project: { name: '' }, funds: { total: {} } };
      }
      const created = await createEvaluation({ year: values.year, kind: values.kind, fromPrior: values.start === 'prior', data });
      onClose();
      await navigate(`/evaluations/${created.id}`);
    } catch (e) {
      showError(e, '新建失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="新建自评" open={open} onCancel={onClose} onOk={() => void create()} okText="新建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() - 1, kind: 'department', start: 'prior' }}>
        <Form.Item label="年度" name="year" rules={[{ required: true, message: '请填写年度' }]}>
          <InputNumber min={2000} max={2100} style={{ width: 160 }} aria-label="年度" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group options={[{ value: 'department', label: '部门整体支出' }, { value: 'project', label: '项目支出' }]} />
        </Form.Item>
        <Form.Item label="从哪里开始" name="start">
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="prior">沿用上年自评（填入上年数，改为本年度）</Radio>
              <Radio value="import">导入已有报告（.docx、.xlsx、.txt）</Radio>
              <Radio value="blank">空白</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {start === 'import' && (
          <Upload
            accept=".docx,.xlsx,.txt"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.slice(-1))}
          >
            <Button>选择文件</Button>
          </Upload>
        )}
      </Form>
    </Modal>
  );
}

export function EvaluationsPage() {
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<EvaluationKind | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useAsync(() => listEvaluations({ year, kind, status }), [year, kind, status]);
  const items = list.data?.items ?? [];
  const years = [...new Set(items.map((x) => x.year))].sort((a, b) => b - a);
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>我的自评</h1>
        <Space wrap>
          <Select aria-label="按年度筛选" allowClear placeholder="全部年度" style={{ width: 120 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 140 }} value={kind} onChange={(v) => setKind(v ?? null)} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
          <Button type="primary" onClick={() => setCreating(true)}>新建自评</Button>
        </Space>
      </div>
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="自评列表" />
      ) : (
        <Table<EvaluationSummary>
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description="还没有自评。点“新建自评”开始，可沿用上年或导入已有报告。" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 90, render: (y: number) => `${y}年度` },
            { title: '类型', dataIndex: 'kind', width: 120, render: (k: EvaluationKind) => KIND_NAMES[k] },
            { title: '名称', dataIndex: 'title', render: (t: string, r) => <Link to={`/evaluations/${r.id}`}>{t || '（未命名）'}</Link> },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
            { title: '自评得分', dataIndex: 'statedScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '计算得分', dataIndex: 'computedScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '错误/警告', width: 100, align: 'right', render: (_, r) => <Typography.Text type={r.errorCount > 0 ? 'danger' : undefined}>{r.errorCount} / {r.warningCount}</Typography.Text> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
      <NewEvaluationDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
