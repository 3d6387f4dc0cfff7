// The web app's build: React, hashed files under /assets, a manifest for the size check
// (test/first-screen-size.browser-spec.ts). In development, `npm run dev -w @stageflow/modeler`
// serves the app on :5173 and forwards /api to the engine on :3000 (STAGEFLOW_ENGINE_URL to change it),
// so the session cookie stays same-origin exactly as when the engine serves the built app at /.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    manifest: true,
    // Vite's per-chunk warning is about raw size; the limit that counts (250 KB gzip for the first
    // screen) is checked by test/first-screen-size.browser-spec.ts.
    chunkSizeWarningLimit: 1000,
    sourcemap: false,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.STAGEFLOW_ENGINE_URL ?? 'http://localhost:3000' } },
  },
});
