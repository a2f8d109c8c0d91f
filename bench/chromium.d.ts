/** Types of bench/chromium.js (shared by the browser tests, the wizard bench and the screenshots). */
export const CHROMIUM: string;
export const LAUNCH_ARGS: readonly string[];
