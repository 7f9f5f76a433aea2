/** The settings form as the inputs hold it: every field a string. */
export type CompanySettingsFormValues = {
  name: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  province: string;
  postalCode: string;
  phone: string;
  email: string;
  gstNumber: string;
  qstNumber: string;
  reviewPriceFactor: string;
  isContestNoticeEmailed: boolean;
};

/** Saved (or not yet entered: null) settings → the form's values; a new company is in Quebec. */
export function companySettingsFormValues(
  settings:
    | (Record<Exclude<keyof CompanySettingsFormValues, 'reviewPriceFactor' | 'isContestNoticeEmailed'>, string | null> & {
        reviewPriceFactor: number;
        isContestNoticeEmailed: boolean;
      })
    | null,
): CompanySettingsFormValues {
  return {
    name: settings?.name ?? '',
    addressLine1: settings?.addressLine1 ?? '',
    addressLine2: settings?.addressLine2 ?? '',
    city: settings?.city ?? '',
    province: settings?.province ?? 'QC',
    postalCode: settings?.postalCode ?? '',
    phone: settings?.phone ?? '',
    email: settings?.email ?? '',
    gstNumber: settings?.gstNumber ?? '',
    qstNumber: settings?.qstNumber ?? '',
    reviewPriceFactor: String(settings?.reviewPriceFactor ?? 3),
    isContestNoticeEmailed: settings?.isContestNoticeEmailed ?? false,
  };
}
