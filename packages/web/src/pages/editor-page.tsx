/**
 * 编辑自评: the editor on a stored evaluation. Drafts autosave to the server (and at once to this
 * browser, so nothing typed is lost), leaving with unsaved changes asks first, and submitting with errors
 * left requires a justification.
 * @module
 */
import { Alert, Button, ConfigProvider, Dropdown, Input, List, Modal, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { downloadExport, getEvaluation, listEvidence, saveDraft, submitEvaluation, uploadEvidence } from '../api/endpoints.ts';
import { type EvaluationRecord, type Evidence, type ExportFormat, KIND_NAMES } from '../api/types.ts';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { EvaluationEditor } from '../editor/evaluation-editor.tsx';
import { bundledSchemes } from '../editor/schemes.ts';
import { labelOfPath } from '../editor/sections.ts';
import { useEditor } from '../editor/use-editor.ts';
import { formatDateTime } from '../lib/dates.ts';
import { clearDraft, readDraft, writeDraft } from '../lib/local-draft.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, useLeaveGuard, useParams } from '../routing/router.tsx';

const AUTOSAVE_MS = 1500;
const EDITABLE = new Set(['draft', 'returned']);

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'failed'; message: string };

function EvidenceCell({ evaluationId, index, name, items, onUploaded, disabled }: { evaluationId: string; index: number; name: string; items: Evidence[]; onUploaded: (e: Evidence) => void; disabled: boolean }) {
  const mine = items.filter((e) => e.indicatorIndex === index);
  return (
    <Space size={4} wrap>
      <Upload
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          uploadEvidence(evaluationId, index, file)
            .then((e) => { onUploaded(e); showSuccess(`已上传佐证材料「${file.name}」`); })
            .catch((e: unknown) => showError(e, '上传佐证材料失败'));
          return false;
        }}
      >
        <Button size="small" aria-label={`为${name}上传佐证材料`} disabled={disabled}>佐证材料{mine.length > 0 ? `（${mine.length}）` : ''}</Button>
      </Upload>
    </Space>
  );
}

