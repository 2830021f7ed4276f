// Summarises a V8 heap snapshot (the JSON `v8.writeHeapSnapshot` writes) by what holds the memory: self size
// per node type and constructor name, the largest first, plus what sliced strings keep alive (V8 keeps a sliced
// string's whole parent string). Used by measureMemory.ts; run directly: node out/scripts/heapSnapshotSummary.js FILE.

import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } };
  nodes: number[];
  edges: number[];
  strings: string[];
}

const MB = 1048576;

export function summariseHeapSnapshot(path: string, top: number): string {
  const snapshot = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const { node_fields: nodeFields, node_types: nodeTypes, edge_fields: edgeFields, edge_types: edgeTypes } = snapshot.snapshot.meta;
  const stride = nodeFields.length;
  const edgeStride = edgeFields.length;
  const [typeAt, nameAt, sizeAt, edgeCountAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) => nodeFields.indexOf(f));
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((f) => edgeFields.indexOf(f));
  const typeNames = nodeTypes[0];
  const { nodes, edges, strings } = snapshot;
  // Internal arrays (the elements of arrays, the tables of maps and sets, the properties of objects) are named
  // after what holds them, so a summary says "the tables of Maps" rather than "array".
  const ownerOf = new Int32Array(nodes.length / stride).fill(-1);
  for (let node = 0, e = 0; node < nodes.length; node += stride) {
    const end = e + nodes[node + edgeCountAt] * edgeStride;
    for (; e < end; e += edgeStride) {
      const to = edges[e + edgeToAt] / stride;
      if (ownerOf[to] < 0 && edgeTypes[0][edges[e + edgeTypeAt]] !== 'weak') ownerOf[to] = node;
    }
  }
  const describe = (node: number): string => {
    const type = typeNames[nodes[node + typeAt]];
    return type === 'object' || type === 'closure' || type === 'native' ? `${type} ${strings[nodes[node + nameAt]]}` : type;
  };
  const groups = new Map<string, { count: number; bytes: number }>();
  const slicedParents = new Set<number>();
  let total = 0;
  let edgeIndex = 0;
  for (let node = 0; node < nodes.length; node += stride) {
    const type = typeNames[nodes[node + typeAt]];
    const size = nodes[node + sizeAt];
    const owner = ownerOf[node / stride];
    const key = (type === 'array' || type === 'hidden') && owner >= 0 ? `${type} of ${describe(owner)}` : describe(node);
    const group = groups.get(key) ?? { count: 0, bytes: 0 };
    group.count++;
    group.bytes += size;
    groups.set(key, group);
    total += size;
    const edgeCount = nodes[node + edgeCountAt];
    if (type === 'sliced string') {
      for (let e = edgeIndex; e < edgeIndex + edgeCount * edgeStride; e += edgeStride) {
        const isParent = edgeTypes[0][edges[e + edgeTypeAt]] === 'internal' && strings[edges[e + edgeNameAt]] === 'parent';
        if (isParent) slicedParents.add(edges[e + edgeToAt]);
      }
    }
    edgeIndex += edgeCount * edgeStride;
  }
  let slicedParentBytes = 0;
  for (const parent of slicedParents) slicedParentBytes += nodes[parent + sizeAt];
  const lines = [`total self size ${(total / MB).toFixed(1)} MB`, '', '| type / constructor | count | MB |', '|---|---|---|'];
  const sorted = [...groups].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, top);
  for (const [key, { count, bytes }] of sorted) lines.push(`| ${key} | ${count.toLocaleString('en')} | ${(bytes / MB).toFixed(1)} |`);
  lines.push('', `sliced strings keep ${slicedParents.size} parent strings alive: ${(slicedParentBytes / MB).toFixed(1)} MB`);
  return lines.join('\n');
}

if (require.main === module) console.log(summariseHeapSnapshot(process.argv[2], Number(process.argv[3] ?? 40)));
