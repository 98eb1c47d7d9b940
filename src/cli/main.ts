import { createApp, type App } from '../app.js';
import { loadConfig, loadDotEnv } from '../config/index.js';
import { describeError } from '../errors.js';

/**
 * Runs a command with the app built from the environment (and `.env`). Errors become one
 * readable line on stderr and exit code 1, never a stack trace.
 */
export async function runCommand(command: (app: App, args: string[]) => Promise<number | void>): Promise<void> {
  let app: App | undefined;
  try {
    loadDotEnv();
    app = await createApp(loadConfig());
    const code = await command(app, process.argv.slice(2));
    process.exitCode = code ?? 0;
  } catch (error) {
    console.error(`Lỗi: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    app?.close();
  }
}
