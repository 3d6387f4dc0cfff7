// A supertest parser that keeps a response's body as the bytes sent (a download, a PDF):
// `.buffer(true).parse(binaryBody as never)`.
export function binaryBody(response: NodeJS.ReadableStream, done: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
}
