/** The municipalities' list (/admin/municipalities). */
export const frMunicipalities = {
  municipalitiesAdmin: {
    intro:
      'Les courses de transport de personnes sont prises dans une municipalité de cette liste et vont vers une autre. Un nom tapé y est reconnu sans égard aux majuscules, aux accents, aux traits d’union ni aux espaces ; une municipalité inconnue est refusée à la prise d’appel, par l’API et à l’importation : ajoutez-la ici.',
    tableLabel: 'Municipalités',
    columns: { name: 'Municipalité', variants: 'Graphies fusionnées' },
    none: 'Aucune municipalité pour l’instant.',
    addTitle: 'Ajouter une municipalité',
    name: 'Nom',
    nameHint: 'Tel qu’il s’écrit officiellement, ex. « Saint-Jean-sur-Richelieu ».',
    add: 'Ajouter',
    added: 'Municipalité « {name} » ajoutée.',
    renameTitle: 'Renommer une municipalité',
    renameHint: 'Ses appels suivent : ils la désignent par son numéro, non par son nom.',
    municipality: 'Municipalité',
    newName: 'Nouveau nom',
    rename: 'Renommer',
    renamed: '« {before} » s’appelle maintenant « {after} ».',
    unchanged: 'La municipalité s’appelle déjà « {after} ».',
    mergeTitle: 'Fusionner une graphie dans une autre',
    mergeHint:
      'Pour un doublon, comme « St-Jérôme » et « Saint-Jérôme » : la graphie et ses appels comptent désormais comme l’autre municipalité, dans les rapports et à la prise d’appel. Une fusion ne se défait pas.',
    variant: 'Graphie à fusionner',
    into: 'Dans la municipalité',
    merge: 'Fusionner',
    mergeConfirm: 'Fusionner cette graphie dans l’autre municipalité ? Une fusion ne se défait pas.',
    merged: '« {variant} » compte désormais comme « {into} ».',
    choose: 'Choisir…',
  },
  errors: {
    municipality: {
      notFound: 'Cette municipalité n’existe pas.',
      nameLetters: 'Le nom d’une municipalité contient des lettres.',
      nameTaken:
        'Ce nom désigne déjà la municipalité « {name} » (les majuscules, les accents, les traits d’union et les espaces ne comptent pas).',
      merged: '« {name} » est déjà fusionnée dans « {into} ».',
      mergeIntoItself: 'Choisissez une autre municipalité que la graphie à fusionner.',
    },
  },
};
