import { ConfigError, show } from '../../errors.js';
import { MissingValues } from '../../data/parse-value.js';

/** More spellings than this would bloat the file: a token of about 16 letters. */
const MAX_SPELLINGS = 100_000;

let lowerSources: Map<string, string[]> | undefined;

/**
 * Every text that nnkit reads as missing given these tokens: MissingValues matches a cell
 * case-insensitively (`NA`, `na`, `Na`...), which ONNX's exact string lookup cannot, so the
 * graph lists each spelling. Found by trying, per character of a lowercased token, every UTF-16
 * unit that lowercases to it (letters and their capitals; the Kelvin sign for k), and keeping
 * each candidate MissingValues itself accepts.
 */
export function missingSpellings(tokens: readonly string[]): string[] {
  const missing = new MissingValues(tokens);
  const sources = (lowerSources ??= unitsByLowercase());
  const found = new Set<string>();
  for (const token of tokens) {
    const lowered = token.toLowerCase();
    let candidates = [''];
    for (const ch of lowered) {
      const options = [...new Set([ch, ...(sources.get(ch) ?? [])])];
      candidates = candidates.flatMap((prefix) => options.map((option) => prefix + option));
      if (candidates.length > MAX_SPELLINGS) {
        throw new ConfigError(
          'config/onnx-missing-token',
          `ONNX export lists every spelling of each missing-value token, but ${show(token)} has more than ` +
            `${MAX_SPELLINGS.toLocaleString('en-US')}; train with shorter missing-value tokens.`,
        );
      }
    }
    for (const candidate of candidates) if (missing.has(candidate)) found.add(candidate);
  }
  return [...found].sort();
}

/** For each lowercase text, the single UTF-16 units that lowercase to it. */
function unitsByLowercase(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (let unit = 0; unit < 0x10000; unit++) {
    if (unit >= 0xd800 && unit <= 0xdfff) continue;
    const ch = String.fromCharCode(unit);
    const lower = ch.toLowerCase();
    if (lower === ch) continue;
    const list = map.get(lower);
    if (list) list.push(ch);
    else map.set(lower, [ch]);
  }
  return map;
}
