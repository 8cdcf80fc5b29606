import { describe, expect, it } from 'vitest';
import { bodyGrid, FONT_SIZE, GB_T_9704, mmToTwips, type PageProfile, pageGeometry } from './page-profile.ts';

describe('GB/T 9704 page profile', () => {
  it('lays out A4 portrait with 37 mm top and 28 mm left white edges and a 156 × 225 mm text block', () => {
    const page = pageGeometry(GB_T_9704, 'portrait');
    expect([page.width, page.height]).toEqual([11906, 16838]);
    expect(page.margin.top).toBe(2098);
    expect(page.margin.left).toBe(1587);
    expect(page.blockWidth).toBe(mmToTwips(156));
    expect(page.blockHeight).toBe(mmToTwips(225));
    // right and bottom follow from the paper: 26 mm and 35 mm, to a twip
    expect(Math.abs(page.margin.right - mmToTwips(26))).toBeLessThanOrEqual(1);
    expect(Math.abs(page.margin.bottom - mmToTwips(35))).toBeLessThanOrEqual(1);
    expect(page.margin.left + page.blockWidth + page.margin.right).toBe(page.width);
    expect(page.margin.top + page.blockHeight + page.margin.bottom).toBe(page.height);
  });

  it('turns the same text block a quarter for landscape attachment pages', () => {
    const portrait = pageGeometry(GB_T_9704, 'portrait');
    const landscape = pageGeometry(GB_T_9704, 'landscape');
    expect([landscape.width, landscape.height]).toEqual([16838, 11906]);
    expect(landscape.blockWidth).toBe(portrait.blockHeight);
    expect(landscape.blockHeight).toBe(portrait.blockWidth);
    expect(landscape.margin.top).toBe(portrait.margin.left);
  });

  it('gives 22 lines of 28 characters of 3号 body text', () => {
    const page = pageGeometry(GB_T_9704, 'portrait');
    const grid = bodyGrid(GB_T_9704);
    expect(GB_T_9704.styles.body).toEqual({ font: '仿宋_GB2312', size: FONT_SIZE.三号 });
    expect(Math.floor(page.blockHeight / grid.line)).toBe(22);
    expect(Math.floor(page.blockWidth / grid.pitch)).toBe(28);
    expect(grid.line / 20).toBeGreaterThanOrEqual(28);
    expect(grid.line / 20).toBeLessThanOrEqual(29);
    // 16 pt characters condensed to the pitch
    expect(grid.pitch).toBe(320 + grid.characterSpacing);
    expect(grid.firstLineIndent).toBe(2 * grid.pitch);
  });

  it('puts the page-number line 7 mm under the text block', () => {
    const page = pageGeometry(GB_T_9704, 'portrait');
    const gap = page.margin.bottom - page.footer - page.footerLine;
    expect(Math.abs(gap - mmToTwips(7))).toBeLessThanOrEqual(1);
  });

  it('takes a province variant as data: 4号 body with 25 lines × 30 characters changes the grid', () => {
    const variant: PageProfile = {
      ...GB_T_9704,
      id: 'variant',
      linesPerPage: 25,
      charactersPerLine: 30,
      styles: { ...GB_T_9704.styles, body: { font: '仿宋', size: FONT_SIZE.四号 } },
    };
    const grid = bodyGrid(variant);
    const page = pageGeometry(variant, 'portrait');
    expect(Math.floor(page.blockHeight / grid.line)).toBe(25);
    expect(Math.floor(page.blockWidth / grid.pitch)).toBe(30);
    expect(grid.pitch).toBe(280 + grid.characterSpacing);
  });
});
