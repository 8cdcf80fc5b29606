/**
 * 我的自评: the unit's evaluations by year and kind with their status, and starting a new one (from last
 * year's, from an imported .docx/.xlsx/.txt/.json, or blank).
 * @module
 */
import { Alert, Button, Form, Input, InputNumber, Modal, Popconfirm, Radio, Select, Space, Table, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { createEvaluation, deleteEvaluation, getEvaluation, importDocument, listEvaluations } from '../api/endpoints.ts';
import { type EvaluationKind, type EvaluationListItem, KIND_NAMES, STATUS_NAMES, type Status } from '../api/types.ts';
import { EmptyState, ErrorState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { rollForward } from '../editor/roll-forward.ts';
import { formatDateTime } from '../lib/dates.ts';
import { type ImportNotes, keepImportNotes } from '../lib/import-notes.ts';
import { unreadReturns } from '../lib/returns-seen.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, navigate } from '../routing/router.tsx';
import { useSession } from '../session.tsx';

type Start = 'blank' | 'prior' | 'import';
type NewValues = { year: number; kind: EvaluationKind; start: Start; projectName?: string };

type Started = { readonly document: Record<string, unknown>; readonly notes?: ImportNotes };

async function documentFor(values: NewValues, file: File | undefined, unitName: string): Promise<Started> {
  const { year, kind } = values;
  if (values.start === 'prior') {
    const prior = await listEvaluations({ year: year - 1, kind });
    const source = kind === 'project' ? prior.items.find((x) => x.projectName === (values.projectName ?? '').trim()) ?? prior.items[0] : prior.items[0];
    if (!source) throw new Error(`没有找到 ${year - 1} 年度的${KIND_NAMES[kind]}自评，无法沿用；可改为导入或空白`);
    const detail = await getEvaluation(source.id);
    return { document: { ...rollForward(detail.version.document), year } };
  }
  if (values.start === 'import') {
    if (!file) throw new Error('请选择要导入的文件（.docx、.xlsx、.pdf、.txt 或 .json）');
    if (/\.json$/iu.test(file.name)) {
      let data: unknown;
      try {
        data = JSON.parse(await file.text());
      } catch {
        throw new Error(`文件「${file.name}」不是有效的 JSON`);
      }
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`文件「${file.name}」不是自评数据`);
      return { document: { ...(data as Record<string, unknown>), year, kind } };
    }
    const imported = await importDocument(file, kind);
    // The report's own year wins over the dialog's default; what could not be mapped is listed in the editor.
    return {
      document: { ...imported.document, year: typeof imported.document.year === 'number' ? imported.document.year : year, kind: imported.kind },
      notes: { fileName: file.name, warnings: imported.warnings },
    };
  }
  return {
    document: kind === 'department'
      ? { kind, year, unit: { name: unitName }, selfEvaluation: { funds: { points: '10' }, totalPoints: '100' } }
      : { kind, year, project: { name: (values.projectName ?? '').trim() }, funds: { total: { points: '10' } }, totalPoints: '100' },
  };
}

/** A year a self-evaluation can be for: 2000 up to this year (never clamped silently: 99999 is refused, not made 2100). */
export const yearRules = (latest: number) => [
  { required: true, message: '请填写年度' },
  {
    validator: (_: unknown, value: unknown) =>
      value === null || value === undefined || (typeof value === 'number' && Number.isInteger(value) && value >= 2000 && value <= latest)
        ? Promise.resolve()
        : Promise.reject(new Error(`年度应在 2000 到 ${latest} 之间`)),
  },
];

function NewEvaluationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { user } = useSession();
  const [form] = Form.useForm<NewValues>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const start = Form.useWatch('start', form);
  const lastYear = new Date().getFullYear() - 1;
  const kind = Form.useWatch('kind', form);
  const create = async () => {
    let values: NewValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form marks each field in Chinese
    }
    setBusy(true);
    try {
      const { document, notes } = await documentFor(values, files[0]?.originFileObj, user?.unit?.name ?? '');
      const created = await createEvaluation(document, values.start === 'prior' ? `沿用 ${values.year - 1} 年度自评` : undefined);
      if (notes) {
        keepImportNotes(created.id, notes);
        showSuccess(notes.warnings.length > 0 ? `已导入「${notes.fileName}」；未能对应的 ${notes.warnings.length} 处逐条列在编辑页上方，请核对` : `已导入「${notes.fileName}」`);
      }
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
      <Form form={form} layout="vertical" initialValues={{ year: lastYear, kind: 'department', start: 'prior' }}>
        <Form.Item label="年度" name="year" rules={yearRules(lastYear + 1)}>
          <InputNumber precision={0} style={{ width: 160 }} aria-label="年度" />
        </Form.Item>
        <Form.Item label="类型" name="kind">
          <Radio.Group options={[{ value: 'department', label: '部门整体支出' }, { value: 'project', label: '项目支出' }]} />
        </Form.Item>
        {kind === 'project' && (
          <Form.Item label="项目名称" name="projectName" rules={[{ required: true, message: '请填写项目名称' }]}>
            <Input aria-label="项目名称" placeholder="与上年项目名称一致时可沿用上年" />
          </Form.Item>
        )}
        <Form.Item label="从哪里开始" name="start">
          <Radio.Group>
            <Space orientation="vertical">
              <Radio value="prior">沿用上年自评（上年决算数填入“上年决算数”栏，指标体系沿用）</Radio>
              <Radio value="import">导入已有报告（.docx、.xlsx、.pdf、.txt、.json；年度以报告为准）</Radio>
              <Radio value="blank">空白</Radio>
            </Space>
          </Radio.Group>
        </Form.Item>
        {start === 'import' && (
          <Upload accept=".docx,.xlsx,.pdf,.txt,.json" maxCount={1} fileList={files} beforeUpload={() => false} onChange={({ fileList }) => setFiles(fileList.slice(-1))}>
            <Button>选择文件</Button>
          </Upload>
        )}
      </Form>
    </Modal>
  );
}

