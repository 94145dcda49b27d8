/** Escapes text for XML content. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

/** A tiny indenting XML writer: elements with text or children, nothing else. */
export class XmlWriter {
  private readonly lines: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'];
  private depth = 0;

  /** Opens an element (with optional attributes written verbatim, already escaped). */
  open(name: string, attributes = ''): this {
    this.lines.push(`${'\t'.repeat(this.depth)}<${name}${attributes}>`);
    this.depth++;
    return this;
  }

  /** Closes the element opened last. */
  close(name: string): this {
    this.depth--;
    this.lines.push(`${'\t'.repeat(this.depth)}</${name}>`);
    return this;
  }

  /** Writes `<name>text</name>`; skips undefined values. */
  leaf(name: string, value: string | number | undefined): this {
    if (value === undefined) return this;
    this.lines.push(`${'\t'.repeat(this.depth)}<${name}>${escapeXml(String(value))}</${name}>`);
    return this;
  }

  /** The document. */
  toString(): string {
    return `${this.lines.join('\n')}\n`;
  }
}
