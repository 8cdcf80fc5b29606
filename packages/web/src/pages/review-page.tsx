/**
 * 审核 (财政局): per indicator the unit's stated score, the score computed under the scheme and the
 * reviewer's score (复核得分) side by side; the findings and the unit's justification; an opinion; return,
 * approve, publish.
 * @module
 */
import { type Dec, type Finding, ZERO, add, cmp, format, normalize, normalizeName, parseDec, toNumber } from '@jixiao/core';
import { Alert, Button, Card, Input, Modal, Popconfirm, Popover, Space, Tag, Typography } from 'antd';
import { Suspense, lazy, useMemo, useRef, useState } from 'react';
import {
  approveEvaluation, downloadExport, evidenceUrl, getEvaluation, getHistory, getVersion, listEvidence, listReviews, publishEvaluation, returnEvaluation, saveReview,
  withdrawEvaluation,
} from '../api/endpoints.ts';
import type { EvaluationDetail, Evidence, IndicatorReview, Status, Transition } from '../api/types.ts';
import { ErrorState, LoadingState } from '../components/states.tsx';
import { StatusTag } from '../components/status-tag.tsx';
import { type Change, diffEvaluations } from '../editor/diff.ts';
import { FindingsPanel } from '../editor/findings-panel.tsx';
import { recheck } from '../editor/recheck.ts';
import { bundledSchemes } from '../editor/schemes.ts';
import { formatDateTime } from '../lib/dates.ts';
import { labelOfPath } from '../editor/sections.ts';
import { formatDec } from '../lib/format.ts';
import { showError, showSuccess } from '../lib/notify.tsx';
import { useAsync } from '../lib/use-async.ts';
import { Link, navigate, useParams } from '../routing/router.tsx';

const ScoreChart = lazy(() => import('../components/score-chart.tsx'));

const show = (d: Dec | null | undefined) => (d ? formatDec(d) : '—');

/** Rows a merged cell spans at row i (0 when row i continues the cell above), as in the printed table. */
function spanAt(keys: readonly string[], i: number): number {
  if (i > 0 && keys[i - 1] === keys[i]) return 0;
  let n = 1;
  while (keys[i + n] === keys[i]) n++;
  return n;
}

type Loaded = { detail: EvaluationDetail; reviews: IndicatorReview[]; history: Transition[]; evidence: Evidence[]; since: { version: number; changes: Change[] } | null };

/** Why a 复核得分 as written cannot be taken: it must be a number from 0 to the points, with at most two decimals. */
export function reviewScoreProblem(text: string, points: Dec | null | undefined): string | null {
  const t = text.trim();
  if (t === '') return null;
  const d = parseDec(t);
  if (!d) return '不是数字';
  if (d.units < 0) return '不能为负数';
  if (d.scale > 2) return '至多两位小数';
  if (points && cmp(d, points) > 0) return `不能超过分值 ${formatDec(points)}`;
  return null;
}

