// Validate xAPI statements with Learning Locker's validator (@learninglocker/xapi-validation).
// Reads one statement per line (JSON Lines) on stdin; prints one JSON line per statement:
// {"line": N, "id": ID, "warnings": [...]} (an empty list when the statement is valid).
// Run from the folder where `npm ci` installed tests/xapi-validation/package.json.
"use strict";
const path = require("path");
const modules = path.resolve(process.env.XAPI_VALIDATION_MODULES || "node_modules");
const validate = require(path.join(modules, "@learninglocker/xapi-validation")).default;

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  input.split("\n").forEach((text, index) => {
    if (!text.trim()) return;
    const statement = JSON.parse(text);
    const warnings = validate(statement).map((warning) => ({
      path: warning.path,
      warning: warning.constructor ? warning.constructor.name : String(warning.message),
    }));
    process.stdout.write(JSON.stringify({ line: index + 1, id: statement.id, warnings }) + "\n");
  });
});
