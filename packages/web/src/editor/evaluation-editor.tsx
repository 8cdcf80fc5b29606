/**
 * The evaluation editor: the report's outline on the left, the section's form in the middle, live
 * scoring and the findings on the right. The host page owns the state (`useEditor`) and saving.
 * @module
 */
import { type ReactNode, memo, useEffect, useMemo } from 'react';
import { markInteractive } from '../lib/perf.ts';
import { FieldMessages } from './field.tsx';
import { FindingsPanel } from './findings-panel.tsx';
import { IndicatorEditor } from './indicator-editor.tsx';
import { ScorePanel } from './score-panel.tsx';
import { SectionForm } from './section-form.tsx';
import { type Section, sectionOfPath, sectionsOf } from './sections.ts';
import type { EditorState } from './use-editor.ts';

/** The report outline: a plain list of buttons (light enough to re-render as error counts change). */
const Outline = memo(function Outline({ sections, selected, errorKey, onSelect }: { sections: readonly Section[]; selected: string; errorKey: string; onSelect: (key: string) => void }) {
  const counts = errorKey.split(',').map(Number);
  return (
    <ul className="jx-outline-list">
      {sections.map((s, i) => (
        <li key={s.key}>
          <button type="button" aria-current={s.key === selected ? 'true' : undefined} className={s.key === selected ? 'jx-outline-item jx-selected' : 'jx-outline-item'} onClick={() => onSelect(s.key)}>
            <span>{s.title}</span>
            {(counts[i] ?? 0) > 0 && <span className="jx-count" title="错误数" aria-label={`${counts[i]} 个错误`}>{counts[i]}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
});

export function EvaluationEditor({ state, renderEvidence }: { state: EditorState; renderEvidence?: (index: number, name: string) => ReactNode }) {
  const sections = sectionsOf(state.kind);
  const section = sections.find((s) => s.key === state.section) ?? sections[0];
  const errorsBySection = useMemo(() => {
    const m = new Map<string, number>();
    for (const f of state.result.findings) {
      if (f.severity !== 'error') continue;
      const key = sectionOfPath(state.kind, f.location.path).key;
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    return m;
  }, [state.kind, state.result]);
  useEffect(() => {
    markInteractive();
  }, []);
  // The outline re-renders only when a section's error count changes, not on every keystroke.
  const errorKey = sections.map((s) => errorsBySection.get(s.key) ?? 0).join(',');
  if (!section) return null;
  return (
    <FieldMessages.Provider value={state.problems}>
    <div className="jx-editor">
      <nav className="jx-outline" aria-label="报告目录">
        <Outline sections={sections} selected={section.key} errorKey={errorKey} onSelect={state.setSection} />
      </nav>
      <main className="jx-form" aria-label={`编辑：${section.title}`}>
        <h2 className="jx-section-title">{section.title}</h2>
        <SectionForm
          section={section}
          input={state.input}
          statuses={state.statuses}
          onChange={state.setField}
          renderIndicators={() => (
            <IndicatorEditor
              kind={state.kind}
              input={state.input}
              statuses={state.statuses}
              onChange={state.setField}
              derived={state.result.derived}
              scheme={state.result.scheme}
              focusPath={state.jumpTo}
              renderEvidence={renderEvidence}
            />
          )}
        />
      </main>
      <aside className="jx-side">
        <ScorePanel kind={state.kind} input={state.input} derived={state.result.derived} />
        <FindingsPanel kind={state.kind} findings={state.result.findings} counts={state.result.counts} recheckMs={state.result.ms} onJump={state.jumpTo} />
      </aside>
    </div>
    </FieldMessages.Provider>
  );
}
