/**
 * What a file route (a PDF, a CSV) answers when it produces no file (lib/actions/define-file-route.ts):
 * a short text the browser shows in place of the page, never a stack trace. A route may name its
 * own message for a case, in its own words (a print says that nothing was marked printed).
 */
export const frFileRoutes = {
  fileRoutes: {
    invalid: 'Cette demande est invalide : aucun fichier n’a été produit. Refaites-la depuis l’écran de l’application.',
    notFound: 'Ce fichier est introuvable.',
    unavailable: 'La base de données est momentanément injoignable : aucun fichier n’a été produit. Réessayez dans quelques instants.',
    unexpected: 'Le fichier n’a pas pu être produit. Réessayez ; si le problème persiste, avisez un administrateur.',
    invoice: { notFound: 'Cette facture est introuvable.' },
    outboxAttachment: { notFound: 'Ce message n’est pas dans la boîte d’envoi, ou il n’a pas de pièce jointe.' },
    accountingExport: { notFound: 'Cette exportation comptable est introuvable.' },
    deliveryPrint: {
      invalid: 'Sélection invalide : choisissez un traitement ou une période, puis imprimez de nouveau.',
      notFound: 'Aucune facture à imprimer dans cette sélection.',
      unavailable:
        'La base de données est momentanément injoignable : l’impression n’a pas été produite et aucune facture n’a été marquée imprimée. Réessayez dans quelques instants.',
      unexpected:
        'L’impression n’a pas pu être produite : aucune facture n’a été marquée imprimée. Réessayez ; si le problème persiste, avisez un administrateur.',
    },
    statementsPrint: {
      invalid: 'Sélection invalide : choisissez une période, puis imprimez de nouveau.',
      notFound: 'Aucun état de compte à imprimer dans cette sélection.',
      unavailable:
        'La base de données est momentanément injoignable : les états de compte n’ont pas été produits. Réessayez dans quelques instants.',
      unexpected: 'Les états de compte n’ont pas pu être produits. Réessayez ; si le problème persiste, avisez un administrateur.',
    },
  },
};
