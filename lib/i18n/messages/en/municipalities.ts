import type { frMunicipalities } from '../fr/municipalities';

/** The municipalities' list (/admin/municipalities). */
export const enMunicipalities: typeof frMunicipalities = {
  municipalitiesAdmin: {
    intro:
      'Passenger trips are taken in a municipality of this list to another. A typed name is recognized whatever its capitals, accents, hyphens and spaces; an unknown municipality is refused at call taking, by the API and by the import: add it here.',
    tableLabel: 'Municipalities',
    columns: { name: 'Municipality', variants: 'Merged spellings' },
    none: 'No municipality yet.',
    addTitle: 'Add a municipality',
    name: 'Name',
    nameHint: 'As it is officially written, e.g. “Saint-Jean-sur-Richelieu”.',
    add: 'Add',
    added: 'Municipality “{name}” added.',
    renameTitle: 'Rename a municipality',
    renameHint: 'Its calls follow: they name it by its number, not by its name.',
    municipality: 'Municipality',
    newName: 'New name',
    rename: 'Rename',
    renamed: '“{before}” is now called “{after}”.',
    unchanged: 'The municipality is already called “{after}”.',
    mergeTitle: 'Merge a spelling into another',
    mergeHint:
      'For a duplicate, such as “St-Jérôme” and “Saint-Jérôme”: the spelling and its calls now count as the other municipality, in the reports and at call taking. A merge cannot be undone.',
    variant: 'Spelling to merge',
    into: 'Into the municipality',
    merge: 'Merge',
    mergeConfirm: 'Merge this spelling into the other municipality? A merge cannot be undone.',
    merged: '“{variant}” now counts as “{into}”.',
    choose: 'Choose…',
  },
  errors: {
    municipality: {
      notFound: 'This municipality does not exist.',
      nameLetters: 'A municipality’s name has letters.',
      nameTaken: 'This name already stands for the municipality “{name}” (capitals, accents, hyphens and spaces do not count).',
      merged: '“{name}” is already merged into “{into}”.',
      mergeIntoItself: 'Choose another municipality than the spelling to merge.',
    },
  },
};
