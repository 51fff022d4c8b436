import express from 'express';
import type { Server } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  method: string;
  path: string;
  authorization?: string;
  principalId?: string;
  body: unknown;
}

/**
 * A tiny HTTP server standing in for our resource provider or a billing subscriber: it records
 * every call and answers `statusFor(method, path)` (201 for POST, 200 otherwise, unless told).
 */
export class FakeEndpoint {
  readonly calls: ReceivedCall[] = [];
  statusFor: (method: string, path: string) => number = method => (method === 'POST' ? 201 : 200);
  private server?: Server;

  async start(): Promise<string> {
    const app = express();
    app.use(express.json());
    app.use((req, res) => {
      this.calls.push({
        method: req.method, path: req.path, authorization: req.headers.authorization,
        principalId: req.headers['x-ms-principal-id'] as string | undefined, body: req.body,
      });
      res.status(this.statusFor(req.method, req.path)).json(req.body ?? {});
    });
    this.server = app.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }
}

export function basic(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
}
