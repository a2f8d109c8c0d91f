/** Types of xlsx-json-loader.js for the TypeScript tests. */
import type { WorkbookSnapshot } from "../src/playground/workbookModel";

/** Reads a workbook (Buffer or file path) into a snapshot of every worksheet, in order. */
export function workbookSnapshot(input: Buffer | string): Promise<WorkbookSnapshot>;
