// A forward scanner over the XML parts of an .xlsx workbook (shared/xlsx.ts): tags one after
// another, found with indexOf and charCodeAt, their names and attributes compared in place. Parts
// are read once, front to back: no pattern over an element's inner XML, so a part left open
// (damaged or hostile) ends the scan instead of making each later search run to the end of 50 MB.
// Pure: no Node, DOM or Electron imports.

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const HEX = /^#x[0-9a-fA-F]+$/;
const DECIMAL = /^#[0-9]+$/;

/** What an entity or character reference (between '&' and ';') stands for; null for one XML does not define, kept as written. */
function reference(ref: string): string | null {
  if (ref[0] !== '#') return ENTITIES[ref] ?? null;
  const code = HEX.test(ref) ? parseInt(ref.slice(2), 16) : DECIMAL.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
  // Past U+10FFFF there is no character (String.fromCodePoint would throw).
  return code <= 0x10ffff ? String.fromCodePoint(code) : null;
}

/** XML text as it reads: entities, character references, and OOXML's _xHHHH_ escapes for control characters. */
export function unescape(s: string): string {
  let amp = s.indexOf('&');
  // Most cells have nothing to unescape: two searches and no copy, across a 3,000-row sheet.
  if (amp < 0 && !s.includes('_x')) return s;
  let out = '';
  let from = 0;
  let semi = -1;
  for (; amp >= 0; amp = s.indexOf('&', amp + 1)) {
    // The first ';' after this '&', found again only once passed: many '&' and one far ';' stay one search.
    if (semi < amp + 2) semi = s.indexOf(';', amp + 2);
    if (semi < 0) break;
    // The longest reference XML defines is "#x10FFFF"; a ';' further on ends some other text.
    const text = semi - amp <= 12 ? reference(s.slice(amp + 1, semi)) : null;
    if (text === null) continue;
    out += s.slice(from, amp) + text;
    from = semi + 1;
    amp = semi;
  }
  out = from === 0 ? s : out + s.slice(from);
  return out.includes('_x') ? out.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : out;
}

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
      this.attrAt = this.nameTo;
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

  /** After attribute(): the attribute's local name and its value, as places in the part. */
  keyFrom = 0;
  keyTo = 0;
  valueFrom = 0;
  valueTo = 0;
  private attrAt = 0;

  /** Reads the last tag's next attribute (the first after next()); false when there are no more. */
  attribute(): boolean {
    const xml = this.xml;
    const end = this.attrsTo;
    let i = Math.max(this.attrAt, this.nameTo);
    while (i < end && isSpace(xml.charCodeAt(i))) i++;
    let from = i;
    for (; i < end; i++) {
      const c = xml.charCodeAt(i);
      if (c === COLON) from = i + 1;
      else if (c === EQUALS || isSpace(c)) break;
    }
    const to = i;
    while (i < end && (isSpace(xml.charCodeAt(i)) || xml.charCodeAt(i) === EQUALS)) i++;
    const quote = xml.charCodeAt(i);
    // The tag's end was found outside quotes, so a value's closing quote is inside the tag.
    const close = quote === QUOTE || quote === APOSTROPHE ? xml.indexOf(quote === QUOTE ? '"' : "'", i + 1) : -1;
    if (to === from || close < 0 || close >= end) {
      this.attrAt = end;
      return false;
    }
    this.keyFrom = from;
    this.keyTo = to;
    this.valueFrom = i + 1;
    this.valueTo = close;
    this.attrAt = close + 1;
    return true;
  }

  /** Whether the attribute just read is called `name` (any namespace prefix). */
  key(name: string): boolean {
    return this.keyTo - this.keyFrom === name.length && this.xml.startsWith(name, this.keyFrom);
  }

  /** Finds the last tag's attribute `name`: false when it has none, else its value is at valueFrom–valueTo. */
  find(name: string): boolean {
    this.attrAt = this.nameTo;
    while (this.attribute()) if (this.key(name)) return true;
    return false;
  }

  /** The value of the attribute just read, as written. */
  value(): string {
    return this.xml.slice(this.valueFrom, this.valueTo);
  }

  /** The last tag's attribute `name` as written (for names and numbers, which have nothing to unescape), or null. */
  raw(name: string): string | null {
    return this.find(name) ? this.value() : null;
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
