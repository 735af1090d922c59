// SPDX-License-Identifier: AGPL-3.0-or-later
//
// End-to-end tests of the local OpenID Connect providers: `node --test idp/`.
// Starts server.mjs as a child process on free ports with a temporary state
// folder and drives the authorization-code flow over HTTP, the way a browser
// without JavaScript and the portal's back end would.

import { after, before, describe, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SECRET = 'test secret:%+/&'; // characters that client_secret_basic must form-encode
const PORTAL = 'http://127.0.0.1:3999';
const CITIZEN_CB = `${PORTAL}/dang-nhap/cong-dan/xong`;
const OFFICER_CB = `${PORTAL}/dang-nhap/can-bo/xong`;
const ACCOUNTS = JSON.parse(fs.readFileSync(path.join(HERE, 'accounts.json'), 'utf8'));

// ---------------------------------------------------------------------------
// Helpers

function startServer(stateDir) {
  const child = spawn(process.execPath, [path.join(HERE, 'server.mjs')], {
    env: {
      ...process.env,
      IDP_HOST: '127.0.0.1',
      IDP_CITIZEN_PORT: '0',
      IDP_OFFICER_PORT: '0',
      IDP_STATE_DIR: stateDir,
      IDP_CLIENT_SECRET: SECRET,
      IDP_REDIRECT_URIS: `${CITIZEN_CB},${OFFICER_CB}`,
      IDP_CITIZEN_REDIRECT_URIS: CITIZEN_CB,
      IDP_OFFICER_REDIRECT_URIS: OFFICER_CB,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    const urls = {};
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start in time\n${out}\n${stderr}`));
    }, 15000);
    child.stdout.on('data', (d) => {
      out += d;
      for (const m of out.matchAll(/^idp: (citizen|officer) issuer (\S+) ready$/gm)) urls[m[1]] = m[2];
      if (urls.citizen && urls.officer) {
        clearTimeout(timer);
        resolve({
          urls,
          stderr: () => stderr,
          async stop() {
            child.kill('SIGTERM');
            return exited;
          },
        });
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}\n${out}\n${stderr}`));
    });
  });
}

// A cookie jar good enough for one host: name -> value; path and port are
// ignored on purpose (browsers do not isolate cookies by port either).
class Jar {
  #cookies = new Map();

  store(res) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attrs.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]) < new Date());
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
  }

  header() {
    return [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  names() {
    return [...this.#cookies.keys()];
  }
}

async function get(jar, url) {
  const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
  jar.store(res);
  return res;
}

async function postForm(jar, url, fields, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header(), ...headers },
    body: new URLSearchParams(fields),
  });
  jar.store(res);
  return res;
}

function location(res, base) {
  assert.ok([302, 303].includes(res.status), `expected a redirect, got ${res.status}`);
  return new URL(res.headers.get('location'), base).href;
}

function pkce() {
  const verifier = crypto.randomBytes(32).toString('base64url');
  const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
  return { verifier, challenge };
}

function authorizeUrl(issuer, params) {
  const url = new URL('/auth', issuer);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return url.href;
}

const discoveries = new Map();
async function discover(issuer) {
  if (!discoveries.has(issuer)) {
    const res = await fetch(`${issuer}/.well-known/openid-configuration`);
    assert.equal(res.status, 200);
    discoveries.set(issuer, await res.json());
  }
  return discoveries.get(issuer);
}

// Authorization request up to the login page; returns its URL and HTML.
async function openLogin(jar, issuer, { redirectUri, scope, extra = {} }) {
  const p = pkce();
  const state = crypto.randomBytes(8).toString('hex');
  const nonce = crypto.randomBytes(8).toString('hex');
  const res = await get(jar, authorizeUrl(issuer, {
    client_id: 'motcua',
    response_type: 'code',
    scope,
    redirect_uri: redirectUri,
    state,
    nonce,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
    ...extra,
  }));
  const loginUrl = location(res, issuer);
  assert.match(new URL(loginUrl).pathname, /^\/interaction\/[A-Za-z0-9_-]+$/);
  const page = await get(jar, loginUrl);
  assert.equal(page.status, 200);
  return { loginUrl, html: await page.text(), pkce: p, state, nonce };
}

