import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { importEvaluation } from '../import/import-evaluation.ts';
import { type SourceDocument, type SourceTable, toGrid } from '../source.ts';
import { readDocument } from './read-document.ts';
import { fixture } from './testing.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const read = (html: string | Uint8Array, name = 'page.html', options = {}): Promise<SourceDocument> =>
  readDocument(typeof html === 'string' ? utf8(html) : html, name, options);
const texts = (doc: SourceDocument): string[] => doc.lines.map((l) => l.text);
const cells = (t: SourceTable | undefined) => t?.rows.map((r) => r.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan])) ?? [];
const gb18030 = (text: string): Uint8Array => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text }));
/** Whitespace inside cells differs between formats (a Word paragraph per line, a <br> per line): compare without it. */
const squeeze = (grid: string[][]) => grid.map((r) => r.map((c) => c.replace(/[\s\u3000]+/gu, '')));

describe('the seed as a government web page (hengyang-2022.html: GB18030 declared as gb2312, real tables with rowspan)', async () => {
  const doc = await read(fixture('hengyang-2022.html'), 'hengyang-2022.html');
  const docx = await readDocument(fixture('hengyang-2022.docx'), 'hengyang-2022.docx');

  it('reads the two attachment tables cell for cell as the .docx with real Word tables', () => {
    expect(doc.format).toBe('html');
    expect(doc.warnings).toEqual([]);
    expect(doc.tables).toHaveLength(2);
    for (const i of [0, 1]) expect(squeeze(toGrid(doc.tables[i] as SourceTable))).toEqual(squeeze(toGrid(docx.tables[i] as SourceTable)));
    // the first-level names merged down, 部门资金 over eight rows
    const self = doc.tables[1]?.rows.flat() ?? [];
    expect(self.find((c) => c.text.startsWith('产出'))).toMatchObject({ text: '产出\n指标\n（50分）', rowSpan: 10, col: 1 });
    expect(self.find((c) => c.text === '部门资金（万元）')).toMatchObject({ row: 0, col: 0, rowSpan: 8, colSpan: 1 });
  });

  it('keeps the report’s text and drops scripts, navigation, share bar and footer', () => {
    const all = texts(doc).join('\n');
    expect(doc.lines[0]).toEqual({ line: 1, text: '衡阳县自然资源局2022年度部门整体支出绩效自评报告', heading: 1 });
    expect(all).toContain('实有在职人员644人');
    expect(all).toContain('【字体：大 中 小】'); // left for the importer's junk filter, as in copied text
    for (const gone of ['document.write', '2021年度预算公开', '您当前的位置', '分享到', '网站标识码', '.nav li', '政务公开']) expect(all).not.toContain(gone);
    // each cell's lines belong to its table
    const line = doc.tables[1]?.rows[11]?.find((c) => c.col === 3)?.line ?? 0;
    expect(doc.lines[line - 1]).toMatchObject({ text: '摸排化解房地产历史遗留办证', table: 1 });
  });

  it('imports the same model as the .txt', () => {
    const html = importEvaluation(doc).evaluation;
    const txt = importEvaluation(docx).evaluation;
    expect(html?.kind).toBe('department');
    expect(html?.year).toBe(2022);
    const strip = (e: unknown) => JSON.parse(JSON.stringify(e, (k, v: unknown) => (k === 'sourceMap' ? undefined : v)));
    if (html?.kind !== 'department' || txt?.kind !== 'department') throw new Error('not a department report');
    expect(strip(html.basicData)).toEqual(strip(txt.basicData));
    const { goals: _a, ...selfHtml } = strip(html.selfEvaluation) as Record<string, unknown>;
    const { goals: _b, ...selfDocx } = strip(txt.selfEvaluation) as Record<string, unknown>;
    expect(selfHtml).toEqual(selfDocx);
  });
});

