// Starts the fauxqs SNS/SQS emulator for kz.senim.local.engines.SnsEmulator.
//
// Why not fauxqs's own bin (dist/cli.js)? Its startFauxqs() always listens on 0.0.0.0 and only on a
// fixed FAUXQS_PORT, so a test run would expose the emulator to the network and race for a port.
// This launcher uses the package's exported buildApp() (the same app the CLI serves) and:
//   - listens on SENIM_FAUXQS_LISTEN_HOST (default 127.0.0.1) and FAUXQS_PORT (default 0 = any free port);
//   - prints exactly one line "SENIM_FAUXQS_READY <port>" on stdout once it accepts connections;
//   - exits when its stdin closes, so it never outlives the JVM that started it (even after kill -9).
// Other settings are fauxqs's own: FAUXQS_DEFAULT_REGION, FAUXQS_HOST (host in queue URLs), FAUXQS_LOGGER.
const nodeMajor = Number.parseInt(process.versions.node.split(".")[0], 10);
if (nodeMajor < 20) {
  console.error(`SENIM_FAUXQS_FAILED fauxqs needs Node.js 20 or newer, this is ${process.version}`);
  process.exit(1);
}
const { buildApp } = await import("fauxqs");

const listenHost = process.env.SENIM_FAUXQS_LISTEN_HOST || "127.0.0.1";
const port = Number.parseInt(process.env.FAUXQS_PORT ?? "0", 10);
const app = buildApp({
  logger: process.env.FAUXQS_LOGGER === "true",
  host: process.env.FAUXQS_HOST || undefined,
  defaultRegion: process.env.FAUXQS_DEFAULT_REGION || undefined,
});

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  setTimeout(() => process.exit(code), 2000).unref(); // never hang on a stuck connection
  try {
    await app.close();
  } finally {
    process.exit(code);
  }
}

try {
  await app.listen({ port, host: listenHost });
} catch (err) {
  console.error(`SENIM_FAUXQS_FAILED ${err?.message ?? err}`);
  process.exit(1);
}
process.stdout.write(`SENIM_FAUXQS_READY ${app.server.address().port}\n`);

process.stdin.on("end", () => stop(0));
process.stdin.on("error", () => stop(0));
process.stdin.resume();
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
