import type { Api } from 'grammy';
import type { App } from '../app.js';
import { describeError } from '../errors.js';
import type { FailureReporter } from '../watch/watch-service.js';

/** Tells every admin, in their private chat, that a watched source has failed for a day. */
export function watchFailureReporter(api: Api, app: App): FailureReporter {
  return async (watch) => {
    const text = `⚠️ Nguồn theo dõi #${watch.id} (${watch.url}) lỗi liên tục từ ${watch.failingSince?.slice(0, 16).replace('T', ' ')} UTC (${watch.failures} lần): ${watch.lastError}. Xem /watches; gỡ bằng /unwatch ${watch.id}.`;
    let told = 0;
    for (const adminId of app.config.adminIds) {
      await api
        .sendMessage(adminId, text, { link_preview_options: { is_disabled: true } })
        .then(() => told++)
        .catch((error: unknown) => app.logger.warn({ adminId, err: describeError(error) }, 'admin not told of a failing watch'));
    }
    return told > 0;
  };
}
