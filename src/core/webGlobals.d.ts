// The few globals src/core uses beyond the language itself, declared by hand so that the core type-checks
// without Node's types or the DOM's (src/core/tsconfig.json): web standards that Node, browsers and web
// workers all have, so the core runs in each. Only what the core calls; a new global goes here only if
// all three have it.

interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

interface TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView, options?: { stream?: boolean }): string;
}

declare const TextDecoder: {
  prototype: TextDecoder;
  new (label?: string, options?: TextDecoderOptions): TextDecoder;
};

interface TextEncoder {
  encode(input?: string): Uint8Array;
}

declare const TextEncoder: {
  prototype: TextEncoder;
  new (): TextEncoder;
};
