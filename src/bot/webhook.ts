import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot, Context } from 'grammy';
import type { Update } from 'grammy/types';
import type { App } from '../app.js';
import { describeError } from '../errors.js';

const MAX_BODY = 1024 * 1024;

function sameSecret(given: string | string[] | undefined, secret: string): boolean {
  const a = Buffer.from(typeof given === 'string' ? given : '');
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(request: IncomingMessage): Promise<Buffer | null> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const part of request as AsyncIterable<Buffer>) {
    size += part.length;
    if (size > MAX_BODY) return null;
    parts.push(part);
  }
  return Buffer.concat(parts);
}

/**
 * Webhook endpoint that acknowledges an update at once and handles it after: grammY's
 * `webhookCallback` answers only when the handler is done and gives up after 10 s, and
 * Telegram then sends the update again — an LLM answer or an /ingest of several URLs would be
 * answered twice. Updates are handled in the order they arrive (the bot keeps each chat's in
 * order), and an update id already taken — by this process or before a restart — is dropped.
 */
export function webhookHandler(bot: Bot<Context>, app: App, secret: string): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    if (request.method !== 'POST') {
      response.writeHead(405).end();
      return;
    }
    if (!sameSecret(request.headers['x-telegram-bot-api-secret-token'], secret)) {
      response.writeHead(401).end('secret token is wrong');
      return;
    }
    const body = await readBody(request);
    let update: Update;
    try {
      if (!body) throw new Error('too large');
      update = JSON.parse(body.toString('utf8')) as Update;
      if (!Number.isSafeInteger(update.update_id)) throw new Error('no update_id');
    } catch {
      response.writeHead(400).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    if (!app.store.updates.claim(update.update_id)) {
      app.logger.info({ update: update.update_id }, 'webhook update already handled: dropped');
      return;
    }
    bot.handleUpdate(update).catch((error: unknown) => app.logger.error({ update: update.update_id, err: describeError(error) }, 'webhook update failed'));
  };
}
