/**
 * Strings for the bytes of a low-cardinality column (stages, locators, teams), decoded and trimmed once per distinct value: a million
 * history rows hold a handful of stage names, and each row then costs a hash and a comparison instead of a new string. @internal
 */
export class ByteInterner {
  private readonly table = new Map<number, { bytes: Uint8Array; text: string }[]>();
  private size = 0;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(private readonly limit = 4096) {}

  /** The text of `buf[s, e)`, decoded as UTF-8 and trimmed (as `String.prototype.trim` trims). */
  get(buf: Uint8Array, s: number, e: number): string {
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    const entries = this.table.get(h);
    if (entries !== undefined) {
      outer: for (const entry of entries) {
        const bytes = entry.bytes;
        if (bytes.length !== e - s) continue;
        for (let i = 0; i < bytes.length; i++) if (bytes[i] !== buf[s + i]) continue outer;
        return entry.text;
      }
    }
    const text = this.decoder.decode(buf.subarray(s, e)).trim();
    if (this.size < this.limit) {
      // A copy of the bytes: the buffer is reused for the next chunk.
      const entry = { bytes: buf.slice(s, e), text };
      if (entries === undefined) this.table.set(h, [entry]);
      else entries.push(entry);
      this.size++;
    }
    return text;
  }
}
