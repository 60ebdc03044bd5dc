/**
 * Preloaded into the Agents Playground (node --require): it listens with `server.listen(port)`, which binds every
 * interface, and offers no host option. Every listen without a host is bound to 127.0.0.1 instead, so that
 * no other machine can reach the Playground, which acts for any user and tenant without authentication.
 */
'use strict';
const net = require('node:net');

const originalListen = net.Server.prototype.listen;
net.Server.prototype.listen = function listenOnLoopback(...args) {
  const [first, second] = args;
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    if (typeof second !== 'string') args.splice(1, 0, '127.0.0.1');
  } else if (first !== null && typeof first === 'object' && !Array.isArray(first) && first.path === undefined && first.host === undefined) {
    args[0] = { ...first, host: '127.0.0.1' };
  } else if (first === undefined || typeof first === 'function') {
    args.unshift(0, '127.0.0.1');
  }
  return originalListen.apply(this, args);
};
