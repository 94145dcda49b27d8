import mermaid from 'mermaid';

/**
 * Bundled into a test page: Mermaid's own parser and renderer, exposed on the page's global object
 * for the tests to call through `page.evaluate`.
 */
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

let renders = 0;

Object.assign(globalThis, {
  /** `'ok'`, or Mermaid's error message. */
  parseMermaid: async (text: string): Promise<string> => {
    try {
      await mermaid.parse(text);
      return 'ok';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  /** The rendered SVG's markup. */
  renderMermaid: async (text: string): Promise<string> => {
    renders += 1;
    const { svg } = await mermaid.render(`mermaid-test-${renders}`, text);
    return svg;
  },
});
