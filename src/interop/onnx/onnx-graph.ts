import { ProtoWriter } from './proto-writer.js';

/** ONNX element types used here (TensorProto.DataType). */
export const FLOAT = 1;
export const STRING = 8;
export const INT64 = 7;
export const BOOL = 9;
export const DOUBLE = 11;
export type ElementType = typeof FLOAT | typeof STRING | typeof INT64 | typeof BOOL | typeof DOUBLE;
export type ConstantType = typeof FLOAT | typeof STRING | typeof INT64 | typeof DOUBLE;

/** An attribute value: a number is a float unless wrapped as { int }. */
export type AttributeValue = number | { readonly int: number } | readonly string[] | readonly number[] | { readonly ints: readonly number[] };

/** A dimension: a fixed size, or a name for a size chosen at run time (the batch). */
export type Dim = number | string;

/** The opset nnkit writes: 13 (IR 7) runs in ONNX Runtime 1.x for Node, browsers, Python, Java, C#. */
export const OPSET = 13;
const IR_VERSION = 7;
/** ai.onnx.ml's version with LabelEncoder-2 (string ↔ int64 maps). */
const ML_OPSET = 2;
export const ML_DOMAIN = 'ai.onnx.ml';

/**
 * Builds one ONNX graph node by node, naming every value uniquely, and encodes it as an ONNX
 * ModelProto (the field numbers of onnx/onnx.proto, cited beside each).
 */
export class OnnxGraph {
  private readonly nodes: ProtoWriter[] = [];
  private readonly initializers: ProtoWriter[] = [];
  private readonly inputs: ProtoWriter[] = [];
  private readonly outputs: ProtoWriter[] = [];
  private readonly used = new Set<string>();
  private usesMl = false;

  /** Reserves a name no other value has, from `hint` (`hint`, `hint_1`, ...). */
  uniqueName(hint: string): string {
    let name = hint;
    for (let k = 1; this.used.has(name); k++) name = `${hint}_${k}`;
    this.used.add(name);
    return name;
  }

  /** Declares a graph input with exactly this name. */
  input(name: string, type: ElementType, dims: readonly Dim[]): string {
    this.used.add(name);
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Declares `value` as the graph output `name` (through an Identity node). */
  output(value: string, name: string, type: ElementType, dims: readonly Dim[]): void {
    this.node('Identity', [value], {}, { output: name });
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** A constant tensor (an initializer) of `type`; returns its name. */
  constant(hint: string, type: ConstantType, values: ArrayLike<number> | readonly string[], dims: readonly number[]): string {
    const name = this.uniqueName(hint);
    // TensorProto: dims 1 (packed), data_type 2, string_data 6, name 8, raw_data 9.
    const tensor = new ProtoWriter().packedVarints(1, dims).varint(2, type);
    const n = values.length;
    if (type === STRING) for (const text of values as readonly string[]) tensor.string(6, text);
    tensor.string(8, name);
    if (type !== STRING) {
      const numbers = values as ArrayLike<number>;
      const size = type === FLOAT ? 4 : 8;
      const bytes = new Uint8Array(n * size);
      const view = new DataView(bytes.buffer);
      // NOTE: ONNX raw data is little-endian whatever the machine.
      for (let i = 0; i < n; i++) {
        if (type === FLOAT) view.setFloat32(i * 4, numbers[i], true);
        else if (type === DOUBLE) view.setFloat64(i * 8, numbers[i], true);
        else view.setBigInt64(i * 8, BigInt(numbers[i]), true);
      }
      tensor.bytes(9, bytes);
    }
    this.initializers.push(tensor);
    return name;
  }

  /**
   * Adds a node; returns its output's name (`options.output`, else a fresh one from the op type).
   * `options.domain` 'ai.onnx.ml' for the ML operators.
   */
  node(
    opType: string,
    inputs: readonly string[],
    attributes: Readonly<Record<string, AttributeValue>> = {},
    options: { output?: string; domain?: typeof ML_DOMAIN } = {},
  ): string {
    const output = options.output ?? this.uniqueName(opType.toLowerCase());
    this.used.add(output);
    if (options.domain === ML_DOMAIN) this.usesMl = true;
    // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.
    const node = new ProtoWriter();
    for (const value of inputs) node.string(1, value);
    node.string(2, output).string(3, this.uniqueName(`${opType}_node`)).string(4, opType);
    for (const [key, value] of Object.entries(attributes)) node.message(5, attribute(key, value));
    if (options.domain !== undefined) node.string(7, options.domain);
    this.nodes.push(node);
    return output;
  }

  /** The model as ONNX bytes. */
  toBytes(meta: { graphName: string; docString: string; metadata: Readonly<Record<string, string>> }): Uint8Array {
    // GraphProto: node 1, name 2, initializer 5, input 11, output 12.
    const graph = new ProtoWriter();
    for (const node of this.nodes) graph.message(1, node);
    graph.string(2, meta.graphName);
    for (const tensor of this.initializers) graph.message(5, tensor);
    for (const input of this.inputs) graph.message(11, input);
    for (const output of this.outputs) graph.message(12, output);
    // ModelProto: ir_version 1, producer_name 2, doc_string 6, graph 7, opset_import 8 (domain 1,
    // version 2), metadata_props 14 (key 1, value 2).
    const model = new ProtoWriter().varint(1, IR_VERSION).string(2, 'nnkit').string(6, meta.docString).message(7, graph);
    model.message(8, new ProtoWriter().string(1, '').varint(2, OPSET));
    if (this.usesMl) model.message(8, new ProtoWriter().string(1, ML_DOMAIN).varint(2, ML_OPSET));
    for (const [key, value] of Object.entries(meta.metadata)) model.message(14, new ProtoWriter().string(1, key).string(2, value));
    return model.finish();
  }
}

/** ValueInfoProto: name 1, type 2 → TypeProto.tensor_type 1 → elem_type 1, shape 2 → dim 1 (dim_value 1, dim_param 2). */
function valueInfo(name: string, type: ElementType, dims: readonly Dim[]): ProtoWriter {
  const shape = new ProtoWriter();
  for (const d of dims) shape.message(1, typeof d === 'number' ? new ProtoWriter().varint(1, d) : new ProtoWriter().string(2, d));
  const tensorType = new ProtoWriter().varint(1, type).message(2, shape);
  return new ProtoWriter().string(1, name).message(2, new ProtoWriter().message(1, tensorType));
}

/** AttributeProto: name 1, f 2, i 3, floats 7, ints 8, strings 9, type 20 (FLOAT 1, INT 2, FLOATS 6, INTS 7, STRINGS 8). */
function attribute(name: string, value: AttributeValue): ProtoWriter {
  const out = new ProtoWriter().string(1, name);
  if (typeof value === 'number') return out.float(2, value).varint(20, 1);
  if ('int' in value) return out.varint(3, value.int).varint(20, 2);
  if ('ints' in value) return out.packedVarints(8, value.ints).varint(20, 7);
  if (value.every((v): v is string => typeof v === 'string')) {
    for (const text of value as readonly string[]) out.string(9, text);
    return out.varint(20, 8);
  }
  return out.packedFloats(7, value as readonly number[]).varint(20, 6);
}
