// What yaml-language-server reports for a news-item file opened as YAML.
//
//   npm install yaml-language-server        (in any folder; run this script from there)
//   node yaml_language_server_check.js ITEM.md [SCHEMA.json]
//
// Starts the server over stdio, opens ITEM.md with the language id "yaml" (as
// VS Code does for a file associated with YAML), and prints its diagnostics
// as [line, column, message] (1-based). With SCHEMA.json, the schema is
// mapped to the file by the `yaml.schemas` setting; without it, only a
// `# yaml-language-server: $schema=...` modeline in the file applies.
// docs/schema.md reports what this printed with yaml-language-server 1.25.0.
'use strict';
const { spawn } = require('child_process');
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');

const [file, schema] = process.argv.slice(2);
const text = fs.readFileSync(file, 'utf8');
const uri = pathToFileURL(path.resolve(file)).href;
const schemas = schema ? { [pathToFileURL(path.resolve(schema)).href]: path.resolve(file) } : {};
const yaml = { validate: true, schemas, schemaStore: { enable: false } };
const server = spawn(process.execPath, [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio']);

function send(message) {
  const body = JSON.stringify({ jsonrpc: '2.0', ...message });
  server.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

let pending = Buffer.alloc(0);
server.stdout.on('data', (chunk) => {
  pending = Buffer.concat([pending, chunk]);
  for (;;) {
    const head = pending.indexOf('\r\n\r\n');
    if (head < 0) return;
    const length = Number(/Content-Length: (\d+)/.exec(pending.subarray(0, head).toString())[1]);
    if (pending.length < head + 4 + length) return;
    const message = JSON.parse(pending.subarray(head + 4, head + 4 + length).toString('utf8'));
    pending = pending.subarray(head + 4 + length);
    if (message.method === 'workspace/configuration') {
      send({ id: message.id, result: message.params.items.map((item) => (item.section === 'yaml' ? yaml : null)) });
    } else if (message.id !== undefined && message.method) {
      send({ id: message.id, result: null });
    } else if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === uri) {
      const found = message.params.diagnostics.map((d) => [d.range.start.line + 1, d.range.start.character + 1, d.message]);
      console.log(JSON.stringify(found));
      server.kill();
      process.exit(0);
    }
  }
});

send({ id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: { workspace: { configuration: true } } } });
setTimeout(() => {
  send({ method: 'initialized', params: {} });
  send({ method: 'workspace/didChangeConfiguration', params: { settings: { yaml } } });
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'yaml', version: 1, text } } });
}, 500);
setTimeout(() => { console.log('no diagnostics published'); server.kill(); process.exit(1); }, 10000);
