import { request } from 'node:http';

/**
 * One HTTP request with the path exactly as given: fetch and Playwright's request resolve
 * dot segments and escapes first, so hostile paths would never leave the test. Used by the
 * server's unit tests and the end-to-end tests of the proxy.
 */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** One request with the path exactly as given (fetch would resolve dots and escapes first). */
export function rawRequest(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        headers: {
          host: `127.0.0.1:${port}`,
          // Node sends a DELETE body with no framing at all unless told its length.
          ...(body !== undefined && !headers['transfer-encoding']
            ? { 'content-length': String(Buffer.byteLength(body)) }
            : {}),
          ...headers,
        },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
