/**
 * 离线试算: the editor with the core in the browser and no server. Start from an example or a JSON file;
 * the draft stays in this browser. Useful to try the product, and to check a report before logging in.
 * @module
 */
import { Alert, Button, Select, Space, Spin, Upload } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EvaluationEditor } from '../editor/evaluation-editor.tsx';
import { bundledSchemes } from '../editor/schemes.ts';
import { useEditor } from '../editor/use-editor.ts';
import { formatDateTime } from '../lib/dates.ts';
import { readDraft, writeDraft } from '../lib/local-draft.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useLocation } from '../routing/router.tsx';

const examples = import.meta.glob<Record<string, unknown>>('../../../../examples/*.json', { import: 'default' });
const EXAMPLE_NAMES: Record<string, string> = {
  'hengyang-natural-resources-2022': '衡阳县自然资源局 2022（原样录入，含错误）',
  'clean-department-2023': '某县农业农村局 2023（部门整体，无错误）',
  'clean-project-2023': '高标准农田建设项目 2023（项目，无错误）',
};
const exampleKey = (path: string) => path.split('/').pop()?.replace(/\.json$/u, '') ?? path;
const DRAFT_ID = 'sandbox';

function Editor({ initial, source }: { initial: Record<string, unknown>; source: string }) {
  const schemes = useMemo(() => bundledSchemes(), []);
  const state = useEditor(initial, schemes);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const pending = useRef<Record<string, unknown> | null>(null);
  useEffect(() => {
    if (!state.dirty) return;
    pending.current = state.input;
    const t = setTimeout(() => {
      pending.current = null;
      if (writeDraft(DRAFT_ID, state.input, null)) setSavedAt(new Date().toISOString());
    }, 400);
    return () => clearTimeout(t);
  }, [state.dirty, state.input]);
  // Leaving or reloading within the pause still keeps the last change.
  useEffect(() => {
    const flush = () => {
      if (pending.current) writeDraft(DRAFT_ID, pending.current, null);
      pending.current = null;
    };
    window.addEventListener('pagehide', flush);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
    };
  }, []);
  const download = () => {
    const blob = new Blob([JSON.stringify(state.input, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = `${source}.json`;
    a.click();
    URL.revokeObjectURL(a.href);
  };
  return (
    <>
      <div className="jx-toolbar" style={{ marginBottom: 8 }}>
        <span className="jx-saved" data-testid="save-state">{savedAt ? `已保存到本机 ${formatDateTime(savedAt)}` : '修改会自动保存到本机'}</span>
        <Button size="small" onClick={download}>下载 JSON</Button>
      </div>
      <EvaluationEditor state={state} />
    </>
  );
}

export function SandboxPage() {
  const { search } = useLocation();
  const wanted = search.get('example');
  const [loaded, setLoaded] = useState<{ data: Record<string, unknown>; source: string; key: number } | null>(null);
  const [loading, setLoading] = useState(false);
  const [draftOffer, setDraftOffer] = useState(() => readDraft(DRAFT_ID));

  const openExample = async (name: string) => {
    const entry = Object.entries(examples).find(([path]) => exampleKey(path) === name);
    if (!entry) return showError(new Error(`没有示例「${name}」`));
    setLoading(true);
    try {
      const data = await entry[1]();
      setLoaded({ data: structuredClone(data), source: name, key: Date.now() });
      setDraftOffer(null);
    } catch (e) {
      showError(e, '读取示例失败');
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    if (wanted) void openExample(wanted);
  }, [wanted]);

  const openFile = async (file: File) => {
    try {
      const data = JSON.parse(await file.text()) as unknown;
      if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error(`文件「${file.name}」不是自评数据（应为 JSON 对象）`);
      setLoaded({ data: data as Record<string, unknown>, source: file.name.replace(/\.json$/iu, ''), key: Date.now() });
      setDraftOffer(null);
      showSuccess(`已打开「${file.name}」`);
    } catch (e) {
      showError(e instanceof SyntaxError ? new Error(`文件「${file.name}」不是有效的 JSON`) : e);
    }
    return false;
  };

  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <h1>离线试算</h1>
        <Space wrap>
          <Select
            aria-label="选择示例"
            placeholder="打开示例"
            style={{ width: 300 }}
            value={loaded && EXAMPLE_NAMES[loaded.source] ? loaded.source : undefined}
            onChange={(v: string) => void openExample(v)}
            options={Object.keys(examples).map((p) => ({ value: exampleKey(p), label: EXAMPLE_NAMES[exampleKey(p)] ?? exampleKey(p) }))}
          />
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => openFile(f)}>
            <Button>打开 JSON 文件</Button>
          </Upload>
        </Space>
      </div>
      {draftOffer && !loaded && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`本机有一份 ${formatDateTime(draftOffer.savedAt)} 保存的草稿`}
          action={<Button size="small" type="primary" onClick={() => setLoaded({ data: draftOffer.data, source: 'draft', key: Date.now() })}>继续编辑</Button>}
        />
      )}
      {loading && <div className="jx-center"><Spin description="正在读取…" /></div>}
      {!loading && !loaded && !draftOffer && (
        <Alert type="info" showIcon title="选择一个示例或打开 JSON 文件开始。数据只在本机浏览器中，不会上传。" />
      )}
      {loaded && <Editor key={loaded.key} initial={loaded.data} source={loaded.source} />}
    </div>
  );
}
