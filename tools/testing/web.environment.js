// The web application's component tests: jsdom, plus the fetch API and text
// encoding that browsers have and jsdom lacks (the generated API client and
// the router use them), taken from Node's own implementation.
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone'];

class WebEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
  }
}

module.exports = WebEnvironment;
