// An audit of every flag of every command, found from the commands' own messages (so a new flag
// is audited without being listed here): each is a switch that refuses a value, or takes a value
// and says what it takes when the value is missing; and each value option has a bad value below
// whose error names the option, the value and what is accepted, with the right exit code.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES, runCli, temporaryFolder } from './run-cli.js';

const DATA = join(FIXTURES, 'customers.csv');
const MODEL = join(import.meta.dirname, '..', 'fixtures', 'classifier-v1');
const UNKNOWN = '--zzzzzzzz';

let folder: { path: string; remove: () => Promise<void> };
before(async () => {
  folder = await temporaryFolder();
});
after(() => folder.remove());

/** Arguments that bring each command to its option checks (a quick train, the fixture model). */
function base(command: string): string[] {
  const out = join(folder.path, `${command}-out`);
  const quick = ['--target', 'churned', '--epochs', '1', '--hidden', '2', '--quiet'];
  const bases: Record<string, string[]> = {
    train: [DATA, '--out', out, ...quick],
    cv: [DATA, '--folds', '2', '--no-logistic', ...quick],
    evaluate: ['--model', MODEL, DATA],
    predict: ['--model', MODEL, join(FIXTURES, 'customers-new.csv')],
    explain: ['--model', MODEL, DATA, '--repeats', '1'],
    summary: ['--model', MODEL],
    export: ['--model', MODEL, '--format', 'tfjs', '--out', out],
    import: [join(folder.path, 'none.keras'), '--out', out],
  };
  assert.ok(command in bases, `add the arguments that bring "nnkit ${command}" to its option checks to base()`);
  return bases[command];
}

/**
 * A bad value per option: [value, what the message says is accepted, exit code]. Keyed
 * `command --option` where the option differs between commands, else `--option`.
 */
