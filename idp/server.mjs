// SPDX-License-Identifier: AGPL-3.0-or-later
//
// Local OpenID Connect providers for motcua's demo and tests ONLY.
//
// One process, two issuers, each a real oidc-provider (authorization code +
// PKCE S256, RS256 ID tokens, userinfo, RP-initiated logout):
//   - citizen issuer "VNeID (mô phỏng)"                       default http://127.0.0.1:4010
//   - officer issuer "Đăng nhập tập trung tỉnh (mô phỏng)"    default http://127.0.0.1:4011
// Accounts come from accounts.json; the login pages are rendered here.
// See README.md for the environment variables.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

import Provider, { errors as oidcErrors } from 'oidc-provider';

const HERE = path.dirname(fileURLToPath(import.meta.url));

export const CLIENT_ID = 'motcua';
const CLIENT_NAME = 'Hệ thống thông tin giải quyết thủ tục hành chính (motcua)';
const DEMO_NOTE = 'Nhà cung cấp định danh mô phỏng, chỉ dùng để thử nghiệm';

export const CITIZEN_CLAIMS = [
  'name',
  'HoVaTen',
  'SoDinhDanh',
  'NgayThangNamSinh',
  'LoaiTaiKhoan',
  'loAs',
  'IAL',
  'MaSoThue',
  'MaSoDoanhNghiep',
  'TenDoanhNghiep',
];

// The two issuers. `cookiePrefix` keeps their cookies apart: cookies are
// scoped by host, not by port, so both issuers (and the portal) share one jar.
const ISSUERS = {
  citizen: {
    name: 'VNeID (mô phỏng)',
    portEnv: 'IDP_CITIZEN_PORT',
    defaultPort: 4010,
    redirectEnv: 'IDP_CITIZEN_REDIRECT_URIS',
    callbackPath: '/dang-nhap/cong-dan/xong',
    cookiePrefix: 'idp_vneid',
    claims: { openid: ['sub'], profile: CITIZEN_CLAIMS },
  },
  officer: {
    name: 'Đăng nhập tập trung tỉnh (mô phỏng)',
    portEnv: 'IDP_OFFICER_PORT',
    defaultPort: 4011,
    redirectEnv: 'IDP_OFFICER_REDIRECT_URIS',
    callbackPath: '/dang-nhap/can-bo/xong',
    cookiePrefix: 'idp_tinh',
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email'] },
  },
};

const DEFAULT_PORTAL_ORIGINS = [
  'http://127.0.0.1:3000',
  'http://localhost:3000',
  'http://127.0.0.1:3100',
  'http://localhost:3100',
];

// ---------------------------------------------------------------------------
// Configuration from the environment

function envList(env, name) {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const list = raw.split(',').map((s) => s.trim()).filter(Boolean);
  for (const uri of list) {
    let url;
    try {
      url = new URL(uri);
    } catch {
      throw new Error(`${name}: not an absolute URL: ${uri}`);
    }
    if (url.hash) throw new Error(`${name}: a redirect URI must not have a fragment: ${uri}`);
  }
  return list;
}

function envPort(env, name, fallback) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`${name}: not a port number: ${raw}`);
  }
  return port;
}

export function readConfig(env = process.env) {
  const host = env.IDP_HOST || '127.0.0.1';
  const common = envList(env, 'IDP_REDIRECT_URIS');
  const postLogout = envList(env, 'IDP_POST_LOGOUT_REDIRECT_URIS');
  const issuers = {};
  for (const [kind, def] of Object.entries(ISSUERS)) {
    const redirectUris = envList(env, def.redirectEnv) || common
      || DEFAULT_PORTAL_ORIGINS.map((origin) => origin + def.callbackPath);
    const origins = [...new Set(redirectUris.map((uri) => new URL(uri).origin))];
    issuers[kind] = {
      ...def,
      kind,
      port: envPort(env, def.portEnv, def.defaultPort),
      redirectUris,
      postLogoutRedirectUris: postLogout || origins.map((origin) => `${origin}/`),
    };
  }
  const clientSecret = env.IDP_CLIENT_SECRET || 'motcua-demo-secret';
  if (!/^[\x20-\x7E]+$/.test(clientSecret)) {
    throw new Error('IDP_CLIENT_SECRET: only printable ASCII characters are allowed (RFC 6749 VSCHAR)');
  }
  return {
    host,
    clientSecret,
    stateDir: path.resolve(env.IDP_STATE_DIR || path.join(HERE, '.state')),
    accountsFile: path.resolve(env.IDP_ACCOUNTS || path.join(HERE, 'accounts.json')),
    issuers,
  };
}

