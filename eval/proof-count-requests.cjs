// Preloaded (NODE_OPTIONS=--require) into the generated service by the extract proof: one line on stdout
// per request it answers, health checks aside, so the proof counts the calls the service served whatever
// server the service runs (its route server logs nothing per request).
const http = require('node:http');

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, request, response) {
  if (event === 'request' && !String(request.url).startsWith('/__seams/'))
    response.on('finish', () =>
      process.stdout.write(`seams-proof served ${request.method} ${request.url} ${response.statusCode}\n`),
    );
  return emit.apply(this, arguments);
};
