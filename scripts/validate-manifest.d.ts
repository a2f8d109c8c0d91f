/** Types for scripts/validate-manifest.js (offline add-in manifest checks). */
export declare const DEV_ORIGIN: string;
export declare const SCHEMA_DIR: string;
export declare function validateSchema(
  xml: string,
  fileName?: string
): Promise<{ valid: boolean; errors: string[] }>;
export declare function checkResids(xml: string): {
  declared: string[];
  referenced: string[];
  missing: string[];
  duplicates: string[];
};
export declare function localUrls(xml: string, origin?: string): { url: string; file: string }[];
export declare function missingDistFiles(
  xml: string,
  distDir: string,
  origin?: string
): { url: string; file: string }[];
