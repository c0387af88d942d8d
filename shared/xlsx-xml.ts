// A forward scanner over the XML parts of an .xlsx workbook (shared/xlsx.ts): tags one after
// another, found with indexOf and charCodeAt, their names and attributes compared in place. Parts
// are read once, front to back: no pattern over an element's inner XML, so a part left open
// (damaged or hostile) ends the scan instead of making each later search run to the end of 50 MB.
// Pure: no Node, DOM or Electron imports.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** XML text as it reads: entities, character references, and OOXML's _xHHHH_ escapes for control characters. */
export const unescape = (s: string): string =>
  // Most cells have nothing to unescape: not even a scan for it then, across a 3,000-row sheet.
  !s.includes('&') && !s.includes('_x')
    ? s
    : s
        .replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (m, e: string) =>
          e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : (ENTITIES[e] ?? m),
        )
        .replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));

const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * The tags of a part, one at a time: no string is made for a tag's name or attributes, so a
 * 3,000-row sheet costs its cells' values and little else. One scanner serves every tag of a part.
 */
export class Tags {
  /** Where the scan goes on from: just after the last tag read. */
  at = 0;
  /** The last tag: where it starts ('<'), its local name (no namespace prefix), where its attributes end. */
  start = 0;
  nameFrom = 0;
  nameTo = 0;
  attrsTo = 0;
  closing = false;
  selfClosing = false;
  /** After find(): where the attribute's value ends. */
  valueTo = 0;

  readonly xml: string;

  constructor(xml: string) {
    this.xml = xml;
  }

  /** Reads the next tag; false at the end of the part or at a tag that never ends. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.at);
      if (lt < 0) return false;
      const first = xml.charCodeAt(lt + 1);
      // Comments, processing instructions and declarations hold no cell.
      if (first === 0x21 || first === 0x3f) {
        const close = xml.startsWith('<!--', lt) ? xml.indexOf('-->', lt + 4) : xml.indexOf('>', lt + 2);
        if (close < 0) return false;
        this.at = close + 1;
        continue;
      }
      this.start = lt;
      this.closing = first === SLASH;
      let i = this.closing ? lt + 2 : lt + 1;
      let nameFrom = i;
      for (; i < xml.length; i++) {
        const c = xml.charCodeAt(i);
        if (c === COLON) nameFrom = i + 1;
        else if (isSpace(c) || c === GT || c === SLASH) break;
      }
      this.nameFrom = nameFrom;
      this.nameTo = i;
      // The tag ends at the first '>' outside a quoted attribute value (a sheet may be named "a>b").
      let quote = 0;
      for (; i < xml.length; i++) {
        const c = xml.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === QUOTE || c === APOSTROPHE) quote = c;
        else if (c === GT) break;
      }
      if (i >= xml.length) return false;
      this.selfClosing = xml.charCodeAt(i - 1) === SLASH;
      this.attrsTo = this.selfClosing ? i - 1 : i;
      this.at = i + 1;
      return true;
    }
  }

  /** Whether the last tag's local name is `name`. */
  is(name: string): boolean {
    return this.nameTo - this.nameFrom === name.length && this.xml.startsWith(name, this.nameFrom);
  }

  /** Whether the last tag opens (or is) an element called `name`. */
  opens(name: string): boolean {
    return !this.closing && this.is(name);
  }

  /** Read the last tag again on the next call to next(). */
  back(): void {
    this.at = this.start;
  }

  /** Where the value of the last tag's attribute `name` (any namespace prefix) starts, or -1; valueTo is where it ends. */
  find(name: string): number {
    const xml = this.xml;
    let i = this.nameTo;
    const end = this.attrsTo;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      let from = i;
      for (; i < end; i++) {
        const c = xml.charCodeAt(i);
        if (c === COLON) from = i + 1;
        else if (c === EQUALS || isSpace(c)) break;
      }
      const matches = i - from === name.length && xml.startsWith(name, from);
      while (i < end && (isSpace(xml.charCodeAt(i)) || xml.charCodeAt(i) === EQUALS)) i++;
      const quote = xml.charCodeAt(i);
      if (quote !== QUOTE && quote !== APOSTROPHE) return -1;
      const close = xml.indexOf(quote === QUOTE ? '"' : "'", i + 1);
      if (close < 0 || close >= end) return -1;
      if (matches) {
        this.valueTo = close;
        return i + 1;
      }
      i = close + 1;
    }
    return -1;
  }

  /** The last tag's attribute `name` as written (for names and numbers, which have nothing to unescape), or null. */
  raw(name: string): string | null {
    const from = this.find(name);
    return from < 0 ? null : this.xml.slice(from, this.valueTo);
  }

  /** The last tag's attribute `name`, unescaped, or null. */
  attr(name: string): string | null {
    const value = this.raw(name);
    return value === null ? null : unescape(value);
  }

  /** The text after the last tag, up to the next one, unescaped. */
  text(): string {
    const lt = this.xml.indexOf('<', this.at);
    return unescape(this.xml.slice(this.at, lt < 0 ? this.xml.length : lt));
  }
}

/** Calls `visit` with each opening (or empty) tag called `name` in the part, to read its attributes. */
export function eachTag(xml: string, name: string, visit: (tag: Tags) => void): void {
  const tags = new Tags(xml);
  while (tags.next()) if (tags.opens(name)) visit(tags);
}