export function EvaluationsPage() {
  const { user } = useSession();
  const [year, setYear] = useState<number | null>(null);
  const [kind, setKind] = useState<EvaluationKind | null>(null);
  const [status, setStatus] = useState<Status | null>(null);
  const [creating, setCreating] = useState(false);
  const list = useAsync(() => listEvaluations({ year, kind, status }), [year, kind, status]);
  const items = list.data?.items ?? [];
  const unread = unreadReturns(items);
  const thisYear = new Date().getFullYear();
  const years = [...new Set([...items.map((x) => x.year), thisYear - 1, thisYear - 2, thisYear - 3])].sort((a, b) => b - a);
  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>我的自评{user?.unit ? ` · ${user.unit.name}` : ''}</h1>
        <Space wrap>
          <Select aria-label="按年度筛选" allowClear placeholder="全部年度" style={{ width: 120 }} value={year} onChange={(v) => setYear(v ?? null)} options={years.map((y) => ({ value: y, label: `${y}年度` }))} />
          <Select aria-label="按类型筛选" allowClear placeholder="全部类型" style={{ width: 140 }} value={kind} onChange={(v) => setKind(v ?? null)} options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))} />
          <Select aria-label="按状态筛选" allowClear placeholder="全部状态" style={{ width: 120 }} value={status} onChange={(v) => setStatus(v ?? null)} options={Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))} />
          {user?.role === 'preparer' && <Button type="primary" onClick={() => setCreating(true)}>新建自评</Button>}
        </Space>
      </div>
      {unread.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="unread-returns"
          title={`财政局退回了 ${unread.length} 份自评，请查看退回意见，修改后重新提交：`}
          description={
            <ul className="jx-import-notes">
              {unread.map((r) => (
                <li key={r.id}><Link to={`/evaluations/${r.id}`}>{r.year}年度{r.kindName}{r.projectName ? `「${r.projectName}」` : ''}</Link></li>
              ))}
            </ul>
          }
        />
      )}
      {list.error ? (
        <ErrorState error={list.error} onRetry={list.reload} what="自评列表" />
      ) : (
        <Table<EvaluationListItem>
          rowKey="id"
          loading={list.loading}
          dataSource={items}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <EmptyState description="还没有自评。点“新建自评”开始，可沿用上年或导入已有报告。" /> }}
          columns={[
            { title: '年度', dataIndex: 'year', width: 100, render: (y: number) => `${y}年度` },
            {
              title: '自评',
              dataIndex: 'kindName',
              render: (k: string, r) => <Link to={`/evaluations/${r.id}`}>{r.projectName ? `${k}「${r.projectName}」` : k}</Link>,
            },
            { title: '状态', dataIndex: 'status', width: 90, render: (s: Status) => <StatusTag status={s} /> },
            { title: '版本', dataIndex: 'currentVersion', width: 70, align: 'right' },
            { title: '计算得分', dataIndex: 'computedTotal', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '等级', dataIndex: 'computedGrade', width: 70, render: (v: string | null) => v ?? '—' },
            { title: '复核得分', dataIndex: 'reviewScore', width: 90, align: 'right', render: (v: string | null) => v ?? '—' },
            { title: '错误', dataIndex: 'errorCount', width: 70, align: 'right', render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text> },
            { title: '更新时间', dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v) },
            ...(user?.role === 'preparer' ? [{
              title: '操作', key: 'actions', width: 80,
              render: (_: unknown, r: EvaluationListItem) => (r.status === 'draft' && r.submittedVersion === null ? (
                <Popconfirm
                  title="删除这份草稿？"
                  description={`${r.year}年度${r.kindName}${r.projectName ? `「${r.projectName}」` : ''}的全部 ${r.currentVersion} 个版本和佐证材料将被删除，不能恢复。`}
                  okText="删除"
                  okButtonProps={{ danger: true }}
                  cancelText="取消"
                  onConfirm={() => deleteEvaluation(r.id).then(() => { showSuccess('已删除草稿'); list.reload(); }).catch((e: unknown) => showError(e, '删除失败'))}
                >
                  <Button size="small" danger aria-label={`删除${r.year}年度草稿`}>删除</Button>
                </Popconfirm>
              ) : null),
            }] : []),
          ]}
        />
      )}
      <NewEvaluationDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}
