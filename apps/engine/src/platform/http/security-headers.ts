// Security headers on everything the engine serves (the API, /api/docs, and the web app to come),
// through @fastify/helmet. The Content-Security-Policy allows only the engine's own scripts: the web
// app will be served from the same origin and must live within it. Inline styles are allowed
// because the API docs (Swagger UI) set element styles; inline scripts are not.
import type { FastifyHelmetOptions } from '@fastify/helmet';

export const SECURITY_HEADERS: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // The engine is never framed (frame-ancestors above); X-Frame-Options says the same to older browsers.
  frameguard: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // HTTPS is the proxy's business: Strict-Transport-Security on plain-HTTP localhost would only confuse.
  hsts: false,
};
