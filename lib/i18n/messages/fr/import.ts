/** Imports and exports of data (/admin/import), and a call imported with its former invoice. */
export const frImport = {
  importAdmin: {
    intro:
      'Importez des clients (avec leur No. client regroupé), des tarifs et des appels historiques à partir d’un fichier CSV enregistré par un tableur : UTF-8 ou Windows-1252, séparateur « ; » ou « , », décimales avec virgule ou point, dates AAAA-MM-JJ. Le fichier est d’abord vérifié au complet ; il n’est importé que s’il ne contient aucune erreur, et tout ou rien.',
    order: 'Importez dans cet ordre : les tarifs, puis les clients, puis les appels.',
    importTitle: 'Importer un fichier',
    kind: 'Contenu du fichier',
    kinds: { clients: 'Clients', tariffs: 'Tarifs', calls: 'Appels historiques' },
    file: 'Fichier CSV',
    fileHint: '{limit} Mo au plus.',
    check: 'Vérifier le fichier',
    import: 'Importer',
    checking: 'Vérification en cours…',
    importing: 'Importation en cours…',
    progressSent: '{percent} % du fichier lu',
    progressRows: '{rows, plural, =0 {Aucune ligne lue} one {# ligne lue} other {# lignes lues}}',
    valid:
      'Fichier valide ({encoding}, séparateur « {delimiter} ») : {rows, plural, one {# ligne} other {# lignes}} — {created, number} à créer, {updated, number} à mettre à jour, {unchanged, number} inchangée(s). Rien n’est encore importé.',
    invalid: '{count, plural, one {# erreur} other {# erreurs}} : rien n’a été importé. Corrigez le fichier, puis vérifiez-le de nouveau.',
    moreErrors: '… et {count, plural, one {# autre erreur} other {# autres erreurs}} non listées.',
    imported:
      'Importation terminée : {created, number} créé(s), {updated, number} mis à jour, {unchanged, number} inchangé(s). Chaque changement figure au journal d’audit à votre nom.',
    errorsLabel: 'Erreurs du fichier',
    columns: { line: 'Ligne', column: 'Colonne', reason: 'Erreur' },
    wholeFile: 'fichier',
    wholeLine: '—',
    sessionExpired: 'Votre session a expiré. Reconnectez-vous, puis recommencez.',
    networkError: 'Le serveur n’a pas pu être joint : rien n’a été importé. Réessayez.',
    chooseFile: 'Choisissez un fichier.',
    template: 'Modèle — {kind}',
    exportTitle: 'Exporter',
    exportIntro:
      'Les mêmes colonnes que l’importation : un fichier exporté se réimporte tel quel dans une autre base de données. Les appels sont ceux de la période choisie (dates du service).',
    exportKind: 'Données',
    from: 'Du',
    to: 'Au',
    separator: 'Séparateur',
    separators: { semicolon: 'Point-virgule (tableur en français)', comma: 'Virgule' },
    download: 'Télécharger le CSV',
    columnsTitle: 'Colonnes de chaque fichier',
    columnsIntro:
      'Les colonnes marquées * sont obligatoires. Une colonne absente garde la valeur d’un client ou d’un tarif déjà présent ; les appels sont décrits au complet.',
  },
  importedCall: {
    invoice: 'Facturé dans l’ancien système (facture {invoice})',
    readOnly:
      'Cet appel a été importé de l’ancien système, où il a été facturé sur la facture {invoice} : il ne peut pas être modifié ni facturé de nouveau.',
  },
  errors: {
    import: {
      kind: 'Choisissez le contenu du fichier : clients, tarifs ou appels.',
      tooLarge: 'Fichier trop volumineux : {limit} Mo au plus (réglage IMPORT_MAX_MB). Rien n’a été importé.',
      empty: 'Le fichier est vide.',
      utf16: 'Ce fichier est en UTF-16 (« texte Unicode ») : enregistrez-le en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) ».',
      binary:
        'Ce fichier n’est pas un fichier texte CSV : enregistrez la feuille en « CSV UTF-8 » ou en « CSV (séparateur : point-virgule) ».',
      mixedEncoding:
        'Encodage incohérent à partir de cette ligne : le fichier commence en UTF-8 puis contient des caractères d’un autre encodage. Enregistrez-le de nouveau en « CSV UTF-8 ».',
      switchedToUtf8:
        'Encodage incohérent à partir de cette ligne : le fichier commence en Windows-1252 puis contient du texte en UTF-8 (« Ã© » au lieu de « é »). Enregistrez-le de nouveau en « CSV UTF-8 ».',
      headerLine: 'La première ligne doit nommer les colonnes, séparées par des points-virgules ou des virgules.',
      unknownColumn: 'Colonne inconnue « {column} » (voir le modèle de ce fichier).',
      missingColumn: 'Colonne obligatoire absente : « {column} ».',
      duplicateColumn: 'La colonne « {column} » figure deux fois.',
      recordTooLong: 'Ligne trop longue (plus de {max} caractères) : le fichier n’est pas lu au-delà.',
      quote: 'Guillemet non fermé ou mal placé : le fichier n’est pas lu au-delà de cette ligne.',
      extraCells: 'Cette ligne a plus de cellules remplies que de colonnes.',
      noRows: 'Le fichier ne contient aucune ligne de données.',
      cellTooLong: 'Valeur trop longue : {max} caractères au plus.',
      controlCharacters: 'Cette valeur contient des caractères de contrôle invisibles.',
      choice: '« {value} » n’est pas une valeur permise : {choices}.',
      duplicateClient: 'Le client {number} figure déjà à la ligne {first}.',
      duplicateTariff: 'Le tarif {code} figure déjà à la ligne {first}.',
      duplicateCall: 'L’appel {id} figure déjà à la ligne {first}.',
      unknownTariff: 'Le tarif {code} n’existe pas : importez d’abord les tarifs.',
      unknownClient: 'Le client {number} n’existe pas : importez d’abord les clients.',
      unknownMunicipality:
        'La municipalité « {name} » n’est pas dans la liste : un administrateur l’ajoute dans Administration › Municipalités, ou fusionne cette graphie dans la bonne.',
      callId: 'No. appel : de 1 à 93 lettres, chiffres ou « . _ : - ».',
      amountTooLarge: 'Montant trop élevé : 999 999,99 $ au plus.',
      priceMismatch: 'Le prix ({price}) doit être le montant brut ({gross}) moins l’escompte ({discount}).',
      discountAboveGross: 'L’escompte ({discount}) dépasse le montant brut ({gross}).',
      invoicedNotCompleted: 'Un appel facturé (No. facture {invoice}) a forcément le statut Terminé.',
      invoiceNumber: 'No. facture : 50 caractères au plus.',
      callLocked: 'L’appel {id} a déjà été importé et il est facturé (facture {invoice}) : il ne peut plus changer.',
      callFromThisDatabase:
        'L’appel {id} est déjà un appel de cette base de données (même numéro, même client, même date) : ce fichier en semble une exportation.',
      callFromApi: 'L’appel {id} ne peut pas être importé : son identifiant import:{id} est celui d’un appel reçu de l’API de répartition.',
      conflict:
        'Les mêmes données ont été modifiées par quelqu’un d’autre pendant l’importation : rien n’a été importé. Vérifiez le fichier de nouveau.',
      callLegacyInvoiced: 'L’appel {number} a été facturé dans l’ancien système (facture {invoice}) : il ne peut plus être modifié.',
    },
  },
};
