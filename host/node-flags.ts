// The Node flags the browser host's process runs with. Every launcher passes them (the web script
// in package.json spells them out; tests/unit/node-flags.test.ts keeps it equal), and the bench
// runs under them, because its roster work stands for the host's roster thread.
//
// --single-threaded-gc: the roster thread's garbage is collected on that thread alone. By default
// V8 sends helper threads to collect it in parallel, and on a 2-core machine they and the roster's
// thread take both cores during an import: the thread that serves the window then waits its turn
// for the CPU, though it has nothing of its own to do (docs/benchmarks.md, "The host's thread
// during an import"). V8 reads the flag only at start: it cannot be turned on from inside.
export const HOST_NODE_FLAGS: readonly string[] = ['--single-threaded-gc'];

/** The flags this process was started without. */
export const missingHostFlags = (): string[] => HOST_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag));
