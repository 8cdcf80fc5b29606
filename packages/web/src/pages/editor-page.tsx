/**
 * 编辑自评: the editor on a stored evaluation. Drafts autosave to the server as new versions after a pause
 * in typing (and at once to this browser, so nothing typed is lost); leaving with unsaved changes asks
 * first; submitting with errors left requires a justification for each.
 * @module
 */
import { Alert, Button, ConfigProvider, Dropdown, Input, Modal, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError } from '../api/client.ts';
import { deleteEvidence, downloadExport, evidenceUrl, signEvaluation, getEvaluation, getHistory, listEvidence, listReviews, saveEvaluation, submitEvaluation, uploadEvidence } from '../api/endpoints.ts';
import { type EvaluationDetail, type Evidence, type ExportFormat, type IndicatorReview, type Status, type Transition, KIND_NAMES } from '../api/types.ts';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { EvaluationEditor } from '../editor/evaluation-editor.tsx';
import { bundledSchemes } from '../editor/schemes.ts';
import { FORMAT_CHECK, saveableInput } from '../editor/recheck.ts';
import { labelOfPath, namedDetails } from '../editor/sections.ts';
import { useEditor } from '../editor/use-editor.ts';
import { formatDateTime } from '../lib/dates.ts';
import { dropImportNotes, readImportNotes } from '../lib/import-notes.ts';
import { markReturnSeen } from '../lib/returns-seen.ts';
import { clearDraft, readDraft, writeDraft } from '../lib/local-draft.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, useLeaveGuard, useParams } from '../routing/router.tsx';

/** 佐证材料 up to 20 MB each (the server's MAX_EVIDENCE_BYTES, as documented). */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/** Every save is a version on the server: save after this pause in typing (the browser keeps a copy at once). */
const AUTOSAVE_MS = 3000;

type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string; withheld: number } | { kind: 'failed'; message: string };
type ErrorItem = { key: string; message: string; path: string };

function EvidenceCell({ evaluationId, index, name, items, onUploaded, onDeleted, disabled }: { evaluationId: string; index: number; name: string; items: readonly Evidence[]; onUploaded: (e: Evidence) => void; onDeleted: (id: string) => void; disabled: boolean }) {
  const mine = items.filter((e) => e.indicatorIndex === index);
  return (
    <Space size={4} wrap>
      <Upload
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          // The server's limit, checked before sending: a file over it is refused at once, not after the whole upload.
          if (file.size > MAX_EVIDENCE_BYTES) {
            showError(new Error(`「${file.name}」有 ${(file.size / 1048576).toFixed(1)} MB，超过佐证材料 ${MAX_EVIDENCE_BYTES / 1048576} MB 的上限，未上传`));
            return false;
          }
          uploadEvidence(evaluationId, index, file)
            .then((e) => { onUploaded(e); showSuccess(`已上传佐证材料「${file.name}」`); })
            .catch((e: unknown) => showError(e, '上传佐证材料失败'));
          return false;
        }}
      >
        <Button size="small" aria-label={`为${name}上传佐证材料`} disabled={disabled}>上传佐证</Button>
      </Upload>
      {mine.map((e) => (
        <span key={e.id} className="jx-evidence">
          <a href={evidenceUrl(e.id)} className="jx-small" title={`${e.uploadedBy.displayName} ${formatDateTime(e.uploadedAt)}`}>{e.fileName}</a>
          {!disabled && (
            <Popconfirm
              title={`删除佐证材料「${e.fileName}」？`}
              description="删除后不能恢复，记入审计日志。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="取消"
              onConfirm={() => deleteEvidence(e.id).then(() => { onDeleted(e.id); showSuccess(`已删除「${e.fileName}」`); }).catch((err: unknown) => showError(err, '删除失败'))}
            >
              <Button type="link" size="small" danger aria-label={`删除佐证材料${e.fileName}`} style={{ padding: '0 2px' }}>删除</Button>
            </Popconfirm>
          )}
        </span>
      ))}
    </Space>
  );
}