function SubmitDialog({ open, onClose, record, errors, onSubmitted }: { open: boolean; onClose: () => void; record: EvaluationRecord; errors: { message: string; path: string }[]; onSubmitted: (r: EvaluationRecord) => void }) {
  const [justification, setJustification] = useState('');
  const [busy, setBusy] = useState(false);
  const kind = record.kind;
  const submit = async () => {
    if (errors.length > 0 && justification.trim().length < 10) {
      showError(new Error('尚有错误未修正：请写明理由（至少 10 个字）后再提交'));
      return;
    }
    setBusy(true);
    try {
      onSubmitted(await submitEvaluation(record.id, errors.length > 0 ? justification.trim() : null));
      onClose();
      showSuccess('已提交，等待财政局审核');
    } catch (e) {
      showError(e, '提交失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="提交审核" open={open} onCancel={onClose} onOk={() => void submit()} okText="提交" cancelText="取消" confirmLoading={busy} width={640}>
      {errors.length === 0 ? (
        <Alert type="success" showIcon title="没有错误。提交后不能再修改，除非财政局退回。" />
      ) : (
        <>
          <Alert type="warning" showIcon title={`还有 ${errors.length} 处错误未修正。如确需提交，请说明理由。`} style={{ marginBottom: 8 }} />
          <List size="small" bordered style={{ maxHeight: 200, overflow: 'auto', marginBottom: 8 }} dataSource={errors} renderItem={(e) => <List.Item>{labelOfPath(kind, e.path)}：{e.message}</List.Item>} />
          <Input.TextArea aria-label="未修正错误的理由" rows={4} value={justification} onChange={(e) => setJustification(e.target.value)} placeholder="例如：基础数据表的预算数以财政批复为准，正文引用的是年初数……" />
        </>
      )}
    </Modal>
  );
}

function Workspace({ initial }: { initial: EvaluationRecord }) {
  const schemes = useMemo(() => bundledSchemes(), []);
  const [record, setRecord] = useState(initial);
  const local = useMemo(() => readDraft(initial.id), [initial.id]);
  const [restoreOffer, setRestoreOffer] = useState(() => local !== null && JSON.stringify(local.data) !== JSON.stringify(initial.data) ? local : null);
  const state = useEditor(initial.data, schemes);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const versionRef = useRef(initial.version);
  const inFlight = useRef(false);
  const editable = EDITABLE.has(record.status);

  useEffect(() => {
    listEvidence(initial.id).then((r) => setEvidence(r.items)).catch(() => setEvidence([]));
  }, [initial.id]);

  const saveNow = useCallback(async () => {
    if (inFlight.current || !editable) return;
    const data = state.input;
    inFlight.current = true;
    setSave({ kind: 'saving' });
    try {
      const saved = await saveDraft(record.id, data, versionRef.current);
      versionRef.current = saved.version;
      setRecord((r) => ({ ...r, ...saved, data }));
      state.markSaved(data);
      clearDraft(record.id);
      setSave({ kind: 'saved', at: saved.updatedAt ?? new Date().toISOString() });
    } catch (e) {
      const message = e instanceof ApiError ? e.message : '保存失败';
      setSave({ kind: 'failed', message });
      if (e instanceof ApiError && e.status === 409) showError(e, '保存失败');
    } finally {
      inFlight.current = false;
    }
  }, [editable, record.id, state]);

  // Local copy at once; server autosave after a pause in typing.
  useEffect(() => {
    if (!state.dirty || !editable) return;
    writeDraft(record.id, state.input, versionRef.current);
    const t = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [editable, record.id, saveNow, state.dirty, state.input]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        void saveNow();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [saveNow]);

  useLeaveGuard(() => (state.dirty && editable ? '有尚未保存到服务器的修改（本机已留存草稿）。确定离开吗？' : null));

  const errors = state.result.findings.filter((f) => f.severity === 'error').map((f) => ({ message: f.message, path: f.location.path }));
  const title = record.title || (typeof record.data.title === 'string' ? record.data.title : '') || '自评';
  const exportAs = (format: ExportFormat) => {
    if (state.dirty) showError(new Error('有未保存的修改：下载的是上次保存的版本'));
    void downloadExport(record.id, format, `${record.unitName}${record.year}年度${KIND_NAMES[record.kind]}绩效自评`).catch((e: unknown) => showError(e, '下载失败'));
  };
  const lastReview = record.reviews[record.reviews.length - 1];

  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <Space wrap>
          <Link to="/evaluations">← 我的自评</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>{record.unitName} · {record.year}年度 · {title}</Typography.Title>
          <StatusTag status={record.status} />
        </Space>
        <div className="jx-toolbar">
          <span className="jx-saved" data-testid="save-state" aria-live="polite">
            {save.kind === 'saving' ? '正在保存…'
              : save.kind === 'failed' ? <Typography.Text type="danger">{save.message}（本机已留存）</Typography.Text>
              : state.dirty ? '有未保存的修改'
              : save.kind === 'saved' ? `已保存 ${formatDateTime(save.at)}`
              : `版本 ${versionRef.current}`}
          </span>
          {editable && <Button onClick={() => void saveNow()} disabled={!state.dirty}>保存</Button>}
          <Dropdown
            menu={{
              items: [
                { key: 'docx', label: 'Word 报告（.docx）' },
                { key: 'xlsx', label: 'Excel 表格（.xlsx）' },
                { key: 'pdf', label: 'PDF' },
              ],
              onClick: ({ key }) => exportAs(key as ExportFormat),
            }}
          >
            <Button>下载</Button>
          </Dropdown>
          <Link to={`/evaluations/${record.id}/history`}>版本历史</Link>
          {editable && (
            <Button type="primary" onClick={() => { void saveNow(); setSubmitting(true); }}>
              提交审核
            </Button>
          )}
        </div>
      </div>
      {restoreOffer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`本机有 ${formatDateTime(restoreOffer.savedAt)} 留存、尚未保存到服务器的修改`}
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => { state.replace(restoreOffer.data); setRestoreOffer(null); }}>恢复</Button>
              <Button size="small" onClick={() => { clearDraft(record.id); setRestoreOffer(null); }}>丢弃</Button>
            </Space>
          }
        />
      )}
      {record.status === 'returned' && lastReview && (
        <Alert type="warning" showIcon style={{ marginBottom: 8 }} title={`财政局已退回（${lastReview.reviewerName}，${formatDateTime(lastReview.createdAt)}）`} description={<span data-testid="review-opinion">{lastReview.opinion}</span>} />
      )}
      {!editable && (
        <Alert type="info" showIcon style={{ marginBottom: 8 }} title={record.status === 'submitted' ? '已提交，等待财政局审核；审核期间不能修改。' : '已审核通过，不能再修改。'} />
      )}
      {state.result.counts.error === 0 && editable && (
        <Tag color="success" style={{ marginBottom: 8 }}>没有错误，可以提交</Tag>
      )}
      <ConfigProvider componentDisabled={!editable}>
        <EvaluationEditor
          state={state}
          renderEvidence={(index, name) => (
            <EvidenceCell evaluationId={record.id} index={index} name={name} items={evidence} onUploaded={(e) => setEvidence((l) => [...l, e])} disabled={!editable} />
          )}
        />
      </ConfigProvider>
      <SubmitDialog open={submitting} onClose={() => setSubmitting(false)} record={record} errors={errors} onSubmitted={(r) => { setRecord((old) => ({ ...old, ...r })); state.markSaved(state.input); }} />
    </div>
  );
}

export function EditorPage() {
  const { id = '' } = useParams();
  const loaded = useAsync(() => getEvaluation(id), [id]);
  if (loaded.loading && !loaded.data) return <LoadingState what="自评" />;
  if (loaded.error || !loaded.data) return <ErrorState error={loaded.error} onRetry={loaded.reload} what="自评" />;
  return <Workspace key={loaded.data.id} initial={loaded.data} />;
}
