import { createApp, type App } from '../app.js';
import { loadConfig, loadDotEnv, type Config } from '../config/index.js';
import { describeError } from '../errors.js';

export interface CommandOptions {
  /** Adjusts the configuration before the app is built (e.g. a fresh data directory for an eval). */
  configure?: (config: Config, args: string[]) => Config;
  /** Runs after the app is closed, whatever happened (e.g. removing a temporary store). */
  cleanup?: () => void;
}

/**
 * Runs a command with the app built from the environment (and `.env`). Errors become one
 * readable line on stderr and exit code 1, never a stack trace.
 */
export async function runCommand(command: (app: App, args: string[]) => Promise<number | void>, options: CommandOptions = {}): Promise<void> {
  let app: App | undefined;
  const args = process.argv.slice(2);
  try {
    loadDotEnv();
    const config = loadConfig();
    app = await createApp(options.configure ? options.configure(config, args) : config);
    const code = await command(app, args);
    process.exitCode = code ?? 0;
  } catch (error) {
    console.error(`Lỗi: ${describeError(error)}`);
    process.exitCode = 1;
  } finally {
    app?.close();
    options.cleanup?.();
  }
}
