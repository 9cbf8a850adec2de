/**
 * Serves /admin/ in `astro dev` from the same files the build writes (src/release/admin.ts), so the
 * office can edit a local clone in Chrome or Edge at http://localhost:4321/admin/ with Sveltia's
 * local-repository mode. The build adds /admin/ after Pagefind (scripts/admin.ts).
 */
import type { AstroIntegration } from 'astro';
import { ADMIN_CSP, ADMIN_DIR, adminFiles } from '../release/admin.ts';

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  yml: 'application/yaml; charset=utf-8',
};

export default function admin(): AstroIntegration {
  return {
    name: 'admin',
    hooks: {
      'astro:server:setup': ({ server }) => {
        // Astro gives Vite the project root as its own.
        const root = server.config.root;
        server.middlewares.use((req, res, next) => {
          const path = (req.url ?? '').split('?')[0]!;
          if (!path.startsWith(`/${ADMIN_DIR}/`)) return next();
          const name = path.slice(ADMIN_DIR.length + 2) || 'index.html';
          // Read on each request: a regenerated config.yml shows without restarting.
          const file = adminFiles(root).get(name);
          if (!file) return next();
          res.setHeader('Content-Type', TYPES[name.split('.').pop()!] ?? 'application/octet-stream');
          res.setHeader('Content-Security-Policy', ADMIN_CSP);
          res.setHeader('Cache-Control', 'no-store');
          res.end(file);
        });
      },
    },
  };
}
