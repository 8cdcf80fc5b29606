/**
 * The eval's result file (eval/result.json): the figures, and per document and per mutant what was found,
 * so that the next run can say what got better and what got worse.
 * @module
 */
import type { CorpusDocument } from './corpus.ts';
import type { DocumentOutcome, MutantOutcome } from './evaluate.ts';

type Rate = { n: number; found: number };

export type Result = {
  readonly version: 1;
  readonly seed: number;
  readonly seconds: number;
  readonly summary: {
    documents: number;
    relations: number;
    violations: number;
    violationsFound: number;
    violationsByKind: Record<string, Rate>;
    mutants: number;
    mutantsFound: number;
    mutantsFigure: number;
    mutantsRelation: number;
    mutantsElsewhere: number;
    mutantsByKind: Record<string, Rate>;
    mutantsByLayout: Record<string, Rate>;
    mutantsByProvince: Record<string, Rate>;
    mutantsBySlip: Record<string, Rate>;
    holding: number;
    holdingPer100: number;
    /** Of them, errors (target ≤ 1 per 100 reports) and warnings (target ≤ 1 per 10 reports); absent in older results. */
    holdingErrors?: number;
    holdingWarnings?: number;
    unlabelled: number;
    unlabelledPer100: number;
    unlabelledByCheck: Record<string, number>;
    notTheUnits: number;
    inOmitted: number;
    soft: number;
    otherValue: number;
  };
  readonly documents: Record<string, { violations: Record<string, boolean>; falseAlarms: string[]; mutants: Rate }>;
  readonly mutants: Record<string, MutantOutcome['outcome']>;
};

function rates<T>(items: readonly T[], keys: (t: T) => readonly string[], found: (t: T) => boolean): Record<string, Rate> {
  const out: Record<string, Rate> = {};
  for (const t of items) {
    for (const k of keys(t)) {
      const r = (out[k] ??= { n: 0, found: 0 });
      r.n++;
      if (found(t)) r.found++;
    }
  }
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1].n - a[1].n || a[0].localeCompare(b[0])));
}

const falseAlarmKey = (f: { line: number | null; check: string; stated: unknown; expected: unknown }): string =>
  `第 ${f.line ?? '-'} 行 ${f.check} ${String(f.stated ?? '')}→${String(f.expected ?? '')}`;

export function summarize(input: { seed: number; docs: readonly CorpusDocument[]; outcomes: readonly DocumentOutcome[]; mutants: readonly MutantOutcome[]; seconds: number }): Result {
  const { docs, outcomes, mutants } = input;
  const source = new Map(docs.map((d) => [d.id, d.source]));
  const violations = outcomes.flatMap((o) => o.violations);
  const findings = outcomes.flatMap((o) => o.findings);
  const alarms = findings.filter((f) => f.class === 'holding' || f.class === 'unlabelled');
  const per100 = (n: number): number => (docs.length === 0 ? 0 : Math.round((1000 * n) / docs.length) / 10);
  const byCheck: Record<string, number> = {};
  for (const f of alarms) byCheck[f.check] = (byCheck[f.check] ?? 0) + 1;
  return {
    version: 1,
    seed: input.seed,
    seconds: Math.round(input.seconds),
    summary: {
      documents: docs.length,
      relations: outcomes.reduce((n, o) => n + o.relations, 0),
      violations: violations.length,
      violationsFound: violations.filter((v) => v.found).length,
      violationsByKind: rates(violations, (v) => [v.kind], (v) => v.found),
      mutants: mutants.length,
      mutantsFound: mutants.filter((m) => m.outcome === 'found').length,
      mutantsFigure: mutants.filter((m) => m.outcome === 'figure').length,
      mutantsRelation: mutants.filter((m) => m.outcome === 'relation').length,
      mutantsElsewhere: mutants.filter((m) => m.outcome === 'elsewhere').length,
      mutantsByKind: rates(mutants, (m) => [m.kind], (m) => m.outcome === 'found'),
      mutantsByLayout: rates(mutants, (m) => source.get(m.document)?.layouts ?? ['（无来源）'], (m) => m.outcome === 'found'),
      mutantsByProvince: rates(mutants, (m) => [source.get(m.document)?.province ?? '（未知）'], (m) => m.outcome === 'found'),
      mutantsBySlip: rates(mutants, (m) => [m.slip], (m) => m.outcome === 'found'),
      holding: findings.filter((f) => f.class === 'holding').length,
      holdingPer100: per100(findings.filter((f) => f.class === 'holding').length),
      holdingErrors: findings.filter((f) => f.class === 'holding' && f.severity === 'error').length,
      holdingWarnings: findings.filter((f) => f.class === 'holding' && f.severity === 'warning').length,
      unlabelled: alarms.length,
      unlabelledPer100: per100(alarms.length),
      unlabelledByCheck: Object.fromEntries(Object.entries(byCheck).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))),
      notTheUnits: alarms.filter((f) => f.place === 'not-the-units').length,
      inOmitted: alarms.filter((f) => f.place === 'omitted').length,
      soft: findings.filter((f) => f.class === 'soft').length,
      otherValue: findings.filter((f) => f.class === 'violation-other-value').length,
    },
    documents: Object.fromEntries(
      outcomes.map((o) => {
        const own = mutants.filter((m) => m.document === o.id);
        return [
          o.id,
          {
            violations: Object.fromEntries(o.violations.map((v) => [v.id, v.found])),
            falseAlarms: o.findings.filter((f) => f.class === 'holding' || f.class === 'unlabelled').map(falseAlarmKey),
            mutants: { n: own.length, found: own.filter((m) => m.outcome === 'found').length },
          },
        ];
      }),
    ),
    mutants: Object.fromEntries(mutants.map((m) => [m.id, m.outcome])),
  };
}

