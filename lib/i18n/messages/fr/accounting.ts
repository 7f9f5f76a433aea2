/** The accounting export screen (/admin/accounting). */
export const frAccounting = {
  accounting: {
    intro:
      'Les factures, notes de crédit et paiements d’une période, en écritures de journal pour les livres comptables : comptes clients, ventes, TPS à payer, TVQ à payer et banque. Chaque document n’est exporté qu’une fois ; une réexportation le reprend volontairement.',
    waiting: '{count, plural, one {# document attend} other {# documents attendent}} d’être exportés, datés du {from} au {to}.',
    nothingWaiting: 'Tous les documents ont été exportés.',
    newTitle: 'Nouvelle exportation',
    from: 'Du',
    to: 'Au',
    isReexport: 'Réexporter aussi les documents déjà exportés de la période',
    create: 'Exporter la période',
    created:
      'Exportation {id} : {count, plural, one {# document} other {# documents}}, débits et crédits de {total} chacun. Téléchargez-la ci-dessous.',
    exportsTitle: 'Exportations',
    exportsLabel: 'Exportations comptables',
    none: 'Aucune exportation pour l’instant.',
    columns: {
      id: 'No',
      period: 'Période',
      documents: 'Documents',
      total: 'Débits = crédits',
      createdAt: 'Exportée le',
      createdBy: 'Par',
      files: 'Fichiers',
    },
    periodRange: '{from} au {to}',
    reexport: 'réexportation',
    layouts: { journal: 'Journal général (CSV)', quickbooks: 'QuickBooks (CSV)', sage50: 'Sage 50 (TXT)' },
    mappingTitle: 'Comptes du grand livre',
    mappingHint: 'Le numéro ou le nom de chaque compte tel que le logiciel comptable le connaît (QuickBooks importe par nom).',
    mappingReadOnly: 'Seul un administrateur peut changer les comptes.',
    accounts: {
      receivablesAccount: 'Comptes clients',
      salesAccount: 'Ventes',
      gstAccount: 'TPS à payer',
      qstAccount: 'TVQ à payer',
      duesAccount: 'Redevance à payer',
      bankAccount: 'Banque',
    },
    saveMapping: 'Enregistrer les comptes',
    mappingSaved: 'Comptes enregistrés.',
    journal: {
      headers: {
        date: 'Date',
        source: 'Pièce',
        kind: 'Type',
        clientNumber: 'No client',
        client: 'Client',
        account: 'Compte',
        description: 'Description',
        debit: 'Débit',
        credit: 'Crédit',
      },
      kinds: {
        invoice: 'Facture',
        invoice_void: 'Facture annulée',
        credit_note: 'Note de crédit',
        payment: 'Paiement',
        payment_reversal: 'Paiement retourné',
      },
    },
  },
  errors: {
    accounting: {
      nothingToExport:
        'Aucun document à exporter du {from} au {to} : tous ont déjà été exportés (cochez la réexportation pour les reprendre).',
      nothingInPeriod: 'Aucun document daté du {from} au {to}.',
      periodOrder: 'La fin de la période doit suivre son début.',
      accountText: 'Un compte s’écrit sur une ligne, sans guillemets.',
    },
  },
};
