/**
 * Which installed face stands in for each font a document names, as LibreOffice will pick it through the
 * package's fontconfig file (仿宋_GB2312 → FandolFang), and which characters of the document that face lacks
 * (LibreOffice then takes those glyphs from another face). Needs fontconfig's `fc-match` and `fc-query`;
 * returns null without them.
 *
 * Reference: packages/documents/fonts.conf; issue 14 (report every substitution).
 * @module
 */
import { execFileSync } from 'node:child_process';
import type { ReportDocument } from './document-model.ts';
import { FONTS_CONF } from './libreoffice.ts';
import { GB_T_9704, type PageProfile } from './page-profile.ts';

export type FontSubstitution = {
  /** The name the document asks for (仿宋_GB2312). */
  readonly requested: string;
  /** The installed face used for it (FandolFang); equal to `requested` when that font is installed. */
  readonly used: string;
  /** Characters of the text set in this font that the face lacks (each taken from another face). */
  readonly missing: string;
};

const run = (command: string, args: readonly string[], fontsConf: string): string | null => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontsConf }, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
};

/** Code point ranges of a font file's character set (fc-query's %{charset}: "4e00-4e01 4e03 …"). */
function charsetOf(file: string, fontsConf: string): [number, number][] | null {
  const out = run('fc-query', ['-f', '%{charset}', file], fontsConf);
  if (out === null) return null;
  return out.split(/\s+/u).filter((x) => x).map((part) => {
    const [a = '0', b = a] = part.split('-');
    return [Number.parseInt(a, 16), Number.parseInt(b, 16)];
  });
}

/** The text of a document set in each style's font (paragraphs by role, table cells, attachment lines). */
function textByFont(document: ReportDocument, profile: PageProfile): Map<string, string> {
  const s = profile.styles;
  const out = new Map<string, string>();
  const add = (font: string, text: string): void => {
    out.set(font, (out.get(font) ?? '') + text);
  };
  for (const section of document.sections) {
    for (const b of section.blocks) {
      if (b.kind === 'paragraph') {
        const style = b.role === 'title' ? s.title : b.role === 'heading1' ? s.heading1 : b.role === 'heading2' ? s.heading2 : b.role === 'heading3' ? s.heading3 : s.body;
        add(style.font, b.text);
      } else {
        add(s.attachmentLabel.font, b.label);
        add(s.attachmentTitle.font, b.title);
        add(s.attachmentNote.font, [b.subtitle ?? '', ...b.headerLine, ...b.footerLines].join(''));
        for (const cell of b.table.rows.flat()) add(cell.role === 'header' ? s.tableHeader.font : s.tableBody.font, cell.text);
      }
    }
  }
  add(s.pageNumber.font, '— 0123456789 —');
  return out;
}

/** The face behind each font the document uses, and the characters it lacks; null without fontconfig. */
export function fontSubstitutions(document: ReportDocument, profile: PageProfile = GB_T_9704, fontsConf: string = FONTS_CONF): FontSubstitution[] | null {
  const result: FontSubstitution[] = [];
  for (const [requested, text] of textByFont(document, profile)) {
    const match = run('fc-match', ['-f', '%{family[0]}\t%{file}', requested], fontsConf);
    if (match === null) return null;
    const [used = '', file = ''] = match.split('\t');
    const charset = charsetOf(file, fontsConf);
    const covered = (c: number): boolean => charset?.some(([a, b]) => a <= c && c <= b) ?? true;
    const missing = [...new Set([...text].filter((ch) => !/\s/u.test(ch)))].filter((ch) => !covered(ch.codePointAt(0) ?? 0)).join('');
    result.push({ requested, used, missing });
  }
  return result;
}

/** In Chinese, one line per font: 仿宋_GB2312 → FandolFang（缺 3 字，由其他字体补：…）. */
export function describeSubstitutions(substitutions: readonly FontSubstitution[]): string[] {
  return substitutions.map((s) => {
    const face = s.used === s.requested ? `${s.requested}（已安装）` : `${s.requested} → ${s.used}`;
    return s.missing === '' ? face : `${face}（缺 ${[...s.missing].length} 字，由其他字体补：${s.missing.slice(0, 40)}${[...s.missing].length > 40 ? '…' : ''}）`;
  });
}