// Whole flow: authorize, log in, come back with a code, exchange it.
async function signIn(jar, issuer, { username, password = 'demo', redirectUri, scope, auth = 'basic' }) {
  const login = await openLogin(jar, issuer, { redirectUri, scope });
  const posted = await postForm(jar, `${login.loginUrl}/login`, { username, password });
  const resume = location(posted, issuer);
  assert.match(new URL(resume).pathname, /^\/auth\/[A-Za-z0-9_-]+$/);
  const back = location(await get(jar, resume), issuer);
  const cb = new URL(back);
  assert.equal(`${cb.origin}${cb.pathname}`, redirectUri);
  assert.equal(cb.searchParams.get('state'), login.state);
  assert.equal(cb.searchParams.get('iss'), issuer);
  const code = cb.searchParams.get('code');
  assert.ok(code, `no code in ${back}`);

  const { token_endpoint: tokenEndpoint } = await discover(issuer);
  const fields = {
    grant_type: 'authorization_code',
    code,
    redirect_uri: redirectUri,
    code_verifier: login.pkce.verifier,
  };
  const headers = {};
  if (auth === 'basic') {
    const enc = (s) => encodeURIComponent(s).replace(/%20/g, '+');
    headers.authorization = `Basic ${Buffer.from(`${enc('motcua')}:${enc(SECRET)}`).toString('base64')}`;
  } else {
    Object.assign(fields, { client_id: 'motcua', client_secret: SECRET });
  }
  const res = await postForm(new Jar(), tokenEndpoint, fields, headers);
  const body = await res.json();
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.equal(body.token_type, 'Bearer');
  assert.ok(body.access_token);
  assert.ok(body.id_token);
  return { tokens: body, nonce: login.nonce, code, fields, headers };
}

async function verifyIdToken(issuer, idToken) {
  const { jwks_uri: jwksUri } = await discover(issuer);
  assert.equal(decodeProtectedHeader(idToken).alg, 'RS256');
  const { payload } = await jwtVerify(idToken, createRemoteJWKSet(new URL(jwksUri)), {
    issuer,
    audience: 'motcua',
    algorithms: ['RS256'],
  });
  return payload;
}

async function userinfo(issuer, accessToken) {
  const { userinfo_endpoint: endpoint } = await discover(issuer);
  const res = await fetch(endpoint, { headers: { authorization: `Bearer ${accessToken}` } });
  assert.equal(res.status, 200);
  return res.json();
}

function account(kind, username) {
  return ACCOUNTS[kind].find((a) => a.username === username);
}

// ---------------------------------------------------------------------------

