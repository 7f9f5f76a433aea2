/** The API tokens screen (/admin/api). */
export const frApi = {
  apiAdmin: {
    intro:
      'Un jeton permet au système de répartition de lire les clients et les appels, et d’envoyer des appels, par l’API (/api/v1, décrite à /api/v1/openapi.json). Il n’est montré qu’une fois, à sa création.',
    tableLabel: 'Jetons de l’API',
    columns: {
      name: 'Nom',
      prefix: 'Début du jeton',
      scope: 'Portée',
      createdAt: 'Créé le',
      createdBy: 'Par',
      lastUsedAt: 'Dernière utilisation',
      status: 'État',
    },
    scopes: { read: 'Lecture', write: 'Lecture et écriture des appels' },
    never: 'Jamais',
    active: 'Actif',
    revokedOn: 'Révoqué le {date}',
    none: 'Aucun jeton pour l’instant.',
    newTitle: 'Nouveau jeton',
    name: 'Nom du jeton',
    nameHint: 'Le système qui l’utilise, par ex. « Répartition principale ».',
    scope: 'Portée',
    create: 'Créer le jeton',
    created: 'Jeton « {name} » créé. Copiez-le maintenant : il ne sera plus affiché.',
    secret: 'Jeton à copier',
    revoke: 'Révoquer',
    revokeConfirm: 'Révoquer le jeton « {name} » ? Le système qui l’utilise n’aura plus accès à l’API.',
    revoked: 'Jeton « {name} » révoqué.',
  },
  errors: {
    apiToken: {
      notFound: 'Ce jeton n’existe pas.',
      alreadyRevoked: 'Ce jeton est déjà révoqué.',
    },
  },
};
