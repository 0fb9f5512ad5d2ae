/** CRC-32 (IEEE 802.3), to detect corrupt or truncated weight files. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** float32 values → little-endian bytes (a copy). */
export function floatsToBytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  if (littleEndian) bytes.set(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  else {
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  }
  return bytes;
}

/** little-endian bytes → float32 values (a copy, aligned). */
export function bytesToFloats(bytes: Uint8Array): Float32Array {
  const out = new Float32Array(bytes.length / 4);
  if (littleEndian) new Uint8Array(out.buffer).set(bytes);
  else {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  }
  return out;
}
