// Builds the card into the integration, where Home Assistant serves it from.
//
//   node build.mjs           write custom_components/back_relief/frontend/back-relief-card.js
//   node build.mjs --check   exit 1 when that committed file differs from a fresh build
//   node build.mjs --tests   bundle test/*.test.ts for node's test runner (.test-build/)

import { readFile, readdir, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));
const outfile = path.join(here, "..", "custom_components", "back_relief", "frontend", "back-relief-card.js");

/** One self-contained ES module, as Home Assistant loads extra modules. */
const cardOptions = {
  entryPoints: [path.join(here, "src", "back-relief-card.ts")],
  bundle: true,
  format: "esm",
  // Home Assistant's frontend supports the browsers of the last years only.
  target: ["es2022"],
  minify: true,
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
};

async function buildCard() {
  await esbuild.build({ ...cardOptions, outfile });
  const size = (await readFile(outfile)).length;
  console.log(`built ${path.relative(process.cwd(), outfile)} (${size} bytes)`);
}

async function checkCard() {
  const result = await esbuild.build({ ...cardOptions, outfile, write: false });
  const fresh = result.outputFiles[0].contents;
  let committed;
  try {
    committed = await readFile(outfile);
  } catch {
    committed = Buffer.alloc(0);
  }
  if (Buffer.compare(Buffer.from(fresh), committed) !== 0) {
    console.error(`${outfile} is stale: run \`npm run build\` in frontend/ and commit the result`);
    process.exit(1);
  }
  console.log("the committed card is up to date");
}

async function buildTests() {
  const outdir = path.join(here, ".test-build");
  await rm(outdir, { recursive: true, force: true });
  const tests = (await readdir(path.join(here, "test")))
    .filter((name) => name.endsWith(".test.ts"))
    .map((name) => path.join(here, "test", name));
  await esbuild.build({
    entryPoints: tests,
    bundle: true,
    format: "esm",
    platform: "node",
    target: ["node20"],
    outdir,
    outExtension: { ".js": ".mjs" },
    logLevel: "warning",
  });
}

const mode = process.argv[2];
if (mode === "--check") await checkCard();
else if (mode === "--tests") await buildTests();
else if (mode === undefined) await buildCard();
else {
  console.error(`unknown option ${mode}`);
  process.exit(2);
}
