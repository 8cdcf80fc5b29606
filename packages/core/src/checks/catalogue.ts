/**
 * The catalogue of checks as Markdown, generated from their metadata (docs/checks.md is this text; a
 * test keeps the two in step).
 * @module
 */
import { CHECKS } from './index.ts';
import { CATEGORY_NAMES, SEVERITY_NAMES } from './types.ts';

const cell = (t: string): string => t.replace(/\|/gu, '\\|').replace(/\n/gu, ' ');

export function checkCatalogue(): string {
  const lines = [
    '# 审核规则一览',
    '',
    '<!-- 由 packages/core/src/checks/catalogue.ts 根据各规则的元数据生成，请勿手改；运行 `npx jixiao checks --format markdown > docs/checks.md` 更新。 -->',
    '',
    `共 ${CHECKS.length} 条。严重程度为默认值：错误（error）会使 \`jixiao check\` 以 1 退出。`,
    '',
    '| id | 类别 | 默认严重程度 | 说明 | 依据 |',
    '|---|---|---|---|---|',
  ];
  for (const c of CHECKS) {
    lines.push(`| \`${c.id}\` | ${CATEGORY_NAMES[c.meta.category]} | ${SEVERITY_NAMES[c.meta.defaultSeverity]} | ${cell(c.meta.description)} | ${cell(c.meta.basis)} |`);
  }
  lines.push('');
  lines.push('## 消息');
  for (const c of CHECKS) {
    lines.push('', `### \`${c.id}\``, '');
    for (const [id, text] of Object.entries(c.meta.messages as Record<string, string>)) lines.push(`- \`${id}\`：${text}`);
  }
  return `${lines.join('\n')}\n`;
}
