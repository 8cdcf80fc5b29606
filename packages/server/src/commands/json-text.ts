/**
 * A stored JSON value kept as the text the database returned: an HTTP response writes it verbatim
 * (no parse and re-serialisation of a 50 KB document on every read); code here reads `.value`.
 * @module
 */
export class JsonText {
  readonly text: string;
  #value: unknown;
  #isParsed = false;

  constructor(text: string) {
    this.text = text;
  }

  get value(): unknown {
    if (!this.#isParsed) {
      this.#value = JSON.parse(this.text);
      this.#isParsed = true;
    }
    return this.#value;
  }
}

/**
 * `JSON.stringify`, writing each JsonText's text in place. The placeholders hold a NUL character, which no
 * stored string can (inputs with NUL are refused), so they cannot collide with data.
 */
export function stringifyWithJsonText(value: unknown): string {
  const texts: string[] = [];
  const out = JSON.stringify(value, (_key, v: unknown) => (v instanceof JsonText ? `\u0000${texts.push(v.text) - 1}` : v));
  return texts.length === 0 ? out : out.replace(/"\\u0000(\d+)"/gu, (_, i: string) => texts[Number(i)] ?? 'null');
}
