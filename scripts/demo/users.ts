/**
 * The demo users, one per role, all with the same password: seeded by scripts/demo/seed.ts and
 * listed on the sign-in page in demo mode (app/login/page.tsx). Data only, so that the page
 * takes none of the seed's code with it. The portal's user is a contact of head 12345.
 */
export const DEMO_PASSWORD = 'demo';
export const DEMO_USERS = [
  { email: 'admin@demo.local', name: 'Administratrice Démo', role: 'admin' },
  { email: 'facturation@demo.local', name: 'Commis Facturation Démo', role: 'billing' },
  { email: 'repartition@demo.local', name: 'Répartiteur Démo', role: 'dispatcher' },
  { email: 'portail@demo.local', name: 'Portail Pharmacie Centrale', role: 'portal', portalClientNumber: 12345 },
] as const;
