import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Tensor } from '../tensor/tensor.js';
import { csvField, formatFloat32, predictionCsv, predictionHeader, predictionJsonLines } from './prediction-rows.js';

test('formatFloat32 writes the shortest decimal that reads back as the same float32', () => {
  assert.equal(formatFloat32(Math.fround(0.1)), '0.1');
  assert.equal(formatFloat32(0), '0');
  assert.equal(formatFloat32(1), '1');
  const values = new Float32Array([0.123456789, 1e-7, 0.99999994, 3.4e-20, 0.5]);
  for (const value of values) assert.equal(Math.fround(Number(formatFloat32(value))), value);
  assert.equal(formatFloat32(Math.fround(0.123456789)).length <= 11, true);
});

test('csvField quotes fields with commas, quotes or line breaks and doubles inner quotes', () => {
  assert.equal(csvField('plain'), 'plain');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
});

test('binary predictions give the positive-class probability and the class by the threshold (strict)', () => {
  const format = { classNames: ['benign', 'malignant'], threshold: 0.5 };
  assert.equal(predictionHeader(format), 'probability_malignant,class\n');
  const probabilities = new Tensor(new Float32Array([0.25, 0.5, 0.75]), [3, 1]);
  const classes = Int32Array.from(probabilities.data, (p) => (p > 0.5 ? 1 : 0));
  assert.equal(predictionCsv(probabilities, classes, format), '0.25,benign\n0.5,benign\n0.75,malignant\n');
  assert.equal(predictionJsonLines(probabilities, classes, format).split('\n')[2], '{"probabilities":{"malignant":0.75},"class":"malignant"}');
});

test('multi-class predictions give one probability per class, with class names quoted as CSV needs', () => {
  const format = { classNames: ['a', 'b,c', 'd'], threshold: 0.5 };
  assert.equal(predictionHeader(format), 'probability_a,"probability_b,c",probability_d,class\n');
  const probabilities = new Tensor(new Float32Array([0.25, 0.5, 0.25]), [1, 3]);
  assert.equal(predictionCsv(probabilities, Int32Array.of(1), format), '0.25,0.5,0.25,"b,c"\n');
});
