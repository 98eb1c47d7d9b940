import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalHashEmbeddings } from '../../src/embeddings/local-hash-embeddings.js';

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: Record<string, unknown>;
}

/** What the stub's chat endpoint answers: text, or the arguments of a tool call (structured output). */
export type ChatReply = { content: string } | { toolArguments: unknown };

/**
 * A small server speaking the OpenAI wire format on loopback, for tests: `/v1/embeddings`
 * (float or base64, real vectors so retrieval through it can be asserted) and
 * `/v1/chat/completions` answering with whatever `chat` returns for the request.
 */
export class OpenAIStub {
  readonly requests: RecordedRequest[] = [];
  chat: (body: Record<string, unknown>) => ChatReply = () => ({ content: '' });
  private server: Server | undefined;
  private readonly vectors = new LocalHashEmbeddings({ dimensions: 256 });
  /** Set to make the next responses fail with this HTTP status. */
  failWith: number | undefined;
  /** Set to delay every response (to test time-outs). */
  delayMs = 0;

  async start(): Promise<string> {
    this.server = createServer(async (request, response) => {
      const body = JSON.parse((await readBody(request)) || '{}') as Record<string, unknown>;
      this.requests.push({ path: request.url ?? '', authorization: request.headers.authorization, body });
      if (this.delayMs) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
      if (response.destroyed) return;
      if (this.failWith) {
        response.writeHead(this.failWith, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'stub failure', type: 'server_error' } }));
        return;
      }
      if (request.url === '/v1/embeddings') {
        const inputs = Array.isArray(body.input) ? (body.input as string[]) : [String(body.input)];
        const data = inputs.map((input, index) => {
          const vector = this.vectors.embed(input);
          const embedding = body.encoding_format === 'base64' ? Buffer.from(Float32Array.from(vector).buffer).toString('base64') : vector;
          return { object: 'embedding', index, embedding };
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: 1, total_tokens: 1 } }));
        return;
      }
      if (request.url === '/v1/chat/completions' && body.stream) {
        const reply = this.chat(body);
        const content = 'content' in reply ? reply.content : JSON.stringify(reply.toolArguments);
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
        const base = { id: 'chatcmpl-stub', object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model: body.model };
        for (let i = 0; i < content.length; i += 12) {
          response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: content.slice(i, i + 12) }, finish_reason: null }] })}\n\n`);
        }
        response.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`);
        response.end('data: [DONE]\n\n');
        return;
      }
      if (request.url === '/v1/chat/completions') {
        const reply = this.chat(body);
        const tools = body.tools as Array<{ function: { name: string } }> | undefined;
        const message =
          'toolArguments' in reply
            ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: tools?.[0]?.function.name ?? 'tool', arguments: JSON.stringify(reply.toolArguments) } }] }
            : { role: 'assistant', content: reply.content };
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            id: 'chatcmpl-stub',
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: body.model,
            choices: [{ index: 0, message, finish_reason: 'toolArguments' in reply ? 'tool_calls' : 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          }),
        );
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `no route ${request.url}` } }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    request.setEncoding('utf8');
    request.on('data', (part) => (data += part));
    request.on('end', () => resolve(data));
    request.on('error', reject);
  });
}
