/** Runs the real `samverka` command in a child process: to its end (`runCli`), or kept running (`startCli`). */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/samverka.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A `samverka` command that keeps running (`serve`): its process, what it has printed so far, and its exit code. */
export interface RunningCli {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

export function startCli(args: string[], env: Record<string, string> = {}, input = ''): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LANG: 'en_GB.UTF-8', SAMVERKA_LANG: '', LOG_LEVEL: 'silent', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
  child.stdin.end(input);
  return { child, stdout: () => stdout, stderr: () => stderr, exited };
}

export async function runCli(args: string[], env: Record<string, string> = {}, input?: string): Promise<CliResult> {
  const running = startCli(args, env, input);
  const code = await running.exited;
  return { code, stdout: running.stdout(), stderr: running.stderr() };
}