/** What got better and what got worse from `before` to `after`, in lines for people. */
export function compareResults(before: Result, after: Result): string[] {
  const out: string[] = [];
  const b = before.summary;
  const a = after.summary;
  const ratio = (n: number, d: number): string => (d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`);
  const line = (what: string, x: string, y: string, better: boolean | null): void => {
    if (x === y) return;
    out.push(`${better === null ? '变化' : better ? '变好' : '变差'}：${what} ${x} → ${y}`);
  };
  line('标注违反的召回', ratio(b.violationsFound, b.violations), ratio(a.violationsFound, a.violations), a.violationsFound / (a.violations || 1) > b.violationsFound / (b.violations || 1));
  line('变异体的召回', ratio(b.mutantsFound, b.mutants), ratio(a.mutantsFound, a.mutants), a.mutantsFound / (a.mutants || 1) > b.mutantsFound / (b.mutants || 1));
  line('成立关系上的错误和警告（每 100 份）', String(b.holdingPer100), String(a.holdingPer100), a.holdingPer100 < b.holdingPer100);
  line('不对应标注的错误和警告（每 100 份）', String(b.unlabelledPer100), String(a.unlabelledPer100), a.unlabelledPer100 < b.unlabelledPer100);
  line('文档数', String(b.documents), String(a.documents), null);
  line('变异体数', String(b.mutants), String(a.mutants), null);
  if (before.seed !== after.seed) out.push(`注意：两次的种子不同（${before.seed} / ${after.seed}），变异体不可逐个比较`);
  for (const [id, d] of Object.entries(after.documents)) {
    const p = before.documents[id];
    if (!p) {
      out.push(`新文档：${id}`);
      continue;
    }
    for (const [rel, found] of Object.entries(d.violations)) {
      if (p.violations[rel] === undefined || p.violations[rel] === found) continue;
      out.push(`${found ? '变好' : '变差'}：${id} ${rel} ${found ? '现在发现' : '不再发现'}`);
    }
    for (const f of d.falseAlarms.filter((x) => !p.falseAlarms.includes(x))) out.push(`变差：${id} 新误报 ${f}`);
    for (const f of p.falseAlarms.filter((x) => !d.falseAlarms.includes(x))) out.push(`变好：${id} 误报消除 ${f}`);
  }
  let gained = 0;
  let lost = 0;
  const docs = new Map<string, [number, number]>();
  for (const [id, outcome] of Object.entries(after.mutants)) {
    const prev = before.mutants[id];
    if (prev === undefined || (prev === 'found') === (outcome === 'found')) continue;
    const doc = id.split('#')[0] ?? id;
    const t = docs.get(doc) ?? [0, 0];
    if (outcome === 'found') {
      gained++;
      t[0]++;
    } else {
      lost++;
      t[1]++;
    }
    docs.set(doc, t);
  }
  if (gained + lost > 0) {
    out.push(`变异体：新发现 ${gained} 个，不再发现 ${lost} 个`);
    for (const [doc, [g, l]] of docs) out.push(`  ${doc}：+${g} −${l}`);
  }
  for (const id of Object.keys(before.documents)) if (!after.documents[id]) out.push(`不再在语料中：${id}`);
  return out.length > 0 ? out : ['无变化'];
}
