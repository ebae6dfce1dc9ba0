/**
 * A test seam: with ANNOTATED_NEWS_TRACE=FILE in the environment, `trace(event)` appends one line to FILE. The
 * tests count events with it: each record file read once per build, each selector found once. Unset (always,
 * outside those tests), `trace` is null and costs one check.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.ANNOTATED_NEWS_TRACE;

export const trace: ((event: string) => void) | null = file ? (event) => appendFileSync(file, `${event}\n`) : null;