const BAD: Record<string, [string, RegExp, number]> = {
  '--model': ['', /--model must name the folder .*, e\.g\. --model models\/breast-cancer, but is ""/, 2],
  '--target': ['nope', /no column named "nope" to use as the target; its columns are "age".* e\.g\. --target support_calls/, 1],
  // NOTE: the library's wording ("positive:"), not yet the flag's.
  '--positive': ['maybe', /"maybe" is not a class of the target "churned"; its classes are "no", "yes"/, 1],
  '--delimiter': ['', /--delimiter must be a character such as , ; \| or tab \(written tab or \\t\) but is ""/, 2],
  '--decimal': [';', /--decimal must be \. \(numbers written 6\.5\) or , \(numbers written 6,5\) but is ";"/, 2],
  '--column-type': ['age=number', /--column-type takes a column and a type, name=numeric\|categorical\|boolean\|ignore .* but is "age=number"/, 2],
  '--ignore': ['id,,notes', /--ignore takes column names separated by commas .* but is "id,,notes"/, 2],
  '--max-categories': ['0', /--max-categories must be a whole number of 1 or more but is "0"/, 2],
  '--min-frequency': ['many', /--min-frequency must be a whole number of 1 or more but is "many"/, 2],
  'train --out': ['', /--out must name the folder to save the model in, e\.g\. --out models\/breast-cancer, but is ""/, 2],
  'predict --out': ['', /--out must name the file to write, e\.g\. --out predictions\.csv, but is ""/, 2],
  'export --out': ['', /--out must name where to write the exported model, e\.g\. --out models\/exported, but is ""/, 2],
  'import --out': ['', /--out must name the folder to save the nnkit model in, e\.g\. --out models\/imported, but is ""/, 2],
  '--hidden': ['64,,32', /--hidden must list layer sizes as whole numbers separated by commas \(e\.g\. 64,32\), or "none", but is "64,,32"/, 2],
  '--dropout': ['1', /--dropout must be a number from 0 up to \(not including\) 1, e\.g\. 0\.2, but is "1"/, 2],
  '--epochs': ['ten', /--epochs must be a whole number of 1 or more but is "ten"/, 2],
  '--patience': ['-2', /--patience must be a whole number of 1 or more but is "-2"/, 2],
  'train --batch-size': ['0', /--batch-size must be a whole number of 1 or more but is "0"/, 2],
  'cv --batch-size': ['0', /--batch-size must be a whole number of 1 or more but is "0"/, 2],
  'predict --batch-size': ['1.5', /--batch-size must be a whole number of 1 or more but is "1\.5"/, 2],
  '--optimizer': ['lbfgs', /--optimizer must be one of sgd, rmsprop, adam, adamw, adagrad but is "lbfgs"/, 2],
  // The example: a negative number is the option's value, not an ambiguous option.
  '--learning-rate': ['-1', /--learning-rate must be a number above 0 \(e\.g\. 0\.001\) but is "-1"/, 2],
  '--validation-split': ['1', /--validation-split must be a number between 0 and 1 \(exclusive\), e\.g\. 0\.2, but is "1"/, 2],
  '--test-split': ['1', /--test-split must be a number from 0 up to \(not including\) 1, e\.g\. 0\.2, but is "1"/, 2],
  '--chunk-rows': ['0', /--chunk-rows must be a whole number of 1 or more but is "0"/, 2],
  '--shuffle-buffer': ['-5', /--shuffle-buffer must be a whole number of 1 or more but is "-5"/, 2],
  '--calibrate': ['platt', /--calibrate must be one of temperature, sigmoid, isotonic but is "platt"/, 2],
  '--ensemble': ['0', /--ensemble must be auto or a whole number of members from 1 \(one network\) to 100, e\.g\. 5, but is "0"/, 2],
  '--class-weight': ['auto', /--class-weight must be one of none, balanced but is "auto"/, 2],
  // The example: the objective by its text, not "a object".
  '--threshold': ['precision>=1.5', /--threshold: Cannot read the threshold objective "precision>=1\.5": the minimum must be in \[0, 1\], got 1\.5\. Accepted forms: 'f1'/, 2],
  '--seed': ['1.5', /--seed must be a whole number \(e\.g\. 42\) but is "1\.5"/, 2],
  '--report': ['', /--report must name the file to write, e\.g\. --report report\.html, but is ""/, 2],
  '--extra-columns': ['maybe', /--extra-columns must be one of error, ignore but is "maybe"/, 2],
  'predict --format': ['xml', /--format must be one of csv, json, jsonl, parquet but is "xml"/, 2],
  'export --format': ['xml', /--format takes tfjs, keras, onnx, but got "xml"/, 2],
  'import --format': ['xml', /--format takes keras, h5, tfjs, but got "xml"/, 2],
  '--keep': ['id,,name', /--keep takes column names separated by commas \(e\.g\. id,customer\) but is "id,,name"/, 2],
  '--folds': ['1', /--folds must be 2 or more, e\.g\. --folds 5, but is 1/, 2],
  '--group': ['nope', /--group names the column "nope", which .*customers\.csv does not have; its columns are "age"/, 1],
  '--time': ['nope', /--time names the column "nope", which .*customers\.csv does not have; its columns are "age"/, 1],
  '--oof': ['', /--oof must name the file to write, e\.g\. --oof oof\.csv, but is ""/, 2],
  '--repeats': ['0', /--repeats must be a whole number of 1 or more but is "0"/, 2],
  '--metric': ['f1', /--metric must be one of rocAuc, accuracy but is "f1"/, 2],
};

/** The commands, from the message of an unknown one. */
async function commands(): Promise<string[]> {
  const { stderr } = await runCli(['no-such-command']);
  const list = /the commands are (.*) \(nnkit --help\)/.exec(stderr)?.[1];
  assert.ok(list !== undefined, `no command list in: ${stderr}`);
  return list.replace(' and ', ', ').split(', ');
}

/** A command's options, from its message for an unknown option. */
async function options(command: string): Promise<string[]> {
  const { stderr } = await runCli([command, UNKNOWN]);
  const list = new RegExp(`"nnkit ${command}" takes (.*)\\. Run`).exec(stderr)?.[1];
  assert.ok(list !== undefined, `no option list in: ${stderr}`);
  return list.split(', ');
}

