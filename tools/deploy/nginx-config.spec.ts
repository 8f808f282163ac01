import { answer, locationOf, parseNginxConfig } from './nginx-config';

describe('parseNginxConfig', () => {
  it('reads directives, blocks, comments and quoted arguments', () => {
    const config = parseNginxConfig(`
      # a comment; with { punctuation }
      worker_processes 1;
      http {
          add_header X-Test "a; b { c }" always; # trailing
          map $uri $kind { ~^/a/ 'one'; default ""; }
      }
    `);
    expect(config).toEqual([
      { name: 'worker_processes', args: ['1'] },
      {
        name: 'http',
        args: [],
        block: [
          { name: 'add_header', args: ['X-Test', 'a; b { c }', 'always'] },
          { name: 'map', args: ['$uri', '$kind'], block: [{ name: '~^/a/', args: ['one'] }, { name: 'default', args: [''] }] },
        ],
      },
    ]);
  });

  it('unescapes as nginx does: control characters and quotes, other escapes kept for regular expressions', () => {
    expect(parseNginxConfig(`return 200 "ok\\n\\"";\nlocation ~ \\.txt$ { }`)).toEqual([
      { name: 'return', args: ['200', 'ok\n"'] },
      { name: 'location', args: ['~', '\\.txt$'], block: [] },
    ]);
  });

  it('refuses what nginx refuses: an unclosed block or string, a stray brace, a missing semicolon', () => {
    expect(() => parseNginxConfig('http { listen 80;')).toThrow(/not closed/);
    expect(() => parseNginxConfig('listen 80; }')).toThrow(/unexpected \}/);
    expect(() => parseNginxConfig('add_header X "y;')).toThrow(/quoted string/);
    expect(() => parseNginxConfig('server { listen 80 }')).toThrow(/listen has no ;/);
  });
});

describe('a server as nginx answers it', () => {
  const [server] = parseNginxConfig(`
    server {
      add_header X-Server yes always;
      add_header Cache-Control $cache;
      error_page 404 @missing;
      location / { try_files $uri /index.html; }
      location ^~ /static/ { try_files $uri =404; }
      location ~ \\.txt$ { try_files $uri =404; }
      location /static/raw/ { return 200 raw; }
      location = /static/exact.txt { default_type text/plain; return 200 exact; }
      location /own/ { add_header X-Own yes; try_files $uri =404; }
      location @missing { types { } default_type application/json; return 404 '{}'; }
    }
  `).map((directive) => directive.block ?? []);
  const http = parseNginxConfig('map $uri $cache { ~^/static/ long; /index.html ""; default short; }');
  const files = new Set(['/index.html', '/static/app.js', '/notes.txt', '/own/file']);
  const get = (path: string, method?: string) => answer(server, { path, method }, files, http);

  it('picks the exact location, then a final ^~ prefix, then the first regular expression, then the longest prefix', () => {
    expect(['/static/exact.txt', '/static/a.txt', '/notes.txt', '/static/raw/x', '/static/raw/a.txt', '/x'].map((path) => locationOf(server, path)?.pattern)).toEqual([
      '/static/exact.txt',
      '/static/',
      '\\.txt$',
      '/static/raw/',
      // A longer prefix without ^~ loses to a regular expression.
      '\\.txt$',
      '/',
    ]);
  });

  it('tries files, falls back by internal redirect, and sends errors to the named location with its own type', () => {
    expect(get('/page/1')).toMatchObject({ status: 200, file: '/index.html' });
    expect(get('/static/app.js')).toMatchObject({ status: 200, file: '/static/app.js' });
    expect(get('/static/missing.js')).toMatchObject({ status: 404, body: '{}', contentType: 'application/json' });
    expect(get('/page/1', 'POST').status).toBe(405);
  });

  it('adds the headers of the nearest level that has any, a map resolved on the final URI, and only `always` ones to errors', () => {
    expect(get('/static/app.js').headers).toEqual({ 'X-Server': 'yes', 'Cache-Control': 'long' });
    // Redirected to /index.html, whose map entry is empty: no header at all.
    expect(get('/page/1').headers).toEqual({ 'X-Server': 'yes' });
    expect(get('/static/missing.js').headers).toEqual({ 'X-Server': 'yes' });
    // A location with an add_header of its own loses the server's.
    expect(get('/own/file').headers).toEqual({ 'X-Own': 'yes' });
  });

  it('refuses a directive it does not simulate', () => {
    const [odd] = parseNginxConfig('server { location / { rewrite ^ /x; } }').map((directive) => directive.block ?? []);
    expect(() => answer(odd, { path: '/' }, files)).toThrow(/rewrite is not simulated/);
  });
});
