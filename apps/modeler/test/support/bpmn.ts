// Pieces of the BPMN XML the specs write for their own diagrams: shapes and edges of the diagram
// interchange, and text escaped for an attribute (names holding markup).

/** `text` safe inside a double-quoted XML attribute. */
export function escapeXml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('"', '&quot;');
}

/** The drawing of element `id`: a box at (x, y). */
export function bpmnShape(id: string, x: number, y: number, width: number, height: number): string {
  return `<bpmndi:BPMNShape id="${id}_di" bpmnElement="${id}"><dc:Bounds x="${x}" y="${y}" width="${width}" height="${height}" /></bpmndi:BPMNShape>`;
}

/** The drawing of flow `id`: a line through `points`. */
export function bpmnEdge(id: string, points: [number, number][]): string {
  return `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}">${points.map(([x, y]) => `<di:waypoint x="${x}" y="${y}" />`).join('')}</bpmndi:BPMNEdge>`;
}
