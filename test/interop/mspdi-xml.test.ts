import { describe, expect, it } from 'vitest';
import { parseMspdi } from '../../src/interop/mspdi/parseMspdi.js';
import { linkFrom, mspdiDoc, task } from './_mspdiDoc.js';

/** The error `f` throws (or undefined), for asserting on its code, message and details. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (error) {
    return error;
  }
  return undefined;
}

const named = (name: string) => mspdiDoc(`<Name>${name}</Name>`);
// The same without the XML declaration, to put a DOCTYPE in front of.
const bare = (name: string) => named(name).replace(/^<\?xml[^>]*\?>/, '');

describe('MSPDI reading: character and entity references', () => {
  it('decodes the predefined entities and decimal and hexadecimal character references', () => {
    expect(parseMspdi(named('&lt;R&amp;D&gt; &quot;&apos; &#65;&#x42;&#x4a; &#128512;&#x1F600;')).name).toBe('<R&D> "\' ABJ 😀😀');
  });

  it('keeps an undeclared entity reference as written', () => {
    expect(parseMspdi(named('Q&amp;A &nbsp;')).name).toBe('Q&A &nbsp;');
  });

  it('reads up to maxReferences references', () => {
    expect(parseMspdi(named('&#65;'.repeat(1000)), { maxReferences: 1000 }).name).toBe('A'.repeat(1000));
  });

  it('refuses one reference over maxReferences with LIMIT_EXCEEDED, counting entity references too', () => {
    const error = thrown(() => parseMspdi(named(`${'&#65;'.repeat(999)}&amp;`), { maxReferences: 999 }));
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'The XML document has more than 999 character and entity references; raise maxReferences if this is expected',
      details: { limit: 999 },
    });
  });

  it('refuses 8,000,000 character references under the default limit of 1,000,000 with LIMIT_EXCEEDED', () => {
    const error = thrown(() => parseMspdi(named('&#65;'.repeat(8_000_000))));
    expect(error).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'The XML document has more than 1000000 character and entity references; raise maxReferences if this is expected',
      details: { limit: 1_000_000 },
    });
  });

  it('refuses an external entity (XXE) without reading it', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${bare('&xxe;')}`;
    expect(thrown(() => parseMspdi(xxe))).toMatchObject({ code: 'PARSE', message: 'The XML document declares entities, which are not accepted; remove the DOCTYPE entity declarations' });
  });

  it('skips a DOCTYPE that declares no entities, internal subset or external DTD, without fetching anything', () => {
    expect(parseMspdi(`<?xml version="1.0"?><!DOCTYPE Project [<!ELEMENT Project ANY>]>${bare('internal')}`).name).toBe('internal');
    expect(parseMspdi(`<?xml version="1.0"?><!DOCTYPE Project SYSTEM "http://example.invalid/project.dtd">${bare('external')}`).name).toBe('external');
  });
});

describe('MSPDI reading: CDATA', () => {
  it('keeps CDATA text literal: <![CDATA[R&amp;D]]> reads as R&amp;D', () => {
    expect(parseMspdi(named('<![CDATA[R&amp;D]]>')).name).toBe('R&amp;D');
  });

  it('joins text and CDATA in document order, decoding only the text', () => {
    expect(parseMspdi(named('A &amp; <![CDATA[<b>&amp;</b>]]> B')).name).toBe('A & <b>&amp;</b> B');
  });

  it('does not read markup inside CDATA as elements', () => {
    const project = parseMspdi(mspdiDoc(`<Tasks>${task('1', '1', '<Name><![CDATA[</Name></Task><Task><UID>2</UID>]]></Name>')}</Tasks>`));
    expect(project.tasks).toEqual([{ id: '1', name: '</Name></Task><Task><UID>2</UID>', duration: '1d' }]);
  });
});

describe('MSPDI reading: nesting and element names', () => {
  const nested = (depth: number) => mspdiDoc(`${'<x>'.repeat(depth - 1)}${'</x>'.repeat(depth - 1)}`);

  it('reads elements nested 100 deep (the root element is depth 1)', () => {
    expect(parseMspdi(nested(100)).start).toBe('2026-01-05T08:00');
  });

  it('refuses elements nested 101 deep with LIMIT_EXCEEDED, saying where', () => {
    const xml = nested(101);
    expect(thrown(() => parseMspdi(xml))).toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: 'The XML document nests elements more than 100 deep',
      details: { limit: 100, offset: xml.lastIndexOf('<x>') },
    });
  });

  it('refuses elements nested 1,000,000 deep with LIMIT_EXCEEDED, not a stack overflow', () => {
    expect(thrown(() => parseMspdi(nested(1_000_000)))).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 100 } });
  });

  it('reads __proto__, constructor and other Object.prototype names as ordinary elements, polluting nothing', () => {
    const odd = '<__proto__><polluted>yes</polluted></__proto__><constructor>1</constructor><prototype>2</prototype><toString>3</toString><hasOwnProperty>4</hasOwnProperty>';
    const project = parseMspdi(mspdiDoc(`${odd}<Name>n</Name><Tasks>${task('1', '1', `${odd}<Name>a</Name>`)}</Tasks>`));
    expect(project.name).toBe('n');
    expect(project.tasks).toEqual([{ id: '1', name: 'a', duration: '1d' }]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reads a task whose UID is __proto__ as an ordinary id, with its links and baseline', () => {
    const baseline = '<Baseline><Number>0</Number><Start>2026-01-05T08:00:00</Start><Finish>2026-01-05T17:00:00</Finish><Duration>PT8H0M0S</Duration></Baseline>';
    const project = parseMspdi(mspdiDoc(`<Tasks>${task('__proto__', '1', baseline)}${task('2', '1', linkFrom('__proto__'))}</Tasks>`));
    expect(project.tasks.map((t) => t.id)).toEqual(['__proto__', '2']);
    expect(project.links).toEqual([{ from: '__proto__', to: '2', type: 'FS' }]);
    const saved = project.baselines[0]?.baseline.tasks ?? {};
    expect(Object.hasOwn(saved, '__proto__')).toBe(true);
    expect(Object.entries(saved)).toEqual([['__proto__', { start: '2026-01-05T08:00', finish: '2026-01-05T17:00', duration: 480 }]]);
  });
});
