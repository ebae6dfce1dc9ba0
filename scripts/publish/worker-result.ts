/** The first message a worker thread posts: its result. Rejects when the thread fails or ends without one. */
import type { Worker } from 'node:worker_threads';
import { threadError } from '../lib/worker.ts';

export function firstMessage<T>(worker: Worker, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (message: T) => {
      settled = true;
      resolve(message);
    });
    worker.on('error', (error) => {
      settled = true;
      reject(threadError(`${what} thread`, error));
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the ${what} thread exited (code ${code}) without a result`));
    });
  });
}