function Review({ initial, onReload }: { initial: Loaded; onReload: () => void }) {
  const { detail } = initial;
  const [status, setStatus] = useState<Status>(detail.status);
  const doc = detail.version.document;
  const result = useMemo(() => recheck(doc, bundledSchemes()), [doc]);
  const derived = result.derived;
  const card = derived?.card;
  const stored = useMemo(() => new Map(initial.reviews.map((r) => [r.indicatorIndex, r])), [initial.reviews]);
  const [scores, setScores] = useState<Record<string, string>>(() => {
    const s: Record<string, string> = {};
    if (derived) {
      s.funds = derived.funds.score ? formatDec(derived.funds.score) : '';
      derived.indicators.forEach((r, i) => {
        const c = r.expected ?? r.indicator.score;
        s[String(i)] = stored.get(i)?.reviewScore ?? (c ? formatDec(normalize(c)) : '');
      });
    }
    return s;
  });
  const [opinion, setOpinion] = useState('');
  const [busy, setBusy] = useState(false);
  const pointsOf = (key: string): Dec | null => (key === 'funds' ? derived?.funds.points ?? null : derived?.indicators[Number(key)]?.indicator.points ?? null);
  const problemOf = (key: string): string | null => reviewScoreProblem(scores[key] ?? '', pointsOf(key));
  const badScores = Object.keys(scores).filter((k) => problemOf(k) !== null);
  const reviewTotal = Object.entries(scores).reduce<Dec>((sum, [k, v]) => add(sum, problemOf(k) === null ? parseDec(v) ?? ZERO : ZERO), ZERO);
  const canDecide = status === 'submitted' && detail.allowedActions.includes('approve');
  const lastSubmit = [...initial.history].reverse().find((t) => t.action === 'submit');
  const returns = initial.history.filter((t) => t.action === 'return' || t.action === 'approve');

  const [opinions, setOpinions] = useState<Record<string, string>>(() =>
    Object.fromEntries(initial.reviews.filter((r) => r.opinion).map((r) => [String(r.indicatorIndex), r.opinion ?? ''])),
  );
  // Reviews carried from an earlier version are saved on this one with the next change (or at approval).
  const savedRows = useRef(new Map(initial.reviews.filter((r) => !r.carriedFrom).map((r) => [r.indicatorIndex, `${r.reviewScore ?? ''}|${r.opinion ?? ''}`])));
  const carried = useMemo(() => new Map(initial.reviews.filter((r) => r.carriedFrom).map((r) => [r.indicatorIndex, r])), [initial.reviews]);

  /** Saves a row's 复核得分 and opinion together (the server keeps both per indicator); false when it could not. */
  const saveRow = async (index: number): Promise<boolean> => {
    const score = (scores[String(index)] ?? '').trim();
    const note = (opinions[String(index)] ?? '').trim();
    const key = `${score}|${note}`;
    if (!canDecide || (score === '' && note === '') || savedRows.current.get(index) === key) return true;
    if (problemOf(String(index)) !== null) return false;
    try {
      await saveReview(detail.id, index, score === '' ? null : score, note === '' ? null : note);
      savedRows.current.set(index, key);
      return true;
    } catch (e) {
      showError(e, '复核得分或意见未保存');
      return false;
    }
  };

  const decide = async (decision: 'return' | 'approve') => {
    if (opinion.trim().length < 4) return showError(new Error(decision === 'return' ? '退回时请写明审核意见，告诉单位要改什么' : '请填写审核意见'));
    if (badScores.length > 0) {
      const names = badScores.map((k) => (k === 'funds' ? '预算执行率' : `「${derived?.indicators[Number(k)]?.indicator.name ?? ''}」`));
      return showError(new Error(`复核得分有 ${badScores.length} 处不合要求（应在 0 到分值之间、至多两位小数）：${names.join('、')}`));
    }
    setBusy(true);
    try {
      if (decision === 'return') {
        setStatus((await returnEvaluation(detail.id, opinion.trim())).status);
        showSuccess('已退回单位修改');
      } else {
        for (const key of Object.keys(scores)) {
          if (key !== 'funds' && !(await saveRow(Number(key)))) return;
        }
        const approved = await approveEvaluation(detail.id, format(reviewTotal, 2, false), opinion.trim());
        setStatus(approved.status);
        showSuccess(`已审核通过，复核得分 ${formatDec(reviewTotal, 2)}`);
      }
      onReload();
    } catch (e) {
      showError(e, decision === 'return' ? '退回失败' : '审核通过失败');
    } finally {
      setBusy(false);
    }
  };
  const publish = async () => {
    setBusy(true);
    try {
      setStatus((await publishEvaluation(detail.id)).status);
      showSuccess('已公开');
      onReload();
    } catch (e) {
      showError(e, '公开失败');
    } finally {
      setBusy(false);
    }
  };
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');
  const withdraw = async () => {
    if (withdrawReason.trim().length < 4) return showError(new Error('请写明撤回公开的理由（至少 4 个字）'));
    setBusy(true);
    try {
      setStatus((await withdrawEvaluation(detail.id, withdrawReason.trim())).status);
      setWithdrawing(false);
      showSuccess('已撤回公开，回到“已审核”');
      onReload();
    } catch (e) {
      showError(e, '撤回公开失败');
    } finally {
      setBusy(false);
    }
  };
  const evidenceByIndicator = useMemo(() => {
    const m = new Map<number, Evidence[]>();
    for (const e of initial.evidence) m.set(e.indicatorIndex, [...(m.get(e.indicatorIndex) ?? []), e]);
    return m;
  }, [initial.evidence]);

  const jumpToRow = (f: Finding | string) => {
    const index = /indicators\[(\d+)\]/u.exec(typeof f === 'string' ? f : f.location.path)?.[1];
    const el = document.getElementById(index === undefined ? 'review-score-funds' : `review-score-${index}`);
    el?.scrollIntoView({ block: 'center' });
    el?.focus();
  };
  const level1Names = derived?.levels.map((l) => l.name) ?? [];
  const chart = useMemo(() => {
    if (!derived) return null;
    const byLevel = (pick: (i: number) => Dec | null) =>
      derived.levels.map((l) => toNumber(l.indicatorIndexes.reduce<Dec>((s, i) => add(s, pick(i) ?? ZERO), ZERO)));
    return {
      categories: ['预算执行率', ...level1Names],
      series: [
        { name: '自评', values: [card?.funds.score ? toNumber(card.funds.score) : null, ...derived.levels.map((l) => toNumber(l.statedScore))] },
        { name: '计算', values: [derived.funds.score ? toNumber(derived.funds.score) : null, ...derived.levels.map((l) => toNumber(l.counted))] },
        { name: '复核', values: [toNumber(parseDec(scores.funds ?? '') ?? ZERO), ...byLevel((i) => parseDec(scores[String(i)] ?? ''))] },
      ],
    };
  }, [card, derived, level1Names, scores]);

  return (
    <div className="jx-page">
      <div className="jx-page-head">
        <Space wrap>
          <Link to="/inbox">← 审核收件箱</Link>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {detail.unitName} · {detail.year}年度{detail.kindName}{detail.projectName ? `「${detail.projectName}」` : ''} · 第 {detail.version.number} 版
          </Typography.Title>
          <StatusTag status={status} />
        </Space>
        <Space>
          <Button onClick={() => void downloadExport(detail.id, 'docx', `${detail.unitName}${detail.year}年度绩效自评`).catch((e: unknown) => showError(e, '下载失败'))}>下载 Word</Button>
          <Button onClick={() => void downloadExport(detail.id, 'pdf', `${detail.unitName}${detail.year}年度绩效自评`).catch((e: unknown) => showError(e, '下载失败'))}>下载 PDF</Button>
          <Button onClick={() => window.print()}>打印</Button>
          <Link to={`/evaluations/${detail.id}/history`}>版本历史</Link>
        </Space>
      </div>
      {lastSubmit?.justifications && Object.keys(lastSubmit.justifications).length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          title={`单位对 ${Object.keys(lastSubmit.justifications).length} 个未修正错误的说明`}
          description={
            <ul data-testid="justifications" style={{ margin: 0, paddingLeft: 18 }}>
              {Object.entries(lastSubmit.justifications).map(([key, text]) => (
                <li key={key}>{labelOfPath(detail.kind, key.slice(key.indexOf('@') + 1))}：{text}</li>
              ))}
            </ul>
          }
        />
      )}
      {initial.since && (
        <Card size="small" style={{ marginBottom: 8 }} title={`自上次提交（第 ${initial.since.version} 版）以来的改动：${initial.since.changes.length} 处`} data-testid="changes-since-submission">
          {initial.since.changes.length === 0 ? <span className="jx-muted">单位没有改动任何内容。</span> : (
            <ul className="jx-changes">
              {initial.since.changes.slice(0, 60).map((c) => (
                <li key={c.path}><b>{c.label}</b>：{c.before} → {c.after}</li>
              ))}
              {initial.since.changes.length > 60 && <li>…… 另有 {initial.since.changes.length - 60} 处，见“版本历史”</li>}
            </ul>
          )}
        </Card>
      )}
      <div className="jx-review-grid">
        <div>
          <Card size="small" title="逐项得分：自评 · 计算 · 复核" style={{ marginBottom: 12 }}>
            <table className="jx-table" aria-label="逐项得分">
              <thead>
                <tr>
                  <th>一级</th><th>二级</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th>
                  <th className="jx-num-head">分值</th><th className="jx-num-head">自评得分</th><th className="jx-num-head">计算得分</th><th className="jx-num-head">复核得分</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td colSpan={3}>预算执行率</td>
                  <td colSpan={2} className="jx-num-cell">{derived?.funds.rate ? `${formatDec(derived.funds.rate)}%` : '—'}</td>
                  <td className="jx-num-cell">{show(derived?.funds.points)}</td>
                  <td className="jx-num-cell">{show(card?.funds.score)}</td>
                  <td className="jx-num-cell">{show(derived?.funds.score)}</td>
                  <td className="jx-num-cell" style={{ width: 90 }}>
                    <Input id="review-score-funds" className="jx-number" aria-label="预算执行率复核得分" value={scores.funds ?? ''} onChange={(e) => setScores({ ...scores, funds: e.target.value })} disabled={!canDecide} status={problemOf('funds') ? 'error' : undefined} />
                    {problemOf('funds') && <div className="jx-field-problem" role="alert">{problemOf('funds')}</div>}
                  </td>
                </tr>
                {derived?.indicators.map((r, i) => {
                  const span1 = spanAt(derived.indicators.map((x) => normalizeName(x.indicator.level1)), i);
                  const span2 = spanAt(derived.indicators.map((x) => `${normalizeName(x.indicator.level1)}/${normalizeName(x.indicator.level2)}`), i);
                  const stated = r.indicator.score;
                  const computed = r.expected;
                  const differs = stated && computed && toNumber(stated) !== toNumber(computed);
                  return (
                    <tr key={i} className={r.indicator.notApplicable ? 'jx-na' : undefined}>
                      {span1 > 0 && <td rowSpan={span1}>{r.indicator.level1}</td>}
                      {span2 > 0 && <td rowSpan={span2}>{r.indicator.level2}</td>}
                      <td>
                        {r.indicator.name}
                        {(evidenceByIndicator.get(i) ?? []).map((e) => (
                          <div key={e.id} className="jx-small"><a href={evidenceUrl(e.id)} data-testid={`evidence-${i}`} title={`${e.uploadedBy.displayName} 上传于 ${formatDateTime(e.uploadedAt)}`}>佐证：{e.fileName}</a></div>
                        ))}
                      </td>
                      <td><span className="jx-clamp" title={r.indicator.target ?? ''}>{r.indicator.target ?? ''}</span></td>
                      <td style={{ maxWidth: 220 }}><span className="jx-clamp" title={r.indicator.actual ?? ''}>{r.indicator.actual ?? ''}</span></td>
                      <td className="jx-num-cell">{show(r.indicator.points)}</td>
                      <td className="jx-num-cell">{show(stated)}</td>
                      <td className="jx-num-cell" title={r.explanation}>{computed ? <span className={differs ? 'jx-diff' : undefined}>{formatDec(computed)}</span> : <Tag>定性</Tag>}</td>
                      <td className="jx-num-cell" style={{ width: 90 }}>
                        <Input id={`review-score-${i}`} className="jx-number" aria-label={`${r.indicator.name}复核得分`} value={scores[String(i)] ?? ''} onChange={(e) => setScores({ ...scores, [String(i)]: e.target.value })} onBlur={() => void saveRow(i)} disabled={!canDecide} status={problemOf(String(i)) ? 'error' : undefined} />
                        {problemOf(String(i)) && <div className="jx-field-problem" role="alert" data-problem-for={`review-score-${i}`}>{problemOf(String(i))}</div>}
                        {carried.get(i) && (
                          <Tag color={carried.get(i)?.changedSince ? 'orange' : 'default'} className="jx-carried" data-testid={`carried-${i}`} title={carried.get(i)?.changedSince ? '单位在此后修改了这一项，请重新核对' : '单位在此后未修改这一项'}>
                            沿用第 {carried.get(i)?.carriedFrom} 版{carried.get(i)?.changedSince ? '·已改' : ''}
                          </Tag>
                        )}
                        <Popover
                          trigger="click"
                          title={`「${r.indicator.name}」复核意见`}
                          onOpenChange={(open) => { if (!open) void saveRow(i); }}
                          content={
                            <Input.TextArea
                              aria-label={`${r.indicator.name}复核意见`}
                              rows={3}
                              style={{ width: 280 }}
                              value={opinions[String(i)] ?? ''}
                              onChange={(e) => setOpinions({ ...opinions, [String(i)]: e.target.value })}
                              onBlur={() => void saveRow(i)}
                              disabled={!canDecide}
                            />
                          }
                        >
                          <Button type="link" size="small" style={{ padding: 0 }} aria-label={`填写${r.indicator.name}复核意见`}>
                            {opinions[String(i)] ? '意见（已填）' : '意见'}
                          </Button>
                        </Popover>
                      </td>
                    </tr>
                  );
                })}
                <tr>
                  <th colSpan={5} style={{ textAlign: 'right' }}>合计</th>
                  <td className="jx-num-cell">{show(derived?.total.points)}</td>
                  <td className="jx-num-cell" data-testid="review-stated-total">{show(card?.totalScore ?? null)}</td>
                  <td className="jx-num-cell" data-testid="review-computed-total">{derived ? formatDec(derived.total.computed, 2) : '—'}</td>
                  <td className="jx-num-cell" data-testid="review-total">{formatDec(reviewTotal, 2)}</td>
                </tr>
              </tbody>
            </table>
            <div className="jx-muted jx-small" style={{ marginTop: 6 }}>
              计算等级：{derived?.grade.name ?? '—'}；自评等级：{card?.grade ?? '—'}。复核得分默认取计算得分，可逐项调整。
            </div>
          </Card>
          {chart && (
            <Card size="small" title="分组得分对比" style={{ marginBottom: 12 }}>
              <Suspense fallback={<div style={{ height: 220 }} className="jx-muted">正在加载图表…</div>}>
                <ScoreChart categories={chart.categories} series={chart.series} label="自评、计算、复核得分按一级指标对比" />
              </Suspense>
            </Card>
          )}
          <Card size="small" title="审核意见">
            {returns.length > 0 && (
              <ul className="jx-muted" style={{ paddingLeft: 18 }}>
                {returns.map((t) => (
                  <li key={t.seq}>{formatDateTime(t.at)} {t.actor.displayName} {t.actionName}（第 {t.version} 版）：{t.opinion || '（无意见）'}</li>
                ))}
              </ul>
            )}
            <Input.TextArea aria-label="审核意见" rows={4} value={opinion} onChange={(e) => setOpinion(e.target.value)} disabled={!canDecide} placeholder="写明需要单位修改的内容，或通过的意见" />
            <Space style={{ marginTop: 8 }}>
              <Button danger disabled={!canDecide} loading={busy} onClick={() => void decide('return')}>退回修改</Button>
              <Popconfirm title={`以复核得分 ${formatDec(reviewTotal, 2)} 通过？`} okText="通过" cancelText="取消" onConfirm={() => void decide('approve')} disabled={!canDecide}>
                <Button type="primary" disabled={!canDecide} loading={busy}>审核通过</Button>
              </Popconfirm>
              {status === 'approved' && (detail.allowedActions.includes('publish') || detail.status === 'published') && (
                <Popconfirm title="公开这份自评？" description="公开后，自评报告与复核结果对外可见；如有错误可撤回公开（撤回记入审计日志）。" okText="公开" cancelText="取消" onConfirm={() => void publish()}>
                  <Button loading={busy}>公开</Button>
                </Popconfirm>
              )}
              {status === 'published' && detail.allowedActions.includes('withdraw') && <Button danger loading={busy} onClick={() => setWithdrawing(true)}>撤回公开</Button>}
              {status !== 'submitted' && <Button type="link" onClick={() => void navigate('/inbox')}>返回收件箱</Button>}
            </Space>
          </Card>
        </div>
        <Modal title="撤回公开" open={withdrawing} onCancel={() => setWithdrawing(false)} onOk={() => void withdraw()} okText="撤回" okButtonProps={{ danger: true }} cancelText="取消" confirmLoading={busy} destroyOnHidden>
          <p>撤回后自评回到“已审核”，不再对外公开；理由记入流转记录和审计日志，更正后可再次公开。</p>
          <Input.TextArea aria-label="撤回理由" rows={3} value={withdrawReason} onChange={(e) => setWithdrawReason(e.target.value)} placeholder="为什么撤回（至少 4 个字）" />
        </Modal>
        <aside className="jx-side">
          <FindingsPanel kind={detail.kind} findings={result.findings} counts={result.counts} recheckMs={result.ms} onJump={jumpToRow} />
        </aside>
      </div>
    </div>
  );
}

export function ReviewPage() {
  const { id = '' } = useParams();
  const loaded = useAsync(async (): Promise<Loaded> => {
    const [detail, reviews, history, evidence] = await Promise.all([getEvaluation(id), listReviews(id), getHistory(id), listEvidence(id)]);
    // The version submitted before the current one, if the unit resubmitted: what changed since.
    const submitted = history.items.filter((t) => t.action === 'submit').map((t) => t.version);
    const previous = submitted.length >= 2 ? submitted[submitted.length - 2] : undefined;
    const since = previous !== undefined && previous !== detail.version.number
      ? { version: previous, changes: diffEvaluations(detail.kind, (await getVersion(id, previous)).document, detail.version.document) }
      : null;
    return { detail, reviews: reviews.items, history: history.items, evidence: evidence.items, since };
  }, [id]);
  if (loaded.loading && !loaded.data) return <LoadingState what="自评" />;
  if (loaded.error || !loaded.data) return <ErrorState error={loaded.error} onRetry={loaded.reload} what="自评" />;
  return <Review key={`${loaded.data.detail.id}-${loaded.data.detail.status}`} initial={loaded.data} onReload={loaded.reload} />;
}