// ---------------------------------------------------------------------------
// Accounts

const DIGITS = (n) => new RegExp(`^[0-9]{${n}}$`);

function checkAccount(kind, account, where) {
  const fail = (msg) => { throw new Error(`${where}: ${msg}`); };
  if (typeof account.username !== 'string' || !account.username) fail('username missing');
  if (typeof account.password !== 'string' || !account.password) fail('password missing');
  const c = account.claims;
  if (!c || typeof c !== 'object') fail('claims missing');
  if (typeof c.sub !== 'string' || !c.sub) fail('claims.sub missing');
  if (typeof c.name !== 'string' || !c.name) fail('claims.name missing');
  if (kind === 'citizen') {
    if (typeof c.HoVaTen !== 'string' || !c.HoVaTen) fail('HoVaTen missing');
    if (!DIGITS(12).test(c.SoDinhDanh)) fail('SoDinhDanh must be 12 digits');
    if (!DIGITS(8).test(c.NgayThangNamSinh)) fail('NgayThangNamSinh must be yyyyMMdd');
    if (!['1', '2', '3'].includes(c.LoaiTaiKhoan)) fail('LoaiTaiKhoan must be "1", "2" or "3"');
    if (typeof c.loAs !== 'string') fail('loAs must be a string');
    if (c.IAL !== 1 && c.IAL !== 2) fail('IAL must be the integer 1 or 2');
    if (c.LoaiTaiKhoan === '2') {
      for (const k of ['MaSoThue', 'MaSoDoanhNghiep', 'TenDoanhNghiep']) {
        if (typeof c[k] !== 'string' || !c[k]) fail(`${k} missing for a business account`);
      }
    }
    for (const k of Object.keys(c)) {
      if (k !== 'sub' && !CITIZEN_CLAIMS.includes(k)) fail(`unknown claim ${k}`);
    }
  } else {
    for (const k of ['email', 'preferred_username']) {
      if (typeof c[k] !== 'string' || !c[k]) fail(`${k} missing`);
    }
  }
}

export function loadAccounts(file) {
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  const out = {};
  for (const kind of Object.keys(ISSUERS)) {
    const list = data[kind];
    if (!Array.isArray(list) || list.length === 0) {
      throw new Error(`${file}: "${kind}" must be a non-empty array of accounts`);
    }
    const byUsername = new Map();
    const bySub = new Map();
    list.forEach((account, i) => {
      const where = `${file}: ${kind}[${i}]`;
      checkAccount(kind, account, where);
      if (byUsername.has(account.username)) throw new Error(`${where}: duplicate username`);
      if (bySub.has(account.claims.sub)) throw new Error(`${where}: duplicate sub`);
      byUsername.set(account.username, account);
      bySub.set(account.claims.sub, account);
    });
    out[kind] = { list, byUsername, bySub };
  }
  return out;
}

function sha256(s) {
  return crypto.createHash('sha256').update(String(s), 'utf8').digest();
}

function authenticate(accounts, username, password) {
  const account = accounts.byUsername.get(username);
  // Compare digests in constant time; compare against something even when
  // the username is unknown.
  const ok = crypto.timingSafeEqual(sha256(password), sha256(account ? account.password : '\0'));
  return account && ok ? account : undefined;
}

// ---------------------------------------------------------------------------
// Persistent keys (state folder)

