import type { frApi } from '../fr/api';

/** The API tokens screen (/admin/api). */
export const enApi: typeof frApi = {
  apiAdmin: {
    intro:
      'A token lets the dispatch system read clients and calls, and send calls, through the API (/api/v1, described at /api/v1/openapi.json). It is shown once, when it is created.',
    tableLabel: 'API tokens',
    columns: {
      name: 'Name',
      prefix: 'Token starts with',
      scope: 'Scope',
      createdAt: 'Created',
      createdBy: 'By',
      lastUsedAt: 'Last used',
      status: 'Status',
    },
    scopes: { read: 'Read', write: 'Read and write calls' },
    never: 'Never',
    active: 'Active',
    revokedOn: 'Revoked on {date}',
    none: 'No token yet.',
    newTitle: 'New token',
    name: 'Token name',
    nameHint: 'The system that uses it, e.g. “Main dispatch”.',
    scope: 'Scope',
    create: 'Create the token',
    created: 'Token “{name}” created. Copy it now: it will not be shown again.',
    secret: 'Token to copy',
    revoke: 'Revoke',
    revokeConfirm: 'Revoke the token “{name}”? The system that uses it will no longer reach the API.',
    revoked: 'Token “{name}” revoked.',
  },
  errors: {
    apiToken: {
      notFound: 'This token does not exist.',
      alreadyRevoked: 'This token is already revoked.',
    },
  },
};