describe('tables', () => {
  it('places cells after rowspans and colspans from above, as the HTML table model does', async () => {
    const doc = await read(`<table>
      <tr><td rowspan="3">产出指标</td><td colspan="2">数量指标</td><td>5</td></tr>
      <tr><td rowspan="2">质量</td><td>a</td><td>6</td></tr>
      <tr><td>b</td><td>7</td></tr>
      <tr><td>总分</td><td colspan="2" rowspan="0">100</td><td>97</td></tr>
      <tr><td>x</td><td>y</td></tr>
    </table>`);
    expect(cells(doc.tables[0])).toEqual([
      [['产出指标', 0, 0, 3, 1], ['数量指标', 0, 1, 1, 2], ['5', 0, 3, 1, 1]],
      [['质量', 1, 1, 2, 1], ['a', 1, 2, 1, 1], ['6', 1, 3, 1, 1]],
      [['b', 2, 2, 1, 1], ['7', 2, 3, 1, 1]],
      [['总分', 3, 0, 1, 1], ['100', 3, 1, 2, 2], ['97', 3, 3, 1, 1]],
      [['x', 4, 0, 1, 1], ['y', 4, 3, 1, 1]],
    ]);
  });

  it('reads unclosed cells, rows and paragraphs as a browser does; empty cells get a line of their own', async () => {
    const doc = await read('<p>一、基本情况<p>正文<table><tr><td>分值<td>得分<tr><td>&nbsp;<td>5</table><p>二、结论');
    expect(texts(doc)).toEqual(['一、基本情况', '正文', '分值', '得分', '', '5', '二、结论']);
    expect(cells(doc.tables[0])).toEqual([[['分值', 0, 0, 1, 1], ['得分', 0, 1, 1, 1]], [['', 1, 0, 1, 1], ['5', 1, 1, 1, 1]]]);
    expect(doc.tables[0]?.rows[1]?.map((c) => c.line)).toEqual([5, 6]);
    expect(doc.lines.filter((l) => l.table === 0).map((l) => l.line)).toEqual([3, 4, 5, 6]);
  });

  it('reads a layout table (the page around the report, one column, or around other tables) as ordinary text', async () => {
    const doc = await read(`<table width="1000"><tr><td class="left">栏目</td><td>
      <p>一、部门基本情况</p>
      <table border="1"><tr><td>一级指标</td><td>分值</td></tr><tr><td>产出指标</td><td>50</td></tr></table>
      <p>二、结论</p></td></tr></table>
      <table><tr><td>单列的框</td></tr><tr><td>第二行</td></tr></table>`);
    expect(texts(doc)).toEqual(['栏目', '一、部门基本情况', '一级指标', '分值', '产出指标', '50', '二、结论', '单列的框', '第二行']);
    expect(doc.tables).toHaveLength(1);
    expect(doc.tables[0]?.line).toBe(3);
    expect(doc.lines.filter((l) => l.table !== undefined).map((l) => l.line)).toEqual([3, 4, 5, 6]);
  });

  it('reads an old site’s two-column layout (navigation beside the article) as text, not as a table of one row', async () => {
    const article = Array.from({ length: 25 }, (_, i) => `<p>第${i + 1}段：本单位2022年度预算执行情况良好。</p>`).join('');
    const doc = await read(`<table><tr><td width="200"><a href="/">首页</a><br><a href="/zwgk">政务公开</a></td><td>${article}</td></tr></table>`);
    expect(doc.tables).toEqual([]);
    expect(doc.lines).toHaveLength(27);
    const titled = await read('<table><tr><td>栏目</td><td><h2>部门整体支出绩效自评报告</h2><p>正文</p></td></tr></table>');
    expect(titled.tables).toEqual([]);
  });

  it('keeps a cell’s paragraphs and <br> lines as lines of the cell', async () => {
    const doc = await read('<table><tr><td><p>产出</p><p>指标</p></td><td>1、注重<br>2、较好</td></tr><tr><td>a</td><td>b</td></tr></table>');
    expect(doc.tables[0]?.rows[0]?.map((c) => c.text)).toEqual(['产出\n指标', '1、注重\n2、较好']);
  });
});