// Reads a JSON file, or creates it with `create()` when missing. The file is
// written beside and then hard-linked into place, so two processes starting
// at once end up using the same keys.
function loadOrCreate(file, create) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    if (err.code !== 'ENOENT') throw new Error(`${file}: ${err.message}`);
  }
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(create(), null, 2)}\n`, { mode: 0o600 });
  try {
    fs.linkSync(tmp, file);
  } catch (err) {
    if (err.code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(tmp);
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function newSigningKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint as the key id.
  const thumbprint = crypto.createHash('sha256')
    .update(JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n }))
    .digest('base64url');
  return { ...jwk, kid: thumbprint, use: 'sig', alg: 'RS256' };
}

function loadKeys(stateDir, kind) {
  fs.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const jwks = loadOrCreate(path.join(stateDir, `${kind}.jwks.json`), () => ({ keys: [newSigningKey()] }));
  if (!Array.isArray(jwks.keys) || !jwks.keys.some((k) => k.kty === 'RSA' && k.d)) {
    throw new Error(`${stateDir}/${kind}.jwks.json: no private RSA key`);
  }
  const cookies = loadOrCreate(path.join(stateDir, `${kind}.cookie-keys.json`), () => ({
    keys: [crypto.randomBytes(32).toString('base64url')],
  }));
  if (!Array.isArray(cookies.keys) || cookies.keys.length === 0) {
    throw new Error(`${stateDir}/${kind}.cookie-keys.json: no keys`);
  }
  return { jwks, cookieKeys: cookies.keys };
}

// ---------------------------------------------------------------------------
// HTML

export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({
    '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;',
  })[ch]);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;
 line-height:1.5;color:#1a1a1a;background:#f3f4f6}
main{max-width:34rem;margin:0 auto;padding:1rem}
header{background:#a50e0e;color:#fff;padding:.75rem 1rem}
header p{margin:0;font-weight:600}
h1{font-size:1.4rem;margin:.5rem 0 1rem}
.card{background:#fff;border-radius:.5rem;padding:1rem 1.25rem;box-shadow:0 1px 3px rgba(0,0,0,.15)}
.demo{background:#fff7d6;border:1px solid #e3c04a;border-radius:.5rem;padding:.5rem .75rem;margin:0 0 1rem}
.error{background:#fde8e8;border:1px solid #c81e1e;color:#8a1414;border-radius:.5rem;padding:.5rem .75rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{width:100%;font:inherit;padding:.6rem;border:1px solid #888;border-radius:.375rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.375rem;border:1px solid #a50e0e;cursor:pointer}
.primary{background:#a50e0e;color:#fff;margin-top:1rem;width:100%}
.secondary{background:#fff;color:#a50e0e}
.actions{display:flex;gap:.5rem;flex-wrap:wrap;margin-top:1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem;margin-top:.5rem}
th,td{text-align:left;padding:.3rem .4rem;border-bottom:1px solid #ddd;vertical-align:top}
code{font-size:.95em}
pre{white-space:pre-wrap;word-break:break-word}
`;

function page({ issuerName, title, body }) {
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title ? `${title} – ${issuerName}` : issuerName)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><p>${escapeHtml(issuerName)}</p></header>
<main>
<p class="demo"><strong>${escapeHtml(DEMO_NOTE)}.</strong> Mọi tài khoản ở đây đều là giả định.</p>
${body}
</main>
</body>
</html>
`;
}

function accountsTable(accounts) {
  const rows = accounts.list.map((a) => `<tr><td><code>${escapeHtml(a.username)}</code></td>`
    + `<td><code>${escapeHtml(a.password)}</code></td><td>${escapeHtml(a.description || a.claims.name)}</td></tr>`).join('\n');
  return `<table>
<caption>Tài khoản thử nghiệm</caption>
<thead><tr><th scope="col">Tên đăng nhập</th><th scope="col">Mật khẩu</th><th scope="col">Mô tả</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

function loginPage({ issuer, accounts, uid, clientName, username = '', error }) {
  const action = `/interaction/${encodeURIComponent(uid)}`;
  return page({
    issuerName: issuer.name,
    title: 'Đăng nhập',
    body: `<div class="card">
<h1>Đăng nhập</h1>
<p>Ứng dụng <strong>${escapeHtml(clientName)}</strong> đề nghị bạn đăng nhập.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${action}/login">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" required${username ? '' : ' autofocus'} value="${escapeHtml(username)}">
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${username ? ' autofocus' : ''}>
<button class="primary" type="submit">Đăng nhập</button>
</form>
<form method="post" action="${action}/abort" class="actions">
<button class="secondary" type="submit">Hủy và quay lại ứng dụng</button>
</form>
</div>
<div class="card" style="margin-top:1rem">
${accountsTable(accounts)}
</div>`,
  });
}

function messagePage(issuer, title, html) {
  return page({ issuerName: issuer.name, title, body: `<div class="card"><h1>${escapeHtml(title)}</h1>${html}</div>` });
}

