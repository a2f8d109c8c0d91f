/** Types for scripts/devCerts.js (how `npm start` serves: https or the http fallback). */
export interface DevCerts {
  trusted(): boolean;
  cannotInstall(): string | undefined;
  options(): Promise<{ ca: unknown; key: unknown; cert: unknown }>;
}
export type Transport =
  "http" | { type: "https"; options: { ca: unknown; key: unknown; cert: unknown } };
export declare function devServerTransport(
  env: { http?: unknown; https?: unknown },
  port: number,
  io?: { certs?: DevCerts; log?: (line: string) => void }
): Promise<Transport>;
export declare function fallbackNote(port: number, reason: string): string;
export declare function officeDevCerts(platform?: string): DevCerts;
