/* eslint-disable */
// Preloaded (`node --require`) into a gateway process by offline.int.test.ts. Records every socket the
// process opens and every construction of Apollo's OTLP metric exporter, as JSON lines in
// $OUTBOUND_PROBE_LOG; a connection to anything but this machine is recorded and then cut, so the
// test never depends on (or reaches) the network.
const fs = require('node:fs');
const net = require('node:net');
const dns = require('node:dns');
const Module = require('node:module');

const log = process.env.OUTBOUND_PROBE_LOG;
const record = (entry) => fs.appendFileSync(log, JSON.stringify(entry) + '\n');
const LOCAL = new Set(['127.0.0.1', '::1', 'localhost', '::ffff:127.0.0.1']);

function destination(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') return { host: first.host ?? 'localhost', port: first.port, path: first.path };
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) return { host: typeof args[1] === 'string' ? args[1] : 'localhost', port: Number(first) };
  if (typeof first === 'string') return { path: first };
  return { host: 'unknown' };
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const to = destination(args);
  record({ kind: 'connect', ...to });
  if (to.path === undefined && !LOCAL.has(String(to.host))) {
    const socket = this;
    process.nextTick(() => socket.destroy(Object.assign(new Error(`outbound probe: ${to.host} refused`), { code: 'ECONNREFUSED' })));
    return socket;
  }
  return connect.apply(this, args);
};

for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  const original = dns[name];
  dns[name] = function (hostname, ...rest) {
    record({ kind: 'dns', host: hostname });
    return original.call(this, hostname, ...rest);
  };
}

const load = Module._load;
Module._load = function (request, ...rest) {
  const loaded = load.call(this, request, ...rest);
  if (request !== '@opentelemetry/exporter-metrics-otlp-http') return loaded;
  const Exporter = loaded.OTLPMetricExporter;
  class RecordedExporter extends Exporter {
    constructor(...options) {
      record({ kind: 'exporter', url: options[0]?.url });
      super(...options);
    }
  }
  return new Proxy(loaded, { get: (target, key) => (key === 'OTLPMetricExporter' ? RecordedExporter : target[key]) });
};
