import { isDomainError } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { Deadline, resolveLimits } from './limits.ts';
import { type XmlNode, decodeEntities, findFirst, parseXml, textOf } from './xml.ts';

const parse = (xml: string, maxXmlDepth?: number): XmlNode[] =>
  parseXml(xml, 'f.docx', 'document.xml', resolveLimits(maxXmlDepth === undefined ? {} : { maxXmlDepth }), new Deadline('f.docx', 60_000));

/** The error's code, or 'ok'. */
const codeOf = (xml: string, maxXmlDepth?: number): string => {
  try {
    parse(xml, maxXmlDepth);
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.code;
  }
};

describe('parseXml', () => {
  it('gives elements with local names and attributes, children in order, text as written', () => {
    const xml = '<?xml version="1.0"?><w:document xmlns:w="u"><w:p><w:r><w:t xml:space="preserve"> 年初 </w:t></w:r><w:tab/><w:r><w:t>预算</w:t></w:r></w:p></w:document>';
    expect(parse(xml)).toEqual([
      {
        name: 'document', attrs: { w: 'u' }, children: [
          {
            name: 'p', attrs: {}, children: [
              { name: 'r', attrs: {}, children: [{ name: 't', attrs: { space: 'preserve' }, children: [{ text: ' 年初 ' }] }] },
              { name: 'tab', attrs: {}, children: [] },
              { name: 'r', attrs: {}, children: [{ name: 't', attrs: {}, children: [{ text: '预算' }] }] },
            ],
          },
        ],
      },
    ]);
  });

  it('decodes the five entities and character references in text and attributes, expands nothing else', () => {
    const [root] = parse('<a v="&quot;1&quot; &amp; &#x41;">&lt;b&gt; &#20013; &apos;x&apos; &bogus;</a>');
    expect(root).toEqual({ name: 'a', attrs: { v: '"1" & A' }, children: [{ text: "<b> 中 'x' &bogus;" }] });
    expect(decodeEntities('&#0;&#xD800;')).toBe('');
  });

  it('keeps CDATA as text and drops comments and processing instructions', () => {
    const nodes = parse('<a>x<!-- c -->y<![CDATA[<b>&amp;]]><?pi z?></a>');
    expect(textOf(findFirst(nodes, 'a') ?? { text: '' })).toContain('<b>&');
    expect(JSON.stringify(nodes)).not.toContain(' c ');
  });

  it('refuses DOCTYPE and ENTITY declarations (entity expansion, billion laughs)', () => {
    expect(codeOf('<!DOCTYPE a [<!ENTITY x "xxxxxxxx"><!ENTITY y "&x;&x;&x;">]><a>&y;</a>')).toBe('xml-entities');
    expect(codeOf('<?xml version="1.0"?>\n<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>')).toBe('xml-entities');
    expect(codeOf('<a><!ENTITY x "y"></a>')).toBe('xml-entities');
  });

  it('refuses nesting deeper than the limit, and reads it up to the limit', () => {
    const nested = (depth: number) => `${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}`;
    expect(codeOf(nested(256))).toBe('ok');
    expect(codeOf(nested(257))).toBe('xml-too-deep');
    expect(codeOf(nested(5), 4)).toBe('xml-too-deep');
    expect(codeOf(nested(4), 4)).toBe('ok');
  });

  it('calls malformed XML a corrupt file, naming the part', () => {
    for (const xml of ['<a', '<a b="1></a>', '<a><b x="1></a>']) {
      try {
        parse(xml);
        expect.unreachable(xml);
      } catch (error) {
        expect(isDomainError(error) && error.code).toBe('file-corrupt');
        expect((error as Error).message).toContain('document.xml');
      }
    }
  });

  it('refuses names that could reach an object prototype', () => {
    for (const xml of ['<__proto__ a="1"/>', '<a><constructor/></a>', '<x __proto__="p" val="v"/>']) expect(codeOf(xml)).toBe('file-corrupt');
    // a prefixed name's local part is only an attribute of its own element
    const [x] = parse('<x w:__proto__="p" w:val="v"><w:prototype/></x>');
    expect(({} as Record<string, unknown>)['p']).toBeUndefined();
    expect(x && 'attrs' in x && x.attrs['val']).toBe('v');
  });
});
