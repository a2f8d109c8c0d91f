/**
 * Entry of the custom functions bundle (shared runtime). Each file beside this one that declares
 * `@customfunction`s is listed in FUNCTION_FILES of webpack.config.js (every .ts file here but
 * this one and excelErrors.ts), which generates functions.json and the associate calls from them.
 */
import "./bond";
import "./compare";
import "./curve";
import "./futures";
import "./oas";
import "./swaps";
import "./mbs";
import "./scenarios";
