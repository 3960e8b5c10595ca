// A real OpenID Connect provider for the web app's tests (node's oidc-provider with its
// development login and consent pages). Never for production: any password signs in.
//
//   PORT=<port> node server.mjs      (tests/web/oidc.py starts it on a free port)
//
// Prints "listening <issuer>" once it answers. Two clients, both for loopback redirects on any
// port (RFC 8252): "fosterflyt" (confidential, client_secret_basic) and "fosterflyt-public"
// (public, PKCE only).
import Provider from 'oidc-provider';

const port = Number(process.env.PORT || 0);
const issuer = `http://127.0.0.1:${port}`;

// Test accounts: the login is the account id (the e-mail). ukjent@test.example exists here but
// has no staff row in Fosterflyt.
const ACCOUNTS = {
  'kari@test.example': 'Kari Kontakt',
  'lise@test.example': 'Lise Leder',
  'ukjent@test.example': 'Una Ukjent',
};

// The production-mode tests' public address is PRODUCTION_BASE_URL (https, never reached: the
// tests carry the answer to the server themselves).
const production = process.env.PRODUCTION_BASE_URL || 'https://fosterflyt.kommune.example';
const redirects = {
  redirect_uris: ['http://127.0.0.1/app/login/callback', `${production}/app/login/callback`],
  post_logout_redirect_uris: ['http://127.0.0.1/app/logged-out', `${production}/app/logged-out`],
  application_type: 'native',
  response_types: ['code'],
  grant_types: ['authorization_code'],
};

const provider = new Provider(issuer, {
  clients: [
    { client_id: 'fosterflyt', client_secret: 'test-client-secret', ...redirects },
    { client_id: 'fosterflyt-public', token_endpoint_auth_method: 'none', ...redirects },
  ],
  cookies: { keys: ['a-test-only-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  // The ID token carries the scopes' claims (the relying party reads the e-mail from it).
  conformIdTokenClaims: false,
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  async findAccount(ctx, id) {
    const name = ACCOUNTS[id];
    if (name === undefined) return undefined;
    return {
      accountId: id,
      async claims() {
        return { sub: id, email: id, email_verified: true, name };
      },
    };
  },
});

// The development pages import a web font from another site: the tests prove no page they go
// through loads anything from elsewhere, so the import is dropped.
provider.use(async (ctx, next) => {
  await next();
  if (typeof ctx.body === 'string') {
    ctx.body = ctx.body.replace(/@import url\(https:\/\/fonts\.googleapis\.com[^)]*\);/g, '');
  }
});

const server = provider.listen(port, '127.0.0.1', () => {
  console.log(`listening ${issuer}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
