// Minimal types for the part of jsdom the docs and the API reference use (the repository has no @types/jsdom).
declare module 'jsdom' {
  export class JSDOM {
    constructor(html?: string, options?: Record<string, unknown>);
    readonly window: Window & typeof globalThis;
    serialize(): string;
  }
}