describe('local OpenID Connect providers', () => {
  let server;
  let citizen;
  let officer;
  let stateDir;

  before(async () => {
    stateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-idp-'));
    server = await startServer(stateDir);
    ({ citizen, officer } = server.urls);
  });

  after(async () => {
    if (server) await server.stop();
    fs.rmSync(stateDir, { recursive: true, force: true });
  });

  test('discovery describes a code + PKCE S256 provider with RS256 ID tokens', async () => {
    const d = await discover(citizen);
    assert.equal(d.issuer, citizen);
    assert.deepEqual(d.response_types_supported, ['code']);
    assert.deepEqual(d.grant_types_supported, ['authorization_code']);
    assert.deepEqual(d.code_challenge_methods_supported, ['S256']);
    assert.deepEqual(d.id_token_signing_alg_values_supported, ['RS256']);
    assert.deepEqual(d.token_endpoint_auth_methods_supported.sort(), ['client_secret_basic', 'client_secret_post']);
    assert.deepEqual(d.scopes_supported.sort(), ['openid', 'profile']);
    for (const c of ['SoDinhDanh', 'HoVaTen', 'NgayThangNamSinh', 'LoaiTaiKhoan', 'loAs', 'IAL', 'MaSoThue']) {
      assert.ok(d.claims_supported.includes(c), c);
    }
    const o = await discover(officer);
    assert.equal(o.issuer, officer);
    assert.deepEqual(o.scopes_supported.sort(), ['email', 'openid', 'profile']);
  });

  test('citizen: code flow with PKCE and nonce; ID token and userinfo carry the VNeID claims', async () => {
    const jar = new Jar();
    const { tokens, nonce, fields, headers } = await signIn(jar, citizen, {
      username: 'congdan.a', redirectUri: CITIZEN_CB, scope: 'openid profile',
    });
    const idt = await verifyIdToken(citizen, tokens.id_token);
    const expected = account('citizen', 'congdan.a').claims;
    assert.equal(idt.nonce, nonce);
    assert.equal(idt.sub, expected.sub);
    assert.equal(idt.HoVaTen, 'Thử Văn An');
    assert.equal(idt.name, 'Thử Văn An');
    assert.equal(idt.SoDinhDanh, expected.SoDinhDanh);
    assert.match(idt.SoDinhDanh, /^[0-9]{12}$/);
    assert.equal(idt.NgayThangNamSinh, '19900115');
    assert.equal(idt.LoaiTaiKhoan, '1');
    assert.equal(idt.loAs, 'LoA2');
    assert.equal(idt.IAL, 2);
    assert.equal(idt.MaSoThue, undefined);

    const info = await userinfo(citizen, tokens.access_token);
    assert.deepEqual(info, expected);

    // The code is single use.
    const again = await postForm(new Jar(), (await discover(citizen)).token_endpoint, fields, headers);
    assert.equal(again.status, 400);
    assert.equal((await again.json()).error, 'invalid_grant');
  });

  test('citizen: two representatives of one business share MaSoThue; client_secret_post works', async () => {
    const seen = [];
    for (const username of ['doanhnghiep.1', 'doanhnghiep.2']) {
      const { tokens } = await signIn(new Jar(), citizen, {
        username, redirectUri: CITIZEN_CB, scope: 'openid profile', auth: 'post',
      });
      seen.push(await verifyIdToken(citizen, tokens.id_token));
    }
    assert.notEqual(seen[0].sub, seen[1].sub);
    for (const idt of seen) {
      assert.equal(idt.LoaiTaiKhoan, '2');
      assert.equal(idt.MaSoThue, '0000000001');
      assert.equal(idt.MaSoDoanhNghiep, '0000000001');
      assert.equal(idt.TenDoanhNghiep, 'Công ty TNHH Thử Nghiệm Một Cửa');
    }
  });

  test('citizen: a level-1 account says IAL 1', async () => {
    const { tokens } = await signIn(new Jar(), citizen, {
      username: 'congdan.muc1', redirectUri: CITIZEN_CB, scope: 'openid profile',
    });
    const idt = await verifyIdToken(citizen, tokens.id_token);
    assert.equal(idt.IAL, 1);
    assert.equal(idt.loAs, 'LoA1');
  });

  test('login page is Vietnamese; a wrong password re-renders it with the error and the username, escaped', async () => {
    const jar = new Jar();
    const { loginUrl, html } = await openLogin(jar, citizen, { redirectUri: CITIZEN_CB, scope: 'openid profile' });
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /name="viewport"/);
    assert.match(html, /<title>[^<]*VNeID \(mô phỏng\)<\/title>/);
    assert.match(html, /<label for="username">Tên đăng nhập<\/label>/);
    assert.match(html, /<label for="password">Mật khẩu<\/label>/);
    assert.match(html, /<input id="username" name="username"/);
    assert.match(html, /<input id="password" name="password" type="password"/);
    assert.match(html, /<button class="primary" type="submit">Đăng nhập<\/button>/);
    assert.match(html, /Nhà cung cấp định danh mô phỏng, chỉ dùng để thử nghiệm/);
    assert.match(html, /<code>congdan\.a<\/code>/);
    assert.doesNotMatch(html, /<script/i);

    const wrong = await postForm(jar, `${loginUrl}/login`, { username: 'congdan.a', password: 'sai' });
    assert.equal(wrong.status, 200);
    const wrongHtml = await wrong.text();
    assert.match(wrongHtml, /Tên đăng nhập hoặc mật khẩu không đúng\./);
    assert.match(wrongHtml, /name="username"[^>]*value="congdan\.a"/);

    const evil = await postForm(jar, `${loginUrl}/login`, { username: '"><script>x</script>', password: 'x' });
    const evilHtml = await evil.text();
    assert.match(evilHtml, /value="&quot;&gt;&lt;script&gt;x&lt;\/script&gt;"/);
    assert.doesNotMatch(evilHtml, /<script>x/);

    // The same interaction still accepts the right password afterwards.
    const ok = await postForm(jar, `${loginUrl}/login`, { username: 'congdan.a', password: 'demo' });
    assert.match(new URL(location(ok, citizen)).pathname, /^\/auth\//);
  });

  test('an unregistered redirect_uri is refused without redirecting', async () => {
    const p = pkce();
    const res = await get(new Jar(), authorizeUrl(citizen, {
      client_id: 'motcua',
      response_type: 'code',
      scope: 'openid profile',
      redirect_uri: 'http://127.0.0.1:3999/somewhere-else',
      state: 's',
      nonce: 'n',
      code_challenge: p.challenge,
      code_challenge_method: 'S256',
    }));
    assert.equal(res.status, 400);
    assert.equal(res.headers.get('location'), null);
    const html = await res.text();
    assert.match(html, /redirect_uri/);
    assert.match(html, /<html lang="vi">/);

    // The officer issuer does not take the citizen callback either.
    const other = await get(new Jar(), authorizeUrl(officer, {
      client_id: 'motcua', response_type: 'code', scope: 'openid', redirect_uri: CITIZEN_CB,
      code_challenge: p.challenge, code_challenge_method: 'S256',
    }));
    assert.equal(other.status, 400);
  });

  test('PKCE is required', async () => {
    const res = await get(new Jar(), authorizeUrl(citizen, {
      client_id: 'motcua', response_type: 'code', scope: 'openid profile', redirect_uri: CITIZEN_CB, state: 's',
    }));
    const back = new URL(location(res, citizen));
    assert.equal(`${back.origin}${back.pathname}`, CITIZEN_CB);
    assert.equal(back.searchParams.get('error'), 'invalid_request');
    assert.equal(back.searchParams.get('state'), 's');
  });

  test('a wrong client secret is refused at the token endpoint', async () => {
    const jar = new Jar();
    const login = await openLogin(jar, citizen, { redirectUri: CITIZEN_CB, scope: 'openid profile' });
    const posted = await postForm(jar, `${login.loginUrl}/login`, { username: 'congdan.b', password: 'demo' });
    const back = new URL(location(await get(jar, location(posted, citizen)), citizen));
    const res = await postForm(new Jar(), (await discover(citizen)).token_endpoint, {
      grant_type: 'authorization_code',
      code: back.searchParams.get('code'),
      redirect_uri: CITIZEN_CB,
      code_verifier: login.pkce.verifier,
      client_id: 'motcua',
      client_secret: 'not-the-secret',
    });
    assert.equal(res.status, 401);
    assert.equal((await res.json()).error, 'invalid_client');
  });

  test('officer issuer: its own iss, keys and claims; sessions of the two issuers stay apart', async () => {
    const jar = new Jar(); // one jar for both issuers, like a browser on 127.0.0.1
    const c = await signIn(jar, citizen, { username: 'congdan.b', redirectUri: CITIZEN_CB, scope: 'openid profile' });
    const o = await signIn(jar, officer, {
      username: 'chuyenvien.x', redirectUri: OFFICER_CB, scope: 'openid profile email',
    });
    const cIdt = await verifyIdToken(citizen, c.tokens.id_token);
    const oIdt = await verifyIdToken(officer, o.tokens.id_token);
    assert.equal(cIdt.iss, citizen);
    assert.equal(oIdt.iss, officer);
    assert.notEqual(cIdt.iss, oIdt.iss);
    assert.notEqual(decodeProtectedHeader(c.tokens.id_token).kid, decodeProtectedHeader(o.tokens.id_token).kid);
    await assert.rejects(verifyIdToken(citizen, o.tokens.id_token));

    const expected = account('officer', 'chuyenvien.x').claims;
    assert.equal(oIdt.nonce, o.nonce);
    assert.equal(oIdt.sub, expected.sub);
    assert.equal(oIdt.name, 'Thử Văn Minh');
    assert.equal(oIdt.email, expected.email);
    assert.equal(oIdt.preferred_username, 'chuyenvien.x');
    assert.equal(oIdt.SoDinhDanh, undefined);
    assert.deepEqual(await userinfo(officer, o.tokens.access_token), expected);

    // Both sessions live side by side in one jar under their own names.
    const names = jar.names();
    assert.ok(names.includes('idp_vneid_session'), names.join());
    assert.ok(names.includes('idp_tinh_session'), names.join());
  });

  test('single sign-on: a second authorization request in the same browser needs no login', async () => {
    const jar = new Jar();
    await signIn(jar, officer, { username: 'motcua.y', redirectUri: OFFICER_CB, scope: 'openid profile email' });
    const p = pkce();
    const res = await get(jar, authorizeUrl(officer, {
      client_id: 'motcua', response_type: 'code', scope: 'openid profile email', redirect_uri: OFFICER_CB,
      state: 's2', nonce: 'n2', code_challenge: p.challenge, code_challenge_method: 'S256',
    }));
    const back = new URL(location(res, officer));
    assert.equal(`${back.origin}${back.pathname}`, OFFICER_CB);
    assert.ok(back.searchParams.get('code'));
  });

  test('logout with a valid id_token_hint ends the session in one step', async () => {
    const jar = new Jar();
    const { tokens } = await signIn(jar, citizen, {
      username: 'congdan.a', redirectUri: CITIZEN_CB, scope: 'openid profile',
    });
    const { end_session_endpoint: endSession } = await discover(citizen);
    const url = new URL(endSession);
    url.searchParams.set('id_token_hint', tokens.id_token);
    url.searchParams.set('post_logout_redirect_uri', `${PORTAL}/`);
    url.searchParams.set('state', 'bye');
    const res = await get(jar, url.href);
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), `${PORTAL}/?state=bye`);
    assert.ok(!jar.names().includes('idp_vneid_session'));

    // Tokens of the ended session are revoked.
    const { userinfo_endpoint: ui } = await discover(citizen);
    const info = await fetch(ui, { headers: { authorization: `Bearer ${tokens.access_token}` } });
    assert.equal(info.status, 401);

    // The next authorization request asks for the password again.
    await openLogin(jar, citizen, { redirectUri: CITIZEN_CB, scope: 'openid profile' });
  });

  test('logout without id_token_hint asks first, in Vietnamese', async () => {
    const jar = new Jar();
    await signIn(jar, officer, { username: 'lanhdao.x', redirectUri: OFFICER_CB, scope: 'openid profile email' });
    const { end_session_endpoint: endSession } = await discover(officer);
    const res = await get(jar, `${endSession}?client_id=motcua`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.match(html, /Bạn có muốn đăng xuất/);
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)[1];
    const action = /<form id="op\.logoutForm" method="post" action="([^"]+)"/.exec(html)[1];
    const done = await postForm(jar, new URL(action, officer).href, { xsrf, logout: 'yes' });
    assert.equal(done.status, 303);
    const page = await get(jar, location(done, officer));
    assert.match(await page.text(), /Bạn đã đăng xuất/);
    assert.ok(!jar.names().includes('idp_tinh_session'));
  });

  test('cancelling the login returns access_denied to the portal', async () => {
    const jar = new Jar();
    const { loginUrl, state } = await openLogin(jar, officer, { redirectUri: OFFICER_CB, scope: 'openid' });
    const res = await postForm(jar, `${loginUrl}/abort`, {});
    const back = new URL(location(await get(jar, location(res, officer)), officer));
    assert.equal(back.searchParams.get('error'), 'access_denied');
    assert.equal(back.searchParams.get('state'), state);
  });

  test('keys survive a restart with the same state folder; SIGTERM exits 0', async () => {
    const before = await (await fetch((await discover(citizen)).jwks_uri)).json();
    const second = await startServer(stateDir);
    try {
      const d = await (await fetch(`${second.urls.citizen}/.well-known/openid-configuration`)).json();
      const after = await (await fetch(d.jwks_uri)).json();
      assert.deepEqual(after.keys.map((k) => k.kid), before.keys.map((k) => k.kid));
      assert.ok(after.keys.every((k) => k.d === undefined), 'private key material published');
    } finally {
      const { code } = await second.stop();
      assert.equal(code, 0);
    }
  });
});