/** Asserts one line on stderr, nothing on stdout, the exit code, and the message. */
function assertError(outcome: { code: number; stdout: string; stderr: string }, code: number, pattern: RegExp, what: string): void {
  assert.equal(outcome.code, code, `${what}: ${outcome.stderr}`);
  assert.equal(outcome.stdout, '', what);
  assert.equal(outcome.stderr.trimEnd().split('\n').length, 1, `${what}: one line expected, got ${outcome.stderr}`);
  assert.match(outcome.stderr, pattern, what);
}

describe('every flag of every command', async () => {
  const names = await commands();
  assert.ok(names.length >= 4 && names.includes('predict'), names.join(', '));

  for (const command of names) {
    test(`nnkit ${command}: each option is a switch or says what value it takes`, async () => {
      for (const option of await options(command)) {
        const probe = await runCli([command, option, UNKNOWN]);
        if (probe.stderr.includes(`Unknown option ${UNKNOWN}`)) {
          const given = await runCli([command, `${option}=yes`]);
          assertError(given, 2, new RegExp(`^nnkit ${command}: ${option} is a switch and takes no value, but got "yes"; write ${option} alone\\.`), option);
          continue;
        }
        const line = `\\((-\\w, )?${option}(, -\\w)?( <[^>]+>\\S*| \\w+)?: [^)]`;
        assertError(probe, 2, new RegExp(`^nnkit ${command}: ${option} needs a value but is followed by the option "${UNKNOWN}" ${line}.*; to give a value that starts with a dash, write ${option}=${UNKNOWN}\\.`), option);
        assertError(await runCli([command, option]), 2, new RegExp(`^nnkit ${command}: ${option} needs a value ${line}`), option);
      }
    });

    test(`nnkit ${command}: a bad value of each option names the option, the value and what is accepted`, async () => {
      for (const option of await options(command)) {
        if ((await runCli([command, option, UNKNOWN])).stderr.includes(`Unknown option ${UNKNOWN}`)) continue;
        const bad = BAD[`${command} ${option}`] ?? BAD[option];
        assert.ok(bad !== undefined, `give ${option} of "nnkit ${command}" a bad value, its message and exit code in BAD`);
        const [value, accepted, code] = bad;
        const outcome = await runCli([command, ...base(command), option, value]);
        assertError(outcome, code, new RegExp(`^nnkit ${command}: `), `${command} ${option} ${JSON.stringify(value)}`);
        assert.match(outcome.stderr, accepted, `${command} ${option} ${JSON.stringify(value)}`);
      }
    });
  }
});

describe('option syntax', () => {
  test('a negative number is a value; a dash-led word is refused with the = form to use', async () => {
    const seed = await runCli(['train', '--out', 'x', '--seed', '-x']);
    assertError(seed, 2, /^nnkit train: --seed needs a value but is followed by the option "-x" .*write --seed=-x\./, 'seed');
    const inline = await runCli(['train', '--out', 'x', '--seed=-x']);
    assertError(inline, 2, /--seed must be a whole number \(e\.g\. 42\) but is "-x"/, 'inline');
  });

  test('an unknown option suggests the closest one, or lists them all', async () => {
    assertError(await runCli(['train', '--learnig-rate', '0.1']), 2, /Unknown option --learnig-rate; did you mean --learning-rate\?/, 'typo');
    assertError(await runCli(['predict', '--output', 'p.csv']), 2, /Unknown option --output; did you mean --out\?/, 'prefix');
    assertError(await runCli(['predict', '--modle', 'm']), 2, /Unknown option --modle; did you mean --model\?/, 'swapped letters');
    assertError(await runCli(['summary', '-x']), 2, /Unknown option -x; "nnkit summary" takes --model, --json, --help\./, 'list');
  });

  test('a missing value quotes the option line of --help, continuation included', async () => {
    assertError(
      await runCli(['train', '--threshold']),
      2,
      /--threshold needs a value \(--threshold <choice>: a probability such as 0\.5, or tuned on the validation rows: f1 \(default\), youden, precision>=0\.9/,
      'threshold',
    );
  });
});
