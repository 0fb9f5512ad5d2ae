import { FormatError, show } from '../errors.js';

/**
 * Reads parsed JSON one field at a time, knowing where it is: every failure names the file and
 * the path of the bad field (`model.json: layers[2].config.units: expected a positive integer,
 * got -3`). One reader serves every saved section (architecture, weights, doctor state, the
 * classifier's pipeline), so they all fail the same way.
 */
export class JsonReader {
  /** `file` names the document in errors; `fix` ends every message (what the user can do). */
  constructor(
    readonly value: unknown,
    readonly file: string,
    readonly path = '',
    private readonly fix = 'the file was edited or is damaged; save the model again',
  ) {}

  /** Throws a FormatError naming this field, what it should be and what it holds. */
  fail(expected: string): never {
    const where = this.path === '' ? '' : ` ${this.path}:`;
    throw new FormatError('format/invalid', `${this.file}:${where} expected ${expected}, got ${show(this.value)}; ${this.fix}.`, this.file);
  }

  /** A reader for `key` of this object (which must be one). */
  field(key: string): JsonReader {
    const object = this.object();
    const value = Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
    return new JsonReader(value, this.file, this.path === '' ? key : `${this.path}.${key}`, this.fix);
  }

  /** Like field, but undefined when the key is absent. */
  optional(key: string): JsonReader | undefined {
    return Object.prototype.hasOwnProperty.call(this.object(), key) ? this.field(key) : undefined;
  }

  has(key: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.object(), key);
  }

  object(): Record<string, unknown> {
    const v = this.value;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) this.fail('an object');
    return v as Record<string, unknown>;
  }

  /** Readers for the items of this array, at most `limit` of them. */
  items(limit = Number.MAX_SAFE_INTEGER): JsonReader[] {
    if (!Array.isArray(this.value)) this.fail('an array');
    const array = this.value as unknown[];
    if (array.length > limit) this.fail(`an array of at most ${limit} items`);
    return array.map((item, i) => new JsonReader(item, this.file, `${this.path}[${i}]`, this.fix));
  }

  string(): string {
    if (typeof this.value !== 'string') this.fail('a string');
    return this.value as string;
  }

  boolean(): boolean {
    if (typeof this.value !== 'boolean') this.fail('true or false');
    return this.value as boolean;
  }

  /** A finite number within [min, max] (both optional). */
  number(range: { min?: number; max?: number } = {}): number {
    const v = this.value;
    const { min = -Infinity, max = Infinity } = range;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
      const bounds = min > -Infinity && max < Infinity ? ` in [${min}, ${max}]` : min > -Infinity ? ` ≥ ${min}` : max < Infinity ? ` ≤ ${max}` : '';
      this.fail(`a finite number${bounds}`);
    }
    return v as number;
  }

  /** A whole number ≥ min (default 0). */
  integer(min = 0): number {
    const v = this.value;
    if (!Number.isSafeInteger(v) || (v as number) < min) this.fail(min === 1 ? 'a positive integer' : `an integer ≥ ${min}`);
    return v as number;
  }

  /** One of the given strings. */
  oneOf<T extends string>(choices: readonly T[]): T {
    if (!choices.includes(this.value as T)) this.fail(choices.map((c) => JSON.stringify(c)).join(' or '));
    return this.value as T;
  }

  stringArray(limit?: number): string[] {
    return this.items(limit).map((item) => item.string());
  }
}
