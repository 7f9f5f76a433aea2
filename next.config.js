// @ts-check
const os = require('node:os');
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/**
 * The hosts `next dev` may be opened through. Its cross-origin check only trusts localhost: opened
 * through 127.0.0.1 or the network address it prints, the page's scripts are refused and every
 * button needing JavaScript silently does nothing. Allowed: the loopback names, this machine's
 * own IPv4 addresses, and the hosts listed in ALLOWED_DEV_ORIGINS (comma-separated, e.g. a
 * name in the local DNS). Development only: `next start` ignores it.
 */
function devOrigins() {
  const own = Object.values(os.networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address?.address ?? '');
  const extra = (process.env.ALLOWED_DEV_ORIGINS ?? '').split(',').map((host) => host.trim());
  return [...new Set(['127.0.0.1', 'localhost', ...own, ...extra])].filter(Boolean);
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM files from its own package folder: bundling it breaks the paths.
  // esbuild and piscina start the PDF rendering threads from files of their own (lib/pdf/render-pool.ts).
  // pdfkit, react-pdf's writer, is the one react-pdf loads, so that lib/pdf/font-cache.ts reaches it.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', '@react-pdf/renderer', 'pdfkit', 'esbuild', 'piscina'],
  experimental: {
    authInterrupts: true,
  },
  allowedDevOrigins: devOrigins(),
  poweredByHeader: false,
  // Behind a reverse proxy that compresses the pages itself, HTTP_COMPRESSION=off spares the
  // server's cores the same work (README, Performance).
  compress: process.env.HTTP_COMPRESSION !== 'off',
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          // Nothing may frame the application (clickjacking), nor load plugins or post forms elsewhere.
          { key: 'Content-Security-Policy', value: "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'" },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
