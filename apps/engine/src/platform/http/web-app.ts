// The built web app (apps/modeler/dist, or STAGEFLOW_WEB_APP_DIR) at `/`, from the engine's own
// origin: the session cookie is SameSite=Strict and the Content-Security-Policy allows only the
// engine's scripts (security-headers.ts applies here as everywhere). One Fastify route for every
// GET the API does not answer: a file of the folder when there is one, a 404 for a missing hashed
// asset, else index.html (the app's router reads deep links). The API's routes are matched before
// this wildcard and never come here; an unknown /api path goes on to the API's 404.
//
// The folder is looked at on each request, not once at start-up: `npm run build` while the engine
// runs serves the new build (Vite empties the folder and writes new hashed names).
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { cacheControlOf, isApiPath, isAssetPath, urlPathOf, webAppFileOf } from './web-app-paths.js';

const INDEX = 'index.html';

/** What `/` answers while the folder has no index.html: the engine runs, the app is not built. */
export function notBuiltText(folder: string): string {
  return (
    `The Stageflow web app is not built: ${folder} has no ${INDEX}.\n` +
    `Build it with \`npm run build\` (or \`npx nx run @stageflow/modeler:build\`) and reload this page; ` +
    `STAGEFLOW_WEB_APP_DIR names another folder.\n` +
    `The API answers at /api/v1, its documentation at /api/docs.\n`
  );
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function send(reply: FastifyReply, folder: string, file: string): FastifyReply {
  // cacheControl: false, so that @fastify/send keeps ours; no index lookups, no dotfiles.
  return reply.header('Cache-Control', cacheControlOf(file)).sendFile(file, folder, { cacheControl: false, index: false, dotfiles: 'deny' });
}

/** The API's 404 (Nest's not-found handler, the JSON error body). */
function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

async function answer(folder: string, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const path = urlPathOf(request.url);
  if (path === undefined || isApiPath(path)) return notFound(reply);
  const deepLink = path.replace(/\/+$/, '') !== '';
  if (deepLink) {
    const file = webAppFileOf(folder, path);
    // A path that may not name a file here (out of the folder, a dotfile) is refused, never the app.
    if (file === undefined) return notFound(reply);
    if (await isFile(join(folder, file))) return send(reply, folder, file);
    if (isAssetPath(path)) return notFound(reply);
  }
  if (await isFile(join(folder, INDEX))) return send(reply, folder, INDEX);
  if (deepLink) return notFound(reply);
  return reply.type('text/plain; charset=utf-8').header('Cache-Control', 'no-cache').send(notBuiltText(folder));
}

/** Serves the web app of `folder` at `/` (call before the app's routes are registered: app.init). */
export async function installWebApp(fastify: FastifyInstance, folder: string): Promise<void> {
  const root = resolve(folder);
  // Only the reply.sendFile decoration: the route below decides what is served.
  await fastify.register(fastifyStatic, { serve: false });
  fastify.get('/*', (request, reply) => answer(root, request, reply));
}
