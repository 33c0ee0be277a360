'use strict';
// restify 11 loads spdy at start-up but calls it only when a server is created with `spdy` options, which the
// bot never passes. The real spdy pulls in http-deceiver, which reads process.binding('http_parser'), gone
// since Node 22; restify 12 dropped spdy but requires Node 22, and the machines run Node 20.
exports.createServer = function createServer() {
  throw new Error('HTTP/2 (spdy) is not supported by CiN Assistant; serve it behind a proxy that speaks HTTP/2');
};
