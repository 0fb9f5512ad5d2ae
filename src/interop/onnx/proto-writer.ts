/**
 * The protobuf wire format, as much of it as an ONNX ModelProto needs: varints (int32 / int64 /
 * enums, negative ones as ten bytes), 32-bit floats, length-delimited strings, bytes and nested
 * messages, packed repeated varints and floats. Fields are written in the order they are added.
 * NOTE: written here rather than taken from protobufjs, whose runtime `require` probe
 * (@protobufjs/inquire) leaves an external import in a browser bundle of nnkit; the published
 * ONNX schema (onnx-proto) decodes what this writes in the tests.
 */
export class ProtoWriter {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  /** A varint field (wire type 0): int32, int64, bool or enum. */
  varint(field: number, value: number): this {
    this.tag(field, 0);
    return this.push(varintBytes(value));
  }

  /** A float field (wire type 5, little-endian IEEE 754 single). */
  float(field: number, value: number): this {
    this.tag(field, 5);
    const bytes = new Uint8Array(4);
    new DataView(bytes.buffer).setFloat32(0, value, true);
    return this.push(bytes);
  }

  /** A string field, UTF-8. */
  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A bytes field (wire type 2). */
  bytes(field: number, value: Uint8Array): this {
    this.tag(field, 2);
    this.push(varintBytes(value.length));
    return this.push(value);
  }

  /** A nested message. */
  message(field: number, value: ProtoWriter): this {
    return this.bytes(field, value.finish());
  }

  /** A packed repeated varint field (int64 dims, ints). */
  packedVarints(field: number, values: readonly number[]): this {
    const inner = new ProtoWriter();
    for (const value of values) inner.push(varintBytes(value));
    return this.bytes(field, inner.finish());
  }

  /** A packed repeated float field. */
  packedFloats(field: number, values: readonly number[]): this {
    const bytes = new Uint8Array(values.length * 4);
    const view = new DataView(bytes.buffer);
    values.forEach((value, i) => view.setFloat32(i * 4, value, true));
    return this.bytes(field, bytes);
  }

  /** The message's bytes. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }

  private tag(field: number, wireType: number): void {
    this.push(varintBytes(field * 8 + wireType));
  }

  private push(bytes: Uint8Array): this {
    this.chunks.push(bytes);
    this.size += bytes.length;
    return this;
  }
}

/** A whole number as a base-128 varint; negative numbers as their 64-bit two's complement. */
function varintBytes(value: number): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest > 0n ? low | 0x80 : low);
  } while (rest > 0n);
  return Uint8Array.from(bytes);
}
