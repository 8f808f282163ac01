// The web application's component tests: jsdom, plus the fetch API and text
// encoding that browsers have and jsdom lacks (the generated API client and
// the router use them), taken from Node's own implementation.
const { TestEnvironment } = require('jest-environment-jsdom');

const FROM_NODE = ['fetch', 'Request', 'Response', 'Headers', 'TextEncoder', 'TextDecoder', 'ReadableStream', 'structuredClone'];

class WebEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    for (const name of FROM_NODE) this.global[name] = globalThis[name];
    // jsdom has no CSS namespace; React Aria's dialogs build selectors with CSS.escape. Every character
    // outside [A-Za-z0-9_-] becomes its code-point escape, which CSS reads back as the same character.
    this.global.CSS ??= { escape: (value) => String(value).replace(/[^A-Za-z0-9_-]/g, (character) => `\\${character.codePointAt(0).toString(16)} `) };
  }
}

module.exports = WebEnvironment;
