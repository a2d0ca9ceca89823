// Builds tiny ONNX models for tests by writing the protobuf bytes by hand (ir_version 8, opset 17).

/** A dimension: a fixed size or a symbolic name. */
export type DimSpec = number | string;

/** A graph input or output: name, element type (1 = float, 2 = uint8, 7 = int64) and shape. */
export interface ValueSpec {
  readonly name: string;
  readonly dims: readonly DimSpec[];
  readonly elemType?: number;
}

/** A node attribute: an int, a list of ints, or a float. */
export type AttributeValue = { readonly int: number } | { readonly ints: readonly number[] } | { readonly float: number };

/** One graph node. */
export interface NodeSpec {
  readonly op: string;
  readonly inputs: readonly string[];
  readonly outputs: readonly string[];
  readonly attributes?: Readonly<Record<string, AttributeValue>>;
}

/** A float initializer (a constant tensor). */
export interface InitializerSpec {
  readonly name: string;
  readonly dims: readonly number[];
  readonly values: readonly number[];
}

/** A whole graph. */
export interface GraphSpec {
  readonly nodes: readonly NodeSpec[];
  readonly initializers?: readonly InitializerSpec[];
  readonly inputs: readonly ValueSpec[];
  readonly outputs: readonly ValueSpec[];
}

class Writer {
  private readonly bytes: number[] = [];

  varint(value: number | bigint): this {
    let v = BigInt.asUintN(64, BigInt(value));
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
    return this;
  }

  intField(field: number, value: number): this {
    return this.varint((field << 3) | 0).varint(value);
  }

  bytesField(field: number, data: Uint8Array): this {
    this.varint((field << 3) | 2).varint(data.length);
    for (const b of data) this.bytes.push(b);
    return this;
  }

  stringField(field: number, text: string): this {
    return this.bytesField(field, new TextEncoder().encode(text));
  }

  messageField(field: number, build: (w: Writer) => void): this {
    const inner = new Writer();
    build(inner);
    return this.bytesField(field, inner.finish());
  }

  floatField(field: number, value: number): this {
    this.varint((field << 3) | 5);
    const buf = new Uint8Array(new Float32Array([value]).buffer);
    for (const b of buf) this.bytes.push(b);
    return this;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function writeValueInfo(w: Writer, v: ValueSpec): void {
  w.stringField(1, v.name).messageField(2, (type) =>
    type.messageField(1, (tensor) =>
      tensor.intField(1, v.elemType ?? 1).messageField(2, (shape) => {
        for (const d of v.dims) {
          shape.messageField(1, (dim) => (typeof d === 'number' ? dim.intField(1, d) : dim.stringField(2, d)));
        }
      }),
    ),
  );
}

function writeAttribute(w: Writer, name: string, value: AttributeValue): void {
  w.stringField(1, name);
  if ('int' in value) w.intField(3, value.int).intField(20, 2);
  else if ('ints' in value) {
    for (const i of value.ints) w.intField(8, i);
    w.intField(20, 7);
  } else w.floatField(2, value.float).intField(20, 1);
}

function writeNode(w: Writer, node: NodeSpec, index: number): void {
  for (const i of node.inputs) w.stringField(1, i);
  for (const o of node.outputs) w.stringField(2, o);
  w.stringField(3, `${node.op.toLowerCase()}_${index}`).stringField(4, node.op);
  for (const [name, value] of Object.entries(node.attributes ?? {})) w.messageField(5, (a) => writeAttribute(a, name, value));
}

function writeInitializer(w: Writer, init: InitializerSpec): void {
  for (const d of init.dims) w.intField(1, d);
  w.intField(2, 1).stringField(8, init.name);
  w.bytesField(9, new Uint8Array(Float32Array.from(init.values).buffer));
}

/** Encodes a graph as a ModelProto (ir_version 8, default-domain opset 17). */
export function buildModel(graph: GraphSpec): Uint8Array {
  const w = new Writer();
  w.intField(1, 8).stringField(2, 'facegap-test');
  w.messageField(7, (g) => {
    graph.nodes.forEach((node, i) => g.messageField(1, (n) => writeNode(n, node, i)));
    g.stringField(2, 'test_graph');
    for (const init of graph.initializers ?? []) g.messageField(5, (t) => writeInitializer(t, init));
    for (const input of graph.inputs) g.messageField(11, (v) => writeValueInfo(v, input));
    for (const output of graph.outputs) g.messageField(12, (v) => writeValueInfo(v, output));
  });
  w.messageField(8, (opset) => opset.stringField(1, '').intField(2, 17));
  return w.finish();
}

/** Options of conv1x1Model. */
export interface Conv1x1Options {
  readonly inChannels?: number;
  readonly outChannels: number;
  /** outChannels × inChannels weights, row-major. */
  readonly weights: readonly number[];
  readonly bias?: readonly number[];
  readonly stride?: number;
  readonly inputName?: string;
  readonly outputName?: string;
  /** Input size when static; ignored with dynamicSpatial. */
  readonly height?: number;
  readonly width?: number;
  readonly dynamicSpatial?: boolean;
  readonly dynamicBatch?: boolean;
  /** An op applied to the logits after the Conv, e.g. 'Sqrt' to turn negative logits into NaN. */
  readonly postOp?: string;
}

/** A model computing logits = Conv1x1(x; weights, bias) with an optional stride: [N,in,H,W] → [N,out,h,w]. */
export function conv1x1Model(o: Conv1x1Options): Uint8Array {
  const inC = o.inChannels ?? 3;
  const stride = o.stride ?? 1;
  const [h, w] = [o.height ?? 4, o.width ?? 4];
  const out = (n: number): number => Math.floor((n - 1) / stride) + 1;
  const batch: DimSpec = o.dynamicBatch ? 'N' : 1;
  const inputName = o.inputName ?? 'input';
  const outputName = o.outputName ?? 'logits';
  const convOut = o.postOp ? 'conv_out' : outputName;
  const nodes: NodeSpec[] = [
    { op: 'Conv', inputs: [inputName, 'W', 'B'], outputs: [convOut], attributes: { kernel_shape: { ints: [1, 1] }, strides: { ints: [stride, stride] } } },
  ];
  if (o.postOp) nodes.push({ op: o.postOp, inputs: [convOut], outputs: [outputName] });
  return buildModel({
    nodes,
    initializers: [
      { name: 'W', dims: [o.outChannels, inC, 1, 1], values: o.weights },
      { name: 'B', dims: [o.outChannels], values: o.bias ?? new Array<number>(o.outChannels).fill(0) },
    ],
    inputs: [{ name: inputName, dims: o.dynamicSpatial ? [batch, inC, 'H', 'W'] : [batch, inC, h, w] }],
    outputs: [{ name: outputName, dims: o.dynamicSpatial ? [batch, o.outChannels, 'h', 'w'] : [batch, o.outChannels, out(h), out(w)] }],
  });
}

/** A model whose input has rank 2 ([1,3] → Relu → [1,3]): not an image model. */
export function rank2Model(inputName = 'x'): Uint8Array {
  return buildModel({
    nodes: [{ op: 'Relu', inputs: [inputName], outputs: ['y'] }],
    inputs: [{ name: inputName, dims: [1, 3] }],
    outputs: [{ name: 'y', dims: [1, 3] }],
  });
}

/** A conv1x1 model followed by Sqrt: every negative logit comes out NaN. */
export function nanLogitsModel(o: Omit<Conv1x1Options, 'postOp'>): Uint8Array {
  return conv1x1Model({ ...o, postOp: 'Sqrt' });
}