function SubmitDialog({ open, onClose, onSubmit, errors, kind, previous }: { open: boolean; onClose: () => void; onSubmit: (j: Record<string, string>) => Promise<boolean>; errors: readonly ErrorItem[]; kind: 'department' | 'project'; previous: Readonly<Record<string, string>> }) {
  // The reasons given at the last submission stand for the same errors: nobody retypes them.
  const [typed, setReasons] = useState<Record<string, string>>({});
  const reasons: Record<string, string> = { ...previous, ...typed };
  const [busy, setBusy] = useState(false);
  const missing = errors.filter((e) => (reasons[e.key] ?? '').trim().length < 4);
  const submit = async () => {
    if (missing.length > 0) return showError(new Error(`还有 ${missing.length} 个错误没有写明理由（每条至少 4 个字）`));
    setBusy(true);
    try {
      if (await onSubmit(Object.fromEntries(errors.map((e) => [e.key, (reasons[e.key] ?? '').trim()])))) onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title="提交审核" open={open} onCancel={onClose} onOk={() => void submit()} okText="提交" cancelText="取消" confirmLoading={busy} width={680} destroyOnHidden>
      {errors.length === 0 ? (
        <Alert type="success" showIcon title="没有错误。提交后等待财政局审核，审核期间不能修改。" />
      ) : (
        <>
          <Alert type="warning" showIcon title={`还有 ${errors.length} 个错误未修正。确需提交的，请逐条写明理由。`} style={{ marginBottom: 8 }} />
          <div style={{ maxHeight: 360, overflow: 'auto' }}>
            {errors.map((e) => (
              <div key={e.key} style={{ marginBottom: 10 }}>
                <div className="jx-small"><Tag color="red">错误</Tag>{labelOfPath(kind, e.path)}：{e.message}</div>
                <Input.TextArea aria-label={`理由：${e.message}`} rows={2} value={reasons[e.key] ?? ''} onChange={(ev) => setReasons({ ...reasons, [e.key]: ev.target.value })} placeholder="为什么不改（至少 4 个字）" />
              </div>
            ))}
          </div>
        </>
      )}
    </Modal>
  );
}

function Workspace({ initial, onReload }: { initial: EvaluationDetail; onReload: () => void }) {
  const schemes = useMemo(() => bundledSchemes(), []);
  const [status, setStatus] = useState<Status>(initial.status);
  const editable = initial.isEditable && (status === 'draft' || status === 'returned');
  const local = useMemo(() => readDraft(initial.id), [initial.id]);
  const [restoreOffer, setRestoreOffer] = useState(() =>
    local !== null && editable && JSON.stringify(local.data) !== JSON.stringify(initial.version.document) ? local : null,
  );
  const state = useEditor(initial.version.document, schemes);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [submitting, setSubmitting] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [importNotes, setImportNotes] = useState(() => readImportNotes(initial.id));
  // Opening a returned evaluation reads its return: the list's notice and the header's badge drop it.
  useEffect(() => {
    if (initial.status === 'returned') markReturnSeen(initial.id, initial.submittedVersion);
  }, [initial.id, initial.status, initial.submittedVersion]);
  const [evidence, setEvidence] = useState<Evidence[]>([]);
  const [history, setHistory] = useState<Transition[]>([]);
  const [reviews, setReviews] = useState<IndicatorReview[]>([]);
  const versionRef = useRef(initial.version.number);
  const [version, setVersion] = useState(initial.version.number);
  const inFlight = useRef<Promise<boolean> | null>(null);
  /** What the server has: a field that cannot be read is saved as it is there. */
  const onServer = useRef<unknown>(initial.version.document);
  const latest = useRef(state);
  latest.current = state;

  useEffect(() => {
    listEvidence(initial.id).then((r) => setEvidence(r.items)).catch(() => setEvidence([]));
    getHistory(initial.id).then((r) => setHistory(r.items)).catch(() => setHistory([]));
    if (initial.status === 'returned') listReviews(initial.id).then((r) => setReviews(r.items.filter((x) => x.opinion))).catch(() => setReviews([]));
  }, [initial.id, initial.status]);

  /** Saves what is on screen now; resolves true when the server has it. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    const current = latest.current;
    if (!current.dirty || !editable) return true;
    const typed = current.input;
    const saveable = saveableInput(typed, onServer.current, current.result.findings);
    if (!saveable) {
      setSave({ kind: 'failed', message: '不是自评数据，无法保存' });
      return false;
    }
    const run = (async () => {
      setSave({ kind: 'saving' });
      try {
        const saved = await saveEvaluation(initial.id, saveable.document, versionRef.current);
        versionRef.current = saved.version;
        onServer.current = saveable.document;
        setVersion(saved.version);
        latest.current.markSaved(typed);
        // A field kept back stays in this browser until it is corrected.
        if (saveable.withheld.length === 0) clearDraft(initial.id);
        setSave({ kind: 'saved', at: new Date().toISOString(), withheld: saveable.withheld.length });
        return true;
      } catch (e) {
        const failure = e instanceof ApiError ? new ApiError(e.code, e.message, e.status, namedDetails(initial.kind, e.details)) : e;
        const message = failure instanceof ApiError ? failure.message : '保存失败，请检查网络';
        setSave({ kind: 'failed', message });
        showError(failure, '保存失败');
        if (e instanceof ApiError && e.code === 'edit-conflict') setConflict(true);
        return false;
      }
    })();
    inFlight.current = run;
    try {
      return await run;
    } finally {
      inFlight.current = null;
    }
  }, [editable, initial.id]);

  // A copy in this browser at once; the server after a pause in typing.
  useEffect(() => {
    if (!state.dirty || !editable) return;
    writeDraft(initial.id, state.input, versionRef.current);
    const t = setTimeout(() => void saveNow(), AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [editable, initial.id, saveNow, state.dirty, state.input]);

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

  const formatErrors = state.result.findings.filter((f) => f.check === FORMAT_CHECK);
  useLeaveGuard(() =>
    state.dirty && editable ? '有尚未保存到服务器的修改（本机已留存草稿，下次打开可恢复）。确定离开吗？'
      : formatErrors.length > 0 && editable ? `有 ${formatErrors.length} 处填写有误（已标红），这几处没有保存到服务器（本机已留存草稿）。确定离开吗？`
      : null);

  const errors: ErrorItem[] = [];
  for (const f of state.result.findings) {
    const key = `${f.check}@${f.location.path}`;
    if (f.severity === 'error' && !errors.some((e) => e.key === key)) errors.push({ key, message: f.message, path: f.location.path });
  }
  const submit = async (justifications: Record<string, string>) => {
    if (formatErrors.length > 0) {
      showError(new Error(`还有 ${formatErrors.length} 处填写有误（已标红），请先改正再提交`));
      return false;
    }
    if (!(await saveNow())) return false;
    try {
      const result = await submitEvaluation(initial.id, versionRef.current, justifications);
      setStatus(result.status);
      showSuccess('已提交，等待财政局审核');
      onReload();
      return true;
    } catch (e) {
      showError(e, '提交失败');
      return false;
    }
  };
  const fileName = `${initial.unitName}${initial.year}年度${initial.projectName ? `「${initial.projectName}」` : ''}${KIND_NAMES[initial.kind]}绩效自评`;
  const exportAs = (format: ExportFormat) => {
    if (state.dirty) showError(new Error('有未保存的修改：下载的是上次保存的版本'));
    void downloadExport(initial.id, format, fileName).catch((e: unknown) => showError(e, '下载失败'));
  };
  const lastReturn = [...history].reverse().find((t) => t.action === 'return');
  const lastSubmit = [...history].reverse().find((t) => t.action === 'submit');
  const signedNow = [...history].reverse().find((t) => t.action === 'sign' && t.version === version);
  const sign = async () => {
    try {
      await signEvaluation(initial.id, version);
      setHistory((await getHistory(initial.id)).items);
      showSuccess(`已签字确认第 ${version} 版`);
    } catch (e) {
      showError(e, '签字确认失败');
    }
  };
  const onUploaded = useCallback((e: Evidence) => setEvidence((l) => [...l, e]), []);
  const onDeleted = useCallback((gone: string) => setEvidence((l) => l.filter((x) => x.id !== gone)), []);
  const renderEvidence = useCallback(
    (index: number, name: string) => <EvidenceCell evaluationId={initial.id} index={index} name={name} items={evidence} onUploaded={onUploaded} onDeleted={onDeleted} disabled={!editable} />,
    [editable, evidence, initial.id, onDeleted, onUploaded],
  );

  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <Space wrap>
          <Link to="/evaluations">← 我的自评</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {initial.unitName} · {initial.year}年度{initial.kindName}{initial.projectName ? `「${initial.projectName}」` : ''}
          </Typography.Title>
          <StatusTag status={status} />
        </Space>
        <div className="jx-toolbar">
          <span className="jx-saved" data-testid="save-state" aria-live="polite">
            {save.kind === 'saving' ? '正在保存…'
              : save.kind === 'failed' && state.dirty ? <Typography.Text type="danger">{save.message}（本机已留存）</Typography.Text>
              : state.dirty ? '有未保存的修改'
              : save.kind === 'saved' && formatErrors.length > 0 ? <Typography.Text type="warning">{`已保存第 ${version} 版 ${formatDateTime(save.at)}；${formatErrors.length} 处填写有误，未保存（已标红）`}</Typography.Text>
              : save.kind === 'saved' ? `已保存第 ${version} 版 ${formatDateTime(save.at)}`
              : `第 ${version} 版`}
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
          <Link to={`/evaluations/${initial.id}/history`}>版本历史</Link>
          {signedNow ? (
            <Tag color="green" data-testid="signed">{signedNow.actor.displayName}已于 {formatDateTime(signedNow.at)} 签字确认第 {version} 版</Tag>
          ) : (status === 'draft' || status === 'returned') && (
            <Tag data-testid="signed">第 {version} 版尚未经单位负责人签字确认</Tag>
          )}
          {initial.allowedActions.includes('sign') && !signedNow && (
            <Popconfirm title={`签字确认第 ${version} 版？`} description="确认本版内容真实、准确，可以报送财政局；确认记入流转记录。" okText="签字确认" cancelText="取消" onConfirm={() => void sign()}>
              <Button type="primary">签字确认</Button>
            </Popconfirm>
          )}
          {editable && initial.allowedActions.includes('submit') && (
            <Button type="primary" onClick={() => { void saveNow(); setSubmitting(true); }}>提交审核</Button>
          )}
        </div>
      </div>
      {conflict && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title="他人已保存了更新的版本，你的修改没有保存（已留存在本机）。"
          description="载入最新版本后，可以选择“恢复”本机留存的修改，再核对合并。"
          action={<Button size="small" type="primary" onClick={onReload}>载入最新版本</Button>}
        />
      )}
      {restoreOffer && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={`本机有 ${formatDateTime(restoreOffer.savedAt)} 留存、尚未保存到服务器的修改${
            restoreOffer.baseVersion !== null && restoreOffer.baseVersion !== initial.version.number
              ? `（基于第 ${restoreOffer.baseVersion} 版，服务器上已是第 ${initial.version.number} 版：恢复后保存会替换其间他人的修改，请先看“版本历史”）`
              : ''
          }`}
          action={
            <Space>
              <Button size="small" type="primary" onClick={() => { state.replace(restoreOffer.data); setRestoreOffer(null); }}>恢复</Button>
              <Button size="small" onClick={() => { clearDraft(initial.id); setRestoreOffer(null); }}>丢弃</Button>
            </Space>
          }
        />
      )}
      {importNotes && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => { dropImportNotes(initial.id); setImportNotes(null); } }}
          style={{ marginBottom: 8 }}
          data-testid="import-notes"
          title={`导入「${importNotes.fileName}」时有 ${importNotes.warnings.length} 处未能对应到自评数据，请逐条核对并在相应栏目中填写：`}
          description={
            <ul className="jx-import-notes">
              {importNotes.warnings.map((w, i) => <li key={i}>{w}</li>)}
            </ul>
          }
        />
      )}
      {status === 'returned' && lastReturn && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`财政局已退回（${lastReturn.actor.displayName}，${formatDateTime(lastReturn.at)}）`}
          description={
            <>
              <div data-testid="return-opinion">{lastReturn.opinion}</div>
              {reviews.length > 0 && (
                <ul style={{ margin: '4px 0 0', paddingLeft: 18 }} data-testid="indicator-opinions">
                  {reviews.map((r) => (
                    <li key={r.indicatorIndex}>
                      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => state.jumpTo(`${initial.kind === 'project' ? '' : 'selfEvaluation.'}indicators[${r.indicatorIndex}].deviationExplanation`)}>
                        「{r.indicatorName}」
                      </Button>
                      ：{r.opinion}{r.reviewScore ? `（复核得分 ${r.reviewScore}）` : ''}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
      {!editable && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={status === 'submitted' ? '已提交，等待财政局审核；审核期间不能修改。' : status === 'draft' || status === 'returned' ? '只有填报人可以修改。' : `已${status === 'published' ? '公开' : '审核通过'}${initial.reviewScore ? `，复核得分 ${initial.reviewScore}` : ''}；不能再修改。`}
        />
      )}
      {editable && state.result.counts.error === 0 && <Tag color="success" style={{ marginBottom: 8 }}>没有错误，可以提交</Tag>}
      <ConfigProvider componentDisabled={!editable}>
        <EvaluationEditor state={state} renderEvidence={renderEvidence} />
      </ConfigProvider>
      <SubmitDialog open={submitting} onClose={() => setSubmitting(false)} onSubmit={submit} errors={errors} kind={initial.kind} previous={lastSubmit?.justifications ?? {}} />
    </div>
  );
}

export function EditorPage() {
  const { id = '' } = useParams();
  const loaded = useAsync(() => getEvaluation(id), [id]);
  if (loaded.loading && !loaded.data) return <LoadingState what="自评" />;
  if (loaded.error || !loaded.data) return <ErrorState error={loaded.error} onRetry={loaded.reload} what="自评" />;
  return <Workspace key={`${loaded.data.id}-${loaded.data.status}-${loaded.data.version.number}`} initial={loaded.data} onReload={loaded.reload} />;
}
