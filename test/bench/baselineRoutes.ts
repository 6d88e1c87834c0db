// Where the baseline server (echoServer.ts) answers. Kept apart so that the benchmark can name the
// routes without importing the server, which starts listening when imported.
export const ECHO_ROUTE = '/bench/echo';
export const WATERFALL_ROUTE = '/bench/waterfall';
export const WATERFALL_LOWDB_ROUTE = '/bench/waterfall-lowdb';
