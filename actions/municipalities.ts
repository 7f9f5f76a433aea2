'use server';

import { getTranslations } from 'next-intl/server';
import { defineAction } from '@/actions/define-action';
import { ADMIN } from '@/lib/auth/roles';
import { addMunicipalityInput, mergeMunicipalityInput, renameMunicipalityInput } from '@/lib/municipalities/municipality-input';
import { addMunicipality, mergeMunicipality, renameMunicipality } from '@/lib/municipalities/save-municipality';

// The municipalities' list is the company's own: its actions are among the settings' (as its audit lines).
const SCREENS = ['/admin/municipalities'];

export const addMunicipalityAction = defineAction({
  name: 'settings.addMunicipality',
  roles: ADMIN,
  input: addMunicipalityInput,
  run: async ({ db, user, input }) => {
    const { name } = await addMunicipality(db, user.id, input);
    const t = await getTranslations('municipalitiesAdmin');
    return { message: t('added', { name }) };
  },
  revalidates: SCREENS,
});

export const renameMunicipalityAction = defineAction({
  name: 'settings.renameMunicipality',
  roles: ADMIN,
  input: renameMunicipalityInput,
  run: async ({ db, user, input }) => {
    const { before, after } = await renameMunicipality(db, user.id, input);
    const t = await getTranslations('municipalitiesAdmin');
    return { message: before === after ? t('unchanged', { after }) : t('renamed', { before, after }) };
  },
  revalidates: SCREENS,
});

export const mergeMunicipalityAction = defineAction({
  name: 'settings.mergeMunicipality',
  roles: ADMIN,
  input: mergeMunicipalityInput,
  run: async ({ db, user, input }) => {
    const { variant, into } = await mergeMunicipality(db, user.id, input);
    const t = await getTranslations('municipalitiesAdmin');
    return { message: t('merged', { variant, into }) };
  },
  revalidates: SCREENS,
});
