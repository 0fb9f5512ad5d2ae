import assert from 'node:assert/strict';
import { test } from 'node:test';
import onnxProto from 'onnx-proto';
import { FLOAT, INT64, OnnxGraph, STRING } from './onnx-graph.js';
import { ProtoWriter } from './proto-writer.js';

// The hand-written encoder against the published ONNX schema (onnx-proto, protobufjs): what it
// writes decodes to the same ModelProto, field by field.
const { onnx } = onnxProto;

test('varints: small, multi-byte and negative (ten bytes, two\'s complement)', () => {
  const bytes = (value: number) => Array.from(new ProtoWriter().varint(1, value).finish());
  assert.deepEqual(bytes(1), [8, 1]);
  assert.deepEqual(bytes(300), [8, 0xac, 0x02]);
  assert.deepEqual(bytes(-1), [8, 255, 255, 255, 255, 255, 255, 255, 255, 255, 1]);
});

test('a graph decodes with the published ONNX schema to what was built', () => {
  const graph = new OnnxGraph();
  const x = graph.input('x', FLOAT, ['batch', 3]);
  const w = graph.constant('w', FLOAT, [1, -2.5, 3], [3, 1]);
  const names = graph.constant('names', STRING, ['no', 'sí'], [2]);
  const keys = graph.constant('keys', INT64, [-1, 2 ** 40], [2]);
  const y = graph.node('Gemm', [x, w], { alpha: 0.5, transB: { int: 0 } });
  const code = graph.node('LabelEncoder', [names], { keys_strings: ['a', 'b'], values_int64s: { ints: [0, -1] } }, { domain: 'ai.onnx.ml' });
  graph.output(y, 'y', FLOAT, ['batch', 1]);
  graph.output(code, 'code', INT64, [2]);
  const model = onnx.ModelProto.decode(graph.toBytes({ graphName: 'g', docString: 'doc', metadata: { task: 'binary' } }));
  assert.equal(Number(model.irVersion), 7);
  assert.deepEqual(model.opsetImport.map((o) => [o.domain, Number(o.version)]), [['', 13], ['ai.onnx.ml', 2]]);
  assert.deepEqual(model.metadataProps.map((p) => [p.key, p.value]), [['task', 'binary']]);
  const g = model.graph!;
  assert.equal(g.name, 'g');
  assert.deepEqual(g.input![0].type!.tensorType!.shape!.dim!.map((d) => d.dimParam || Number(d.dimValue)), ['batch', 3]);
  const [wt, nt, kt] = g.initializer!;
  assert.deepEqual(Array.from(new Float32Array(wt.rawData!.slice().buffer)), [1, -2.5, 3]);
  assert.deepEqual(wt.dims!.map(Number), [3, 1]);
  assert.deepEqual(nt.stringData!.map((b: Uint8Array) => new TextDecoder().decode(b)), ['no', 'sí']);
  assert.deepEqual(Array.from(new BigInt64Array(kt.rawData!.slice().buffer)), [-1n, 2n ** 40n]);
  const gemm = g.node![0];
  assert.deepEqual([gemm.opType, gemm.input, gemm.output], ['Gemm', ['x', 'w'], [y]]);
  assert.deepEqual(gemm.attribute!.map((a) => [a.name, a.type, a.f, Number(a.i)]), [['alpha', 1, 0.5, 0], ['transB', 2, 0, 0]]);
  const encoder = g.node![1];
  assert.equal(encoder.domain, 'ai.onnx.ml');
  assert.deepEqual(encoder.attribute![0].strings!.map((b: Uint8Array) => new TextDecoder().decode(b)), ['a', 'b']);
  assert.deepEqual(encoder.attribute![1].ints!.map(Number), [0, -1]);
  assert.deepEqual(g.output!.map((o) => o.name), ['y', 'code']);
});