const ERROR_TEXT = {
  invalid_redirect_uri: 'Địa chỉ quay về (redirect_uri) không được đăng ký cho ứng dụng này.',
  invalid_client: 'Ứng dụng không hợp lệ hoặc chưa được đăng ký.',
  invalid_request: 'Yêu cầu không hợp lệ.',
  invalid_scope: 'Phạm vi (scope) được yêu cầu không hợp lệ.',
  unsupported_response_type: 'Kiểu phản hồi (response_type) không được hỗ trợ.',
  access_denied: 'Yêu cầu bị từ chối.',
  invalid_grant: 'Mã cấp quyền không hợp lệ hoặc đã hết hạn.',
  session_not_found: 'Phiên đăng nhập không còn hiệu lực. Hãy quay lại ứng dụng và đăng nhập lại.',
  server_error: 'Có lỗi phía máy chủ.',
};

function errorBody(out) {
  const known = ERROR_TEXT[out.error];
  const rows = Object.entries(out)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td><code>${escapeHtml(v)}</code></td></tr>`)
    .join('\n');
  return `<p>${escapeHtml(known || 'Không thực hiện được yêu cầu.')}</p>
<table><caption>Chi tiết kỹ thuật</caption><tbody>
${rows}
</tbody></table>`;
}

// ---------------------------------------------------------------------------
// Provider

// In-memory storage for grants, codes, tokens, sessions and interactions, one
// per issuer (oidc-provider's own memory adapter shares one store between all
// providers of a process). Everything is lost on restart, which is fine here:
// only the keys are kept in the state folder.
function memoryAdapter() {
  const store = new Map(); // key -> { value, exp (ms) }
  const now = () => Date.now();
  const get = (key) => {
    const entry = store.get(key);
    if (!entry) return undefined;
    if (entry.exp <= now()) {
      store.delete(key);
      return undefined;
    }
    return entry.value;
  };
  const set = (key, value, expiresIn) => {
    store.set(key, { value, exp: now() + (expiresIn ? expiresIn * 1000 : 3600 * 1000) });
  };
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, entry] of store) if (entry.exp <= t) store.delete(key);
  }, 60 * 1000);
  sweep.unref();

  return class MemoryAdapter {
    constructor(model) {
      this.model = model;
    }

    key(id) {
      return `${this.model}:${id}`;
    }

    async upsert(id, payload, expiresIn) {
      const key = this.key(id);
      set(key, payload, expiresIn);
      if (this.model === 'Session') set(`sessionUid:${payload.uid}`, id, expiresIn);
      if (payload.userCode) set(`userCode:${payload.userCode}`, id, expiresIn);
      if (payload.grantId && this.model !== 'Grant') {
        const grantKey = `grant:${payload.grantId}`;
        const keys = get(grantKey) || [];
        keys.push(key);
        set(grantKey, keys, expiresIn > 0 ? Math.max(expiresIn, 8 * 3600) : 8 * 3600);
      }
    }

    async find(id) {
      return get(this.key(id));
    }

    async findByUid(uid) {
      const id = get(`sessionUid:${uid}`);
      return id === undefined ? undefined : this.find(id);
    }

    async findByUserCode(userCode) {
      const id = get(`userCode:${userCode}`);
      return id === undefined ? undefined : this.find(id);
    }

    async consume(id) {
      const payload = get(this.key(id));
      if (payload) payload.consumed = Math.floor(now() / 1000);
    }

    async destroy(id) {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId) {
      const grantKey = `grant:${grantId}`;
      for (const key of get(grantKey) || []) store.delete(key);
      store.delete(grantKey);
    }
  };
}

async function revokeGrant(provider, grantId) {
  await Promise.all([
    provider.AccessToken.revokeByGrantId(grantId),
    provider.AuthorizationCode.revokeByGrantId(grantId),
    provider.Grant.find(grantId).then((grant) => grant?.destroy()),
  ]);
}

function buildProvider({ issuer, issuerUrl, accounts, keys, clientSecret }) {
  const cookiesLong = { signed: true, httpOnly: true, sameSite: 'lax' };

  const provider = new Provider(issuerUrl, {
    adapter: memoryAdapter(),
    clients: [{
      client_id: CLIENT_ID,
      client_secret: clientSecret,
      client_name: CLIENT_NAME,
      application_type: 'web',
      redirect_uris: issuer.redirectUris,
      post_logout_redirect_uris: issuer.postLogoutRedirectUris,
      grant_types: ['authorization_code'],
      response_types: ['code'],
      // A client registered for client_secret_basic is also accepted when it
      // sends its secret in the form body (client_secret_post), see
      // oidc-provider's shared/token_auth.js; both are advertised below.
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    }],
    clientAuthMethods: ['client_secret_basic', 'client_secret_post'],
    responseTypes: ['code'],
    allowOmittingSingleRegisteredRedirectUri: false,
    pkce: { methods: ['S256'], required: () => true },
    enabledJWA: { idTokenSigningAlgValues: ['RS256'] },
    scopes: ['openid'],
    claims: issuer.claims,
    conformIdTokenClaims: false,
    jwks: keys.jwks,
    cookies: {
      keys: keys.cookieKeys,
      names: {
        session: `${issuer.cookiePrefix}_session`,
        interaction: `${issuer.cookiePrefix}_interaction`,
        resume: `${issuer.cookiePrefix}_interaction_resume`,
      },
      long: cookiesLong,
      short: { signed: true, httpOnly: true, sameSite: 'lax' },
    },
    ttl: {
      AccessToken: 3600,
      AuthorizationCode: 120,
      ClientCredentials: 600,
      DeviceCode: 600,
      BackchannelAuthenticationRequest: 600,
      IdToken: 3600,
      RefreshToken: 86400,
      Interaction: 1800,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    discovery: {
      ui_locales_supported: ['vi'],
      claims_locales_supported: ['vi'],
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
    },
    interactions: {
      url: (ctx, interaction) => `/interaction/${interaction.uid}`,
    },

    async findAccount(ctx, sub) {
      const account = accounts.bySub.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        // oidc-provider keeps only the claims of the granted scopes.
        claims: async () => structuredClone(account.claims),
      };
    },

    // First-party client: grant whatever it asks for, never show a consent
    // screen.
    async loadExistingGrant(ctx) {
      const { oidc } = ctx;
      const accountId = oidc.account.accountId;
      const clientId = oidc.client.clientId;
      const grantId = oidc.result?.consent?.grantId || oidc.session.grantIdFor(clientId);
      let grant = grantId ? await oidc.provider.Grant.find(grantId) : undefined;
      if (!grant || grant.accountId !== accountId || grant.clientId !== clientId) {
        grant = new oidc.provider.Grant({ accountId, clientId });
      }
      const scope = [...oidc.requestParamOIDCScopes].join(' ');
      if (scope) grant.addOIDCScope(scope);
      const claims = [...oidc.requestParamClaims];
      if (claims.length) grant.addOIDCClaims(claims);
      await grant.save();
      return grant;
    },

    async renderError(ctx, out) {
      ctx.type = 'html';
      ctx.body = messagePage(issuer, 'Có lỗi xảy ra', errorBody(out));
    },
  });

  // RP-Initiated Logout 1.0 §2: the OP MUST ask the End-User whether to log
  // out unless the request carries an id_token_hint that belongs to the
  // current session with this RP; then asking is only a SHOULD and we skip
  // it, so that logging out works in one step and without JavaScript.
  async function logoutSource(ctx, form) {
    const { session, client } = ctx.oidc;
    const hint = ctx.oidc.entities.IdTokenHint; // already verified by oidc-provider
    const belongsToSession = hint && client && session.accountId
      && hint.payload.sub === session.accountId
      && session.authorizations?.[client.clientId]
      && (hint.payload.sid === undefined || hint.payload.sid === session.sidFor(client.clientId));
    if (belongsToSession) {
      await endSession(ctx);
      return;
    }
    ctx.body = messagePage(issuer, 'Đăng xuất', `
<p>Bạn có muốn đăng xuất khỏi <strong>${escapeHtml(issuer.name)}</strong> không?</p>
${form}
<div class="actions">
<button class="primary" type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Có, đăng xuất</button>
<button class="secondary" type="submit" form="op.logoutForm">Không, giữ đăng nhập</button>
</div>`);
  }

  // What oidc-provider's end_session_confirm does for "logout=yes": revoke
  // the session's grants, destroy the session, go to post_logout_redirect_uri.
  async function endSession(ctx) {
    const { session } = ctx.oidc;
    const { state } = session;
    for (const [clientId, { grantId } = {}] of Object.entries(session.authorizations || {})) {
      if (grantId && !session.authorizationFor(clientId).persistsLogout) {
        await revokeGrant(provider, grantId);
      }
    }
    await session.destroy();
    ctx.oidc.cookies.set(provider.cookieName('session'), null, cookiesLong);
    let target;
    if (state.postLogoutRedirectUri) {
      const url = new URL(state.postLogoutRedirectUri);
      if (state.state != null) url.searchParams.set('state', state.state);
      target = url.href;
    } else {
      target = ctx.oidc.urlFor('end_session_success');
    }
    provider.emit('end_session.success', ctx);
    ctx.status = 303;
    ctx.redirect(target);
  }

  async function postLogoutSuccessSource(ctx) {
    ctx.body = messagePage(issuer, 'Đã đăng xuất', `<p>Bạn đã đăng xuất khỏi ${escapeHtml(issuer.name)}.</p>`);
  }

  provider.on('server_error', (ctx, err) => {
    console.error(`idp: ${issuer.kind}: server error:`, err);
  });

  return provider;
}

// ---------------------------------------------------------------------------
// HTTP front: our interaction pages, everything else to oidc-provider

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

function sendHtml(res, status, html, headers = {}) {
  const body = Buffer.from(html, 'utf8');
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    ...headers,
  });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

function redirect(res, location) {
  res.writeHead(303, { location, 'cache-control': 'no-store', 'content-length': 0 });
  res.end();
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function readForm(req) {
  const type = (req.headers['content-type'] || '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new HttpError(415, 'Cần gửi biểu mẫu (application/x-www-form-urlencoded).');
  }
  const chunks = [];
  let size = 0;
  for await (const chunk of req) {
    size += chunk.length;
    if (size > 16 * 1024) throw new HttpError(413, 'Dữ liệu gửi lên quá lớn.');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function makeHandler({ issuer, issuerUrl, provider, accounts }) {
  const callback = provider.callback();

  async function interaction(req, res, uid, action) {
    let details;
    try {
      details = await provider.interactionDetails(req, res);
    } catch (err) {
      if (err instanceof oidcErrors.SessionNotFound) {
        sendHtml(res, 400, messagePage(issuer, 'Phiên đăng nhập đã hết hạn',
          `<p>${escapeHtml(ERROR_TEXT.session_not_found)}</p>`));
        return;
      }
      throw err;
    }
    if (details.uid !== uid) {
      sendHtml(res, 400, messagePage(issuer, 'Phiên đăng nhập đã hết hạn',
        `<p>${escapeHtml(ERROR_TEXT.session_not_found)}</p>`));
      return;
    }
    const client = await provider.Client.find(details.params.client_id);
    const clientName = client?.clientName || details.params.client_id;
    const { prompt } = details;

    if (action === undefined) {
      if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Phương thức không được hỗ trợ.');
      if (prompt.name === 'login') {
        const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : '';
        sendHtml(res, 200, loginPage({ issuer, accounts, uid, clientName, username: hint }));
        return;
      }
      if (prompt.name === 'consent') {
        // First-party client: consent is implied (see loadExistingGrant).
        const { accountId } = details.session;
        let grant = details.grantId ? await provider.Grant.find(details.grantId) : undefined;
        if (!grant || grant.accountId !== accountId) {
          grant = new provider.Grant({ accountId, clientId: details.params.client_id });
        }
        const d = prompt.details;
        if (d.missingOIDCScope) grant.addOIDCScope(d.missingOIDCScope.join(' '));
        if (d.missingOIDCClaims) grant.addOIDCClaims(d.missingOIDCClaims);
        for (const [indicator, scopes] of Object.entries(d.missingResourceScopes || {})) {
          grant.addResourceScope(indicator, scopes.join(' '));
        }
        const grantId = await grant.save();
        await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
        return;
      }
      throw new HttpError(400, `Bước tương tác không được hỗ trợ: ${prompt.name}`);
    }

    if (req.method !== 'POST') throw new HttpError(405, 'Phương thức không được hỗ trợ.');

    if (action === 'abort') {
      await provider.interactionFinished(req, res, {
        error: 'access_denied',
        error_description: 'End-User aborted interaction',
      }, { mergeWithLastSubmission: false });
      return;
    }

    // action === 'login'
    if (prompt.name !== 'login') {
      redirect(res, `/interaction/${encodeURIComponent(uid)}`);
      return;
    }
    const form = await readForm(req);
    const username = (form.get('username') || '').trim();
    const password = form.get('password') || '';
    const account = authenticate(accounts, username, password);
    if (!account) {
      sendHtml(res, 200, loginPage({
        issuer, accounts, uid, clientName, username,
        error: 'Tên đăng nhập hoặc mật khẩu không đúng.',
      }));
      return;
    }
    await provider.interactionFinished(req, res, {
      login: { accountId: account.claims.sub, amr: ['pwd'], remember: false },
    }, { mergeWithLastSubmission: false });
  }

  function home(res) {
    const discovery = `${issuerUrl}/.well-known/openid-configuration`;
    sendHtml(res, 200, messagePage(issuer, issuer.name, `
<p>Đây là nhà cung cấp OpenID Connect mô phỏng của motcua, chỉ dùng cho bản trình diễn và kiểm thử.</p>
<p>Issuer: <code>${escapeHtml(issuerUrl)}</code></p>
<p>Tài liệu khám phá: <a href="${escapeHtml(discovery)}">${escapeHtml(discovery)}</a></p>
${accountsTable(accounts)}`));
  }

  return async function handle(req, res) {
    try {
      const { pathname } = new URL(req.url, 'http://x');
      const m = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/.exec(pathname);
      if (m) {
        await interaction(req, res, m[1], m[2]);
      } else if (pathname === '/' && (req.method === 'GET' || req.method === 'HEAD')) {
        home(res);
      } else {
        await callback(req, res);
      }
    } catch (err) {
      const status = err instanceof HttpError ? err.status : 500;
      if (status === 500) console.error(`idp: ${issuer.kind}: ${req.method} ${req.url}:`, err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const message = err instanceof HttpError ? err.message : ERROR_TEXT.server_error;
      sendHtml(res, status, messagePage(issuer, 'Có lỗi xảy ra', `<p>${escapeHtml(message)}</p>`),
        status === 405 ? { allow: 'GET, HEAD, POST' } : {});
    }
  };
}

function hostForUrl(host) {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
  });
}

// Starts both issuers. Returns { issuers: { citizen, officer }, close() },
// each issuer { url, port, server, provider }.
export async function startIdp(config = readConfig()) {
  const accounts = loadAccounts(config.accountsFile);
  const started = {};
  try {
    for (const [kind, issuer] of Object.entries(config.issuers)) {
      const keys = loadKeys(config.stateDir, kind);
      const server = http.createServer();
      server.keepAliveTimeout = 5000;
      started[kind] = { server };
      // Listen first, so that port 0 (any free port) gives a known issuer URL.
      const port = await listen(server, issuer.port, config.host);
      const url = `http://${hostForUrl(config.host)}:${port}`;
      const provider = buildProvider({
        issuer, issuerUrl: url, accounts: accounts[kind], keys, clientSecret: config.clientSecret,
      });
      // Static clients are validated lazily; fail now rather than at the first request.
      try {
        await provider.Client.find(CLIENT_ID);
      } catch (err) {
        throw new Error(`${kind} issuer: client ${CLIENT_ID}: ${err.error_description || err.message}`);
      }
      server.on('request', makeHandler({ issuer, issuerUrl: url, provider, accounts: accounts[kind] }));
      Object.assign(started[kind], { url, port, provider, name: issuer.name });
    }
  } catch (err) {
    for (const { server } of Object.values(started)) server.close();
    throw err;
  }

  async function close() {
    await Promise.all(Object.values(started).map(({ server }) => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
      setTimeout(() => server.closeAllConnections(), 1000).unref();
    })));
  }

  return { issuers: started, close };
}

async function main() {
  let idp;
  try {
    idp = await startIdp();
  } catch (err) {
    console.error(`idp: cannot start: ${err.message}`);
    process.exit(1);
  }
  for (const [kind, { url }] of Object.entries(idp.issuers)) {
    console.log(`idp: ${kind} issuer ${url} ready`);
  }
  let stopping = false;
  const stop = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`idp: ${signal}, stopping`);
    await idp.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