describe('text', () => {
  it('collapses HTML whitespace, keeps full-width spaces and &nbsp; indents, breaks lines at <br> and blocks', async () => {
    const doc = await read('<div>  第一行\n  接着<b>加粗</b>  <br>第二行</div><p>&nbsp;&nbsp;　缩进</p><p>&nbsp;</p><h2>（一）标题</h2><pre>a  b\nc</pre>');
    expect(doc.lines).toEqual([
      { line: 1, text: '第一行接着加粗' },
      { line: 2, text: '第二行' },
      { line: 3, text: '  　缩进' },
      { line: 4, text: '' },
      { line: 5, text: '（一）标题', heading: 2 },
      { line: 6, text: 'a  b' },
      { line: 7, text: 'c' },
    ]);
  });

  it('a line break in the source between Chinese characters is no space (Word wraps its HTML inside sentences)', async () => {
    const doc = await read('<p class=MsoNormal><span>我局对2022年预算支出绩效情况进行了全面\r\n综合评价，共 \r\n3 项</span><span>\r\n内容</span></p><p>a\nb</p>');
    expect(texts(doc)).toEqual(['我局对2022年预算支出绩效情况进行了全面综合评价，共 3 项内容', 'a b']);
  });

  it('reads a page saved from Word: list numbers in mso-list spans, <o:p>, conditional comments, a table of Word paragraphs', async () => {
    const word = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv=Content-Type content="text/html; charset=utf-8">
      <!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>admin</o:Author></o:DocumentProperties></xml><![endif]--></head>
      <body lang=ZH-CN><div class=WordSection1>
      <p class=MsoListParagraph style='text-indent:-21.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span>一、<span style='font:7.0pt "Times New Roman"'>&nbsp; </span></span><![endif]><span>部门基本情况<o:p></o:p></span></p>
      <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
       <tr style='mso-yfti-irow:0'><td width=100 valign=top><p class=MsoNormal><span>一级指标<o:p></o:p></span></p></td><td><p class=MsoNormal><span>分值<o:p></o:p></span></p></td></tr>
       <tr style='mso-yfti-irow:1;mso-yfti-lastrow:yes'><td><p class=MsoNormal><span>产出指标<o:p></o:p></span></p></td><td><p class=MsoNormal><span lang=EN-US>50<o:p></o:p></span></p></td></tr>
      </table>
      <p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></div></body></html>`;
    const doc = await read(word, 'word.htm');
    expect(texts(doc)).toEqual(['一、  部门基本情况', '一级指标', '分值', '产出指标', '50']);
    expect(cells(doc.tables[0])).toEqual([[['一级指标', 0, 0, 1, 1], ['分值', 0, 1, 1, 1]], [['产出指标', 1, 0, 1, 1], ['50', 1, 1, 1, 1]]]);
  });

  it('numbers ordered lists as the browser draws them', async () => {
    const doc = await read('<ol><li>加强管理</li><li>完善制度</li></ol><ol start="3" type="a"><li>x</li></ol><ul><li>无序</li></ul>');
    expect(texts(doc)).toEqual(['1.加强管理', '2.完善制度', 'c.x', '无序']);
  });

  it('drops hidden elements, scripts, styles, form controls; keeps a report inside a container named like furniture', async () => {
    const long = '部门整体支出绩效自评报告正文。'.repeat(80);
    const doc = await read(`<div style="display: none">隐藏的2019年</div><div hidden>也隐藏</div><script>var a = "2020年";</script>
      <style>p{}</style><select><option>2018年</option></select><noscript>请启用脚本</noscript>
      <div class="footer">主办单位：某县政府</div><div id="nav-menu"><a>首页</a><a>政务公开</a></div>
      <div class="main-content footer-wrap"><p>${long}</p></div>`);
    expect(texts(doc)).toEqual([long]);
  });

  it('reads the article a page repeats inside <noscript> for browsers without scripts', async () => {
    const article = '<p>一、部门基本情况</p><table><tr><td>分值</td><td>得分</td></tr><tr><td>10</td><td>9</td></tr></table>';
    const doc = await read(`<div id="app"></div><script>render()</script><noscript>${article}</noscript>`);
    expect(texts(doc)).toEqual(['一、部门基本情况', '分值', '得分', '10', '9']);
    expect(doc.tables).toHaveLength(1);
  });
});

describe('charsets', () => {
  const page = '<html><head><meta charset="{c}"></head><body><p>部门整体支出绩效自评报告，预算执行率98.5%</p></body></html>';
  const expected = ['部门整体支出绩效自评报告，预算执行率98.5%'];

  it('GBK/GB2312/GB18030 declared, by <meta charset> or http-equiv', async () => {
    expect(texts(await read(gb18030(page.replace('{c}', 'gb2312'))))).toEqual(expected);
    const equiv = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head><body><p>部门整体支出绩效自评报告，预算执行率98.5%</p></body></html>';
    expect(texts(await read(gb18030(equiv)))).toEqual(expected);
  });

  it('UTF-8 bytes behind a stale gb2312 declaration, GB18030 bytes with no declaration, UTF-16 with a BOM', async () => {
    expect(texts(await read(page.replace('{c}', 'gb2312')))).toEqual(expected);
    expect(texts(await read(gb18030('<p>部门整体支出绩效自评报告，预算执行率98.5%</p>')))).toEqual(expected);
    expect(texts(await read(gb18030('<p>正文</p>')))).toEqual(['正文']);
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...page.replace('{c}', 'utf-16')].map((c) => c.charCodeAt(0))).buffer)]);
    expect(texts(await read(utf16))).toEqual(expected);
  });

  it('a UTF-8 page with a broken byte stays UTF-8 (not garbled as GB18030), the byte replaced and counted', async () => {
    const body = '<p>部门整体支出绩效自评报告，预算执行率98.5%</p>'.repeat(20);
    for (const head of ['<meta charset="utf-8">', '']) {
      const bytes = utf8(`<html><head>${head}</head><body>${body}<p>坏</p></body></html>`);
      const broken = bytes.slice();
      broken[broken.length - 20] = 0xff; // inside 坏
      const doc = await read(broken);
      expect(texts(doc).slice(0, 2)).toEqual(expected.concat(expected));
      // one broken byte inside 坏 makes its three bytes undecodable
      expect(doc.warnings).toEqual(['网页中有 3 处字节不是有效的 UTF-8 编码，已显示为「\ufffd」']);
    }
  });

  it('another declared charset is honoured when the bytes are not UTF-8', async () => {
    const latin = new Uint8Array([...utf8('<meta charset="windows-1252"><p>caf'), 0xe9, ...utf8('</p>')]);
    expect(texts(await read(latin))).toEqual(['café']);
  });
});

describe('single-file web pages (.mht/.mhtml)', () => {
  const html = '<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body><p>一、部门基本情况</p><table><tr><td>分值</td><td>得分</td></tr><tr><td>10</td><td>9</td></tr></table></body></html>';
  const qp = (bytes: Uint8Array): string => {
    let out = '';
    let width = 0;
    for (const b of bytes) {
      const piece = b >= 33 && b <= 126 && b !== 61 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
      if (width + piece.length > 75) {
        out += '=\r\n';
        width = 0;
      }
      out += piece;
      width += piece.length;
    }
    return out;
  };

  it('Word’s .mht: quoted-printable GB2312 in a multipart/related', async () => {
    const mht = [
      'MIME-Version: 1.0', 'Content-Type: multipart/related; boundary="----=_NextPart_01D9A1B2.3C4D5E60"', '',
      '此文档为“单个文件网页”，也称为“Web 档案”文件。', '',
      '------=_NextPart_01D9A1B2.3C4D5E60', 'Content-Location: file:///C:/D1/report.htm', 'Content-Transfer-Encoding: quoted-printable', 'Content-Type: text/html; charset="gb2312"', '',
      qp(gb18030(html)), '',
      '------=_NextPart_01D9A1B2.3C4D5E60', 'Content-Location: file:///C:/D1/report.files/image001.png', 'Content-Transfer-Encoding: base64', 'Content-Type: image/png', '',
      'iVBORw0KGgo=', '',
      '------=_NextPart_01D9A1B2.3C4D5E60--', '',
    ].join('\r\n');
    const doc = await read(new TextEncoder().encode(mht), 'report.mht');
    expect(doc.format).toBe('html');
    expect(texts(doc)).toEqual(['一、部门基本情况', '分值', '得分', '10', '9']);
    expect(doc.tables).toHaveLength(1);
  });

  it('a browser’s .mhtml: base64 UTF-8, folded headers', async () => {
    const mhtml = [
      'From: <Saved by Blink>', 'Snapshot-Content-Location: http://czj.example.gov.cn/art/2023/3/8/art_1.html', 'Subject: =?utf-8?Q?report?=', 'MIME-Version: 1.0',
      'Content-Type: multipart/related;', '\ttype="text/html";', '\tboundary="----MultipartBoundary--abc123----"', '', '',
      '------MultipartBoundary--abc123----', 'Content-Type: text/html', 'Content-ID: <frame-1@mhtml.blink>', 'Content-Transfer-Encoding: base64', '',
      Buffer.from(html.replace('gb2312', 'utf-8')).toString('base64').replace(/.{76}/gu, '$&\r\n'), '',
      '------MultipartBoundary--abc123------', '',
    ].join('\r\n');
    expect(texts(await read(utf8(mhtml), 'report.mhtml'))).toEqual(['一、部门基本情况', '分值', '得分', '10', '9']);
  });

  it('a broken .mht: no boundary, or no page inside', async () => {
    await expect(read('MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx', 'a.mht')).rejects.toMatchObject({ code: 'file-corrupt', message: expect.stringContaining('「a.mht」') });
    await expect(read('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--', 'b.mht')).rejects.toMatchObject({ code: 'file-corrupt' });
  });
});

describe('what is not read is listed', () => {
  it('pictures, embedded frames and linked attachments; a logo or an icon is not counted', async () => {
    const doc = await read(`<img src="/images/logo.png" width="400"><p>报告正文</p><img src="/uploads/2023/biao.jpg" width="800">
      <iframe src="/video.html"></iframe><p>附件：<a href="/uploads/附件1-2.xls">附件1-2 部门整体支出绩效自评表</a>、<a href="/u/%E8%87%AA%E8%AF%84.pdf"></a></p>`);
    expect(doc.warnings).toEqual([
      '网页中有 1 张图片，图片里的文字没有读取（报表若以图片发布，请向单位索取原件）',
      '网页中有 1 处嵌入的外部内容（iframe/object），没有读取',
      '网页链接了附件 「附件1-2 部门整体支出绩效自评表」、「自评.pdf」，附件的内容没有读取；请下载后一并审核',
    ]);
  });
});

describe('recognised by content, not by name', () => {
  it('an “Excel” file that is an HTML table (as many systems export .xls) is read as a table', async () => {
    const xls = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
      <head><meta http-equiv=Content-Type content="text/html; charset=gb2312"><!--[if gte mso 9]><xml><x:ExcelWorkbook></x:ExcelWorkbook></xml><![endif]--></head>
      <body><table x:str><tr><td>一级指标</td><td>分值</td><td>得分</td></tr><tr><td>产出指标</td><td x:num>50</td><td x:num>48</td></tr></table></body></html>`;
    const doc = await read(gb18030(xls), '自评表.xls');
    expect(doc.format).toBe('html');
    expect(cells(doc.tables[0]).map((r) => r.map((c) => c[0]))).toEqual([['一级指标', '分值', '得分'], ['产出指标', '50', '48']]);
  });

  it('a page saved as .txt is read as HTML; text that starts with a bracket is text', async () => {
    expect((await read('<!DOCTYPE html><p>正文</p>', 'saved.txt')).format).toBe('html');
    expect((await read('\ufeff<!-- saved from url=(0042)http://x.gov.cn/ --><html><p>正文</p>', 'a.doc')).format).toBe('html');
    expect((await read('<附件1>部门整体支出绩效自评表\n<p>不是网页</p>', 'a.txt')).format).toBe('txt');
  });
});

