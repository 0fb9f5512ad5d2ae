import onnxProto from 'onnx-proto';

const { onnx } = onnxProto;

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
 * Builds one ONNX graph node by node, naming every value uniquely, and encodes it as a ModelProto
 * with the published ONNX protobuf definitions (onnx-proto, over protobufjs).
 */
export class OnnxGraph {
  private readonly nodes: InstanceType<typeof onnx.NodeProto>[] = [];
  private readonly initializers: InstanceType<typeof onnx.TensorProto>[] = [];
  private readonly inputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
  private readonly outputs: InstanceType<typeof onnx.ValueInfoProto>[] = [];
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
    const tensor: Record<string, unknown> = { name, dims: [...dims], dataType: type };
    const n = values.length;
    if (type === STRING) tensor.stringData = Array.from(values as readonly string[], (s) => new TextEncoder().encode(s));
    else {
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
      tensor.rawData = bytes;
    }
    this.initializers.push(onnx.TensorProto.create(tensor));
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
    this.nodes.push(onnx.NodeProto.create({
      opType,
      domain: options.domain ?? '',
      name: this.uniqueName(`${opType}_node`),
      input: [...inputs],
      output: [output],
      attribute: Object.entries(attributes).map(([name, value]) => attribute(name, value)),
    }));
    return output;
  }

  /** The model as ONNX bytes. */
  toBytes(meta: { graphName: string; docString: string; metadata: Readonly<Record<string, string>> }): Uint8Array {
    const opsetImport = [{ domain: '', version: OPSET }, ...(this.usesMl ? [{ domain: ML_DOMAIN, version: ML_OPSET }] : [])];
    const model = onnx.ModelProto.create({
      irVersion: IR_VERSION,
      producerName: 'nnkit',
      docString: meta.docString,
      opsetImport,
      metadataProps: Object.entries(meta.metadata).map(([key, value]) => ({ key, value })),
      graph: onnx.GraphProto.create({
        name: meta.graphName,
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      }),
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: ElementType, dims: readonly Dim[]) {
  return onnx.ValueInfoProto.create({
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  });
}

function attribute(name: string, value: AttributeValue) {
  const types = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: types.FLOAT, f: value };
  if ('int' in value) return { name, type: types.INT, i: value.int };
  if ('ints' in value) return { name, type: types.INTS, ints: [...value.ints] };
  if (value.every((v): v is string => typeof v === 'string')) {
    return { name, type: types.STRINGS, strings: (value as readonly string[]).map((s) => new TextEncoder().encode(s)) };
  }
  return { name, type: types.FLOATS, floats: [...(value as readonly number[])] };
}