describe('bad pages: a Chinese error naming the file', () => {
  it('no text at all, or only pictures', async () => {
    await expect(read('<html><body><script>x()</script></body></html>', '空.html')).rejects.toMatchObject({ code: 'file-empty', message: expect.stringContaining('「空.html」') });
    await expect(read('<html><body><img src="/a/biao.jpg" width="800"></body></html>', '图.html')).rejects.toMatchObject({ code: 'file-empty', message: expect.stringContaining('1 张图片') });
  });

  it('too many elements, too deep, too slow: stopped inside the parser', async () => {
    await expect(read('<span>x</span>'.repeat(5000), '多.html', { maxCells: 1000 })).rejects.toMatchObject({ code: 'file-too-large', message: expect.stringContaining('「多.html」') });
    await expect(read(`<html><body>${'<div>'.repeat(5000)}x`, '深.html')).rejects.toMatchObject({ code: 'xml-too-deep', message: expect.stringContaining('「深.html」') });
    await expect(read(`<html><body>${'<font>x'.repeat(3000)}`, '字体.html')).rejects.toMatchObject({ code: 'xml-too-deep' });
    await expect(read(`<p>${'<b>a</b>'.repeat(200_000)}</p>`, '慢.html', { timeoutMs: 1 })).rejects.toMatchObject({ code: 'file-timeout', message: expect.stringContaining('「慢.html」') });
  });

  it('binary after an HTML start is refused as not text', async () => {
    const bytes = new Uint8Array([...utf8('<html><body>'), ...new Uint8Array(2000).map((_, i) => (i * 7919) % 256)]);
    await expect(read(bytes, 'b.html')).rejects.toMatchObject({ name: 'DomainError', message: expect.stringContaining('「b.html」') });
  });
});
